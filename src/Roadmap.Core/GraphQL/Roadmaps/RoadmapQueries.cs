using GraphQL;
using GraphQL.Types;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.GraphQL.Loading;

namespace Roadmap.Core.GraphQL.Roadmaps;

/// <summary>The query field that lays out one node's roadmap.</summary>
public static class RoadmapQueries
{
    public static void AddRoadmap(ObjectGraphType query) =>
        query.Field<RoadmapGraphType>("roadmap")
            .Description("The roadmap of one product or program: the programs that deploy it and what it depends on, by layer, with targets and periods. Null for an unknown id.")
            .Argument<NonNullGraphType<IdGraphType>>("id",
                "The product or program to lay out; a component or technology works too, with the programs that target it on top.")
            .Argument<NonNullGraphType<IntGraphType>>("maxDepth", a => { a.DefaultValue = 6; a.Description = $"1 to {ArgumentLimits.MaxDepth} edges, each way."; })
            .ResolveAsync(async c =>
            {
                var maxDepth = ArgumentLimits.InRange(c, "maxDepth", 1, ArgumentLimits.MaxDepth);
                return await c.Store().RoadmapAsync(c.GetArgument<string>("id"), maxDepth, c.CancellationToken);
            });
}
