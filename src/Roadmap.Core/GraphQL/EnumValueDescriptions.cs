using GraphQL.Types;

namespace Roadmap.Core.GraphQL;

internal static class EnumValueDescriptions
{
    /// <summary>Describes one value of an enum graph type: GraphQL.NET does not read the C# enum's XML docs by default.</summary>
    public static void Describe<TEnum>(this EnumerationGraphType<TEnum> type, TEnum value, string description)
        where TEnum : Enum
    {
        var definition = type.Values.FindByValue(value) ?? throw new ArgumentException($"{type.Name} has no value {value}.", nameof(value));
        definition.Description = description;
    }
}
