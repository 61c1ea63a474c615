using GraphQL;
using Roadmap.Core.Analysis;
using Roadmap.Core.Errors;
using GraphQL.Types;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.GraphQL.Loading;

namespace Roadmap.Core.GraphQL.Traversal;

/// <summary>The query fields that follow edges: what a node needs, what needs it, and the paths between two nodes.</summary>
public static class TraversalQueries
{
    public static void AddEdge(ObjectGraphType query) =>
        query.Field<EdgeGraphType>("edge")
            .Description("One edge by its id ('from -TYPE-> to'); null when no edge has that id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "An Edge.id, such as 'product:ct -REQUIRES-> component:ct-tube'.")
            .ResolveAsync(async c =>
            {
                if (!EdgeKey.TryParse(c.GetArgument<string>("id"), out var key)) return null;
                var edges = await c.Store().GetEdgesAsync([key.From], Direction.Forward, c.CancellationToken);
                return edges.GetValueOrDefault(key.From)?.FirstOrDefault(e => e.Type == key.Type && e.To == key.To);
            });

    public static void AddDependencies(ObjectGraphType query) =>
        query.Field<NonNullGraphType<SubgraphGraphType>>("dependencies")
            .Description("What a node needs, following edges forward: a product's components, their materials, the technologies they use. A variant reaches what its general node needs of every member, not the class's own needs (reach CLASS).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The node to start from; an unknown id gives an empty subgraph with a null root.")
            .Argument<NonNullGraphType<IntGraphType>>("maxDepth", a => { a.DefaultValue = 3; a.Description = $"1 to {ArgumentLimits.MaxDepth} edges."; })
            .WithTraversalControls("Report only nodes of these kinds, e.g. [COMPONENT] for a bill of materials; all when omitted. The walk still goes through the others.")
            .WithMembers("For a class: also what its members need (the nodes that are a VARIANT_OF it, at any remove, each one VARIANT_OF hop deeper), each level naming the member it is reached through. A need the plan states for the class as a whole (reach CLASS) is never passed down to a member either way.")
            .ResolveAsync(c => Reach(c, Direction.Forward));

    public static void AddDependents(ObjectGraphType query) =>
        query.Field<NonNullGraphType<SubgraphGraphType>>("dependents")
            .Description("What needs a node, following edges backward: the products and programs that rely on a component. What a class needs as a whole (reach CLASS) reaches the class and what targets it, not the class's members.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The node to start from; an unknown id gives an empty subgraph with a null root.")
            .Argument<NonNullGraphType<IntGraphType>>("maxDepth", a => { a.DefaultValue = 3; a.Description = $"1 to {ArgumentLimits.MaxDepth} edges."; })
            .WithTraversalControls("Report only nodes of these kinds, e.g. [PRODUCT] for a where-used list of products; all when omitted. The walk still goes through the others.")
            .WithMembers("For a general node: also what needs its variants (高压发生器 → the DSA that needs 大热容量高压发生器), whatever 'via' says of VARIANT_OF, each level naming the variant it is reached through.")
            .ResolveAsync(c => Reach(c, Direction.Backward));

    public static void AddPaths(ObjectGraphType query) =>
        query.Field<NonNullGraphType<PathSearchGraphType>>("paths")
            .Description($"Directed simple paths from one node to another along dependency edges, shortest first: how a program reaches a technology. The search takes at most {TraversalLimits.PathSearchBudget:N0} steps; 'complete' says whether that cut it short.")
            .Argument<NonNullGraphType<IdGraphType>>("from", "Where the paths start, such as a program.")
            .Argument<NonNullGraphType<IdGraphType>>("to", "Where they end, such as a technology. NOT_FOUND when either id names no node; no paths when both are the same.")
            .Argument<NonNullGraphType<IntGraphType>>("maxLength", a => { a.DefaultValue = 6; a.Description = $"1 to {ArgumentLimits.MaxPathLength} edges."; })
            .Argument<NonNullGraphType<IntGraphType>>("limit", a => { a.DefaultValue = 10; a.Description = $"1 to {ArgumentLimits.MaxPathCount} paths."; })
            .WithTraversalControls("Pass only through nodes of these kinds on the way (the two ends may be of any kind); any when omitted.")
            .ResolveAsync(async c =>
            {
                var maxLength = ArgumentLimits.InRange(c, "maxLength", 1, ArgumentLimits.MaxPathLength);
                var limit = ArgumentLimits.InRange(c, "limit", 1, ArgumentLimits.MaxPathCount);
                var (from, to) = (c.GetArgument<string>("from"), c.GetArgument<string>("to"));
                // No paths between two known nodes is an answer; an unknown end is a mistake the caller should hear of.
                var known = await c.Store().GetNodesAsync([from, to], c.CancellationToken);
                foreach (var (argument, id) in new[] { ("from", from), ("to", to) })
                {
                    if (!known.ContainsKey(id)) throw new RoadmapError(ErrorCodes.NotFound, $"'{argument}' names no node: '{id}'.");
                }
                return await c.Store().PathsAsync(from, to, maxLength, limit, TraversalArguments.Read(c), c.CancellationToken);
            });

    private static async Task<object?> Reach(IResolveFieldContext context, Direction direction)
    {
        var maxDepth = ArgumentLimits.InRange(context, "maxDepth", 1, ArgumentLimits.MaxDepth);
        return await context.Store().ReachAsync(context.GetArgument<string>("id"), direction, maxDepth, TraversalArguments.Read(context), context.CancellationToken);
    }
}
