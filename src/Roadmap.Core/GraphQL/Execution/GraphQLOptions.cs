namespace Roadmap.Core.GraphQL.Execution;

/// <summary>
/// Bounds on executing one GraphQL document, wherever it comes from (the HTTP endpoint or <c>roadmap query</c>):
/// configuration section <c>GraphQL</c>. The HTTP endpoint's own bounds (body size, request rate) live with it.
/// </summary>
public sealed class GraphQLOptions
{
    public const string Section = "GraphQL";

    /// <summary>How deep a document's selections may nest. Not a traversal bound: those are <c>maxDepth</c> arguments.</summary>
    public int MaxSelectionDepth { get; set; } = 15;

    /// <summary>GraphQL.NET's complexity estimate: each field costs 1, a list field multiplies what is under it by 5.</summary>
    public int MaxComplexity { get; set; } = 200_000;

    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether the schema can be introspected (GraphiQL and code generators need it).</summary>
    public bool EnableIntrospection { get; set; } = true;
}
