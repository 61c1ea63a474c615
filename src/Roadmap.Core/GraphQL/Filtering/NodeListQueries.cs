using GraphQL;
using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.GraphQL.Loading;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.GraphQL.Paging;

namespace Roadmap.Core.GraphQL.Filtering;

/// <summary>The list questions: nodes by a filter, in an order, a page at a time; and how many, by group.</summary>
public static class NodeListQueries
{
    private const int DefaultPageSize = 20;

    public static void AddNodes(ObjectGraphType query) =>
        query.Field<NonNullGraphType<NodeConnectionGraphType>>("nodes")
            .Description("The nodes a filter selects (all when omitted), in the order asked for (id order by default), a page at a time: a Relay connection with first/after and last/before.")
            .Argument<NodeFilterInputGraphType>("where", "Which nodes.")
            .Argument<ListGraphType<NonNullGraphType<NodeOrderInputGraphType>>>("orderBy", $"The order, up to {NodeFilterLimits.MaxOrderKeys} keys; the id breaks ties. Id order when omitted.")
            .Argument<ListGraphType<NonNullGraphType<NodeKindEnum>>>("kinds", "Only these kinds (the same as where: { kinds }); all when omitted.")
            .Argument<IntGraphType>("first", $"At most this many from the start of the list (after 'after'), 0 to {ArgumentLimits.MaxPageSize}; {DefaultPageSize} when neither first nor last is given.")
            .Argument<StringGraphType>("after", "A cursor of this list (endCursor of the page before): start after it.")
            .Argument<IntGraphType>("last", $"At most this many from the end of the list (before 'before'), 0 to {ArgumentLimits.MaxPageSize}.")
            .Argument<StringGraphType>("before", "A cursor of this list (startCursor of the page after): end before it.")
            .ResolveAsync(async c =>
            {
                var filter = Filter(c);
                var order = c.GetArgument<List<NodeOrder>?>("orderBy") ?? [];
                if (order.Count > NodeFilterLimits.MaxOrderKeys)
                {
                    throw new RoadmapError(ErrorCodes.ArgumentOutOfRange, $"'orderBy' holds up to {NodeFilterLimits.MaxOrderKeys} keys; got {order.Count}.");
                }
                var first = PageSize(c, "first");
                var last = PageSize(c, "last");
                if (first is null && last is null) first = DefaultPageSize;
                var fingerprint = Cursors.Fingerprint(filter, order);
                var after = c.GetArgument<string?>("after") is { } a ? Cursors.Decode(a, fingerprint, order) : null;
                var before = c.GetArgument<string?>("before") is { } b ? Cursors.Decode(b, fingerprint, order) : null;
                var window = await c.Store().QueryNodesAsync(new NodeQuery(filter, order, after, before, first, last), c.CancellationToken);
                return new NodeConnection(window, fingerprint);
            });

    public static void AddNodeCounts(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeCountGraphType>>>>("nodeCounts")
            .Description("How many of the nodes a filter selects (all when omitted) have each combination of the grouped values, in the order of those values.")
            .Argument<NodeFilterInputGraphType>("where", "Which nodes.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<NodeGroupKeyEnum>>>>("groupBy", "What to group by; an empty list gives one count of every match.")
            .ResolveAsync(async c => await c.Store().CountNodesAsync(Filter(c), c.GetArgument<List<NodeGroupKey>>("groupBy"), c.CancellationToken));

    /// <summary>The checked filter of 'where', with the older 'kinds' argument folded into it.</summary>
    private static NodeFilter? Filter(IResolveFieldContext context)
    {
        var filter = context.GetArgument<NodeFilter?>("where");
        NodeFilterLimits.Check(filter);
        if (context.HasArgument("kinds") && NodeKindsArgument.Read(context) is { } kinds)
        {
            filter = filter is null ? new NodeFilter { Kinds = kinds } : new NodeFilter { And = [filter, new NodeFilter { Kinds = kinds }] };
        }
        return filter;
    }

    private static int? PageSize(IResolveFieldContext context, string argument) =>
        context.GetArgument<int?>(argument) is null ? null : ArgumentLimits.InRange(context, argument, 0, ArgumentLimits.MaxPageSize);
}
