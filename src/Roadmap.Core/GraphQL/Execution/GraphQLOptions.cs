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

    /// <summary>
    /// The time parsing and validating a new document may take, before execution and its own timeout start;
    /// past it the request fails with VALIDATION_TIMEOUT. Documents within the other limits validate in milliseconds.
    /// </summary>
    public TimeSpan ValidationTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Fields a document may select, counted as executed: a fragment's fields once for every spread of it.</summary>
    public int MaxFields { get; set; } = 1_000;

    /// <summary>Aliases a document may write.</summary>
    public int MaxAliases { get; set; } = 200;

    /// <summary>Fragment spreads (<c>...Name</c>) a document may write.</summary>
    public int MaxFragmentSpreads { get; set; } = 100;

    /// <summary>
    /// Different argument lists one response name may carry across a document. Each pair of selections under one
    /// name is compared by validation, so many under one name cost quadratic time and errors.
    /// </summary>
    public int MaxArgumentSetsPerResponseName { get; set; } = 10;

    /// <summary>Errors one response carries; the rest are counted in a last TOO_MANY_ERRORS error.</summary>
    public int MaxErrors { get; set; } = 100;

    /// <summary>What <c>__schema</c> and <c>__type</c> cost in complexity: a bound on the schema's size, written out once per selection.</summary>
    public int IntrospectionComplexity { get; set; } = 5_000;

    /// <summary>What one <c>export</c> field costs in complexity: a bound on writing out the whole graph once.</summary>
    public int ExportComplexity { get; set; } = 10_000;

    /// <summary>The largest response the HTTP endpoint writes; a larger one is replaced by a RESPONSE_TOO_LARGE error.</summary>
    public int MaxResponseBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>An operation that takes longer is logged at Warning with its name, document hash, outcome and trace id; zero logs none.</summary>
    public TimeSpan SlowOperationThreshold { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether the schema can be introspected (GraphiQL and code generators need it).</summary>
    public bool EnableIntrospection { get; set; } = true;
}
