using GraphQL;
using GraphQL.Types;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.GraphQL.Loading;

namespace Roadmap.Core.GraphQL.Traversal;

/// <summary>The query fields that follow edges: what a node needs, what needs it, and the paths between two nodes.</summary>
public static class TraversalQueries
{
    public static void AddDependencies(ObjectGraphType query) =>
        query.Field<NonNullGraphType<SubgraphGraphType>>("dependencies")
            .Description("What a node needs, following edges forward: a product's components, their materials, the technologies they use.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The node to start from; an unknown id gives an empty subgraph with a null root.")
            .Argument<IntGraphType>("maxDepth", a => { a.DefaultValue = 3; a.Description = $"1 to {ArgumentLimits.MaxDepth} edges."; })
            .ResolveAsync(c => Reach(c, Direction.Forward));

    public static void AddDependents(ObjectGraphType query) =>
        query.Field<NonNullGraphType<SubgraphGraphType>>("dependents")
            .Description("What needs a node, following edges backward: the products and programs that rely on a component.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The node to start from; an unknown id gives an empty subgraph with a null root.")
            .Argument<IntGraphType>("maxDepth", a => { a.DefaultValue = 3; a.Description = $"1 to {ArgumentLimits.MaxDepth} edges."; })
            .ResolveAsync(c => Reach(c, Direction.Backward));

    public static void AddPaths(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathGraphType>>>>("paths")
            .Description("Directed simple paths from one node to another along dependency edges, shortest first: how a program reaches a technology.")
            .Argument<NonNullGraphType<IdGraphType>>("from", "Where the paths start, such as a program.")
            .Argument<NonNullGraphType<IdGraphType>>("to", "Where they end, such as a technology. No paths when either id is unknown or both are the same.")
            .Argument<IntGraphType>("maxLength", a => { a.DefaultValue = 6; a.Description = $"1 to {ArgumentLimits.MaxPathLength} edges."; })
            .Argument<IntGraphType>("limit", a => { a.DefaultValue = 10; a.Description = $"1 to {ArgumentLimits.MaxPathCount} paths."; })
            .ResolveAsync(async c =>
            {
                var maxLength = ArgumentLimits.InRange(c, "maxLength", 1, ArgumentLimits.MaxPathLength);
                var limit = ArgumentLimits.InRange(c, "limit", 1, ArgumentLimits.MaxPathCount);
                return await c.Store().PathsAsync(c.GetArgument<string>("from"), c.GetArgument<string>("to"), maxLength, limit, c.CancellationToken);
            });

    private static async Task<object?> Reach(IResolveFieldContext context, Direction direction)
    {
        var maxDepth = ArgumentLimits.InRange(context, "maxDepth", 1, ArgumentLimits.MaxDepth);
        return await context.Store().ReachAsync(context.GetArgument<string>("id"), direction, maxDepth, context.CancellationToken);
    }
}
