using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Roadmap.Core.GraphQL.Introspection;

/// <summary>
/// The spec's <c>@specifiedBy(url:)</c>, which GraphQL.NET 8 does not define: a scalar's applied directive in the SDL,
/// and <c>__Type.specifiedByURL</c> in introspection (<see cref="RoadmapSchema"/> adds that field).
/// </summary>
public sealed class SpecifiedByDirective : Directive
{
    public const string DirectiveName = "specifiedBy";

    /// <summary>The date-time scalar specification: RFC 3339 date-times, as DateTime reads and writes them.</summary>
    public const string DateTimeSpecification = "https://scalars.graphql.org/andimarek/date-time";

    // The metadata key a scalar keeps its specification's address under, for introspection to read.
    internal const string UrlMetadata = "Roadmap.SpecifiedByURL";

    public SpecifiedByDirective() : base(DirectiveName, DirectiveLocation.Scalar)
    {
        Description = "Where the behaviour of a custom scalar is specified.";
        Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "url", Description = "The address of the specification." });
    }

    /// <summary>True: GraphQL.NET leaves a schema directive out of introspection unless told, and the spec lists @specifiedBy.</summary>
    public override bool? Introspectable => true;

    /// <summary>Marks a scalar as specified at an address, for the SDL and for introspection.</summary>
    public static void Apply(ScalarGraphType scalar, string url)
    {
        scalar.ApplyDirective(DirectiveName, "url", url);
        scalar.Metadata[UrlMetadata] = url;
    }
}
