using GraphQL;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Arguments;

/// <summary>The optional <c>kinds</c> filter that nodes, search and bottlenecks share.</summary>
internal static class NodeKindsArgument
{
    public const string Description = "Only these kinds; all when omitted.";

    /// <summary>The kinds asked for, or null for all.</summary>
    public static HashSet<NodeKind>? Read(IResolveFieldContext context) =>
        context.GetArgument<List<NodeKind>?>("kinds") is { } kinds ? [.. kinds] : null;
}
