using GraphQL.Conversion;
using GraphQL.Types;

namespace Roadmap.Core.GraphQL.Arguments;

/// <summary>
/// camelCase names as GraphQL.NET gives them, except names in capitals: the filter operators AND, OR and NOT are
/// spelled as @neo4j/graphql and Hasura clients expect, where camelCase would make them aND, oR and nOT.
/// </summary>
public sealed class FilterOperatorNames : INameConverter
{
    public static readonly FilterOperatorNames Instance = new();

    public string NameForField(string fieldName, IComplexGraphType parentGraphType) =>
        IsCapitals(fieldName) ? fieldName : CamelCaseNameConverter.Instance.NameForField(fieldName, parentGraphType);

    public string NameForArgument(string argumentName, IComplexGraphType parentGraphType, FieldType field) =>
        CamelCaseNameConverter.Instance.NameForArgument(argumentName, parentGraphType, field);

    private static bool IsCapitals(string name) => name.Length > 1 && name.All(c => c is >= 'A' and <= 'Z' or '_');
}
