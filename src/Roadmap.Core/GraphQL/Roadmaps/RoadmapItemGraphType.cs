using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Roadmaps;

public sealed class RoadmapItemGraphType : ObjectGraphType<RoadmapItem>
{
    public RoadmapItemGraphType()
    {
        Name = "RoadmapItem";
        Description = "One node on the roadmap's time axis: a bar from startYear to endYear, its judgement per year and its milestones.";
        Field<NonNullGraphType<NodeInterface>>("node").Description("The node.").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<IntGraphType>>("startYear").Description("The first year of the bar.").Resolve(c => c.Source.StartYear);
        Field<NonNullGraphType<IntGraphType>>("endYear").Description("The last year of the bar (included).").Resolve(c => c.Source.EndYear);
        Field<NonNullGraphType<RoadmapSpanEnum>>("span").Description("Where startYear and endYear come from.").Resolve(c => c.Source.Span);
        // A list: at most one entry per year of the span, which the plans' years bound (PlanYears).
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<YearStatusGraphType>>>>("statuses")
            .Description("Each year of the roadmap's years with a judgement in force on the node, in order; years before its first assessment are absent.")
            .Resolve(c => c.Source.Statuses);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoadmapMilestoneGraphType>>>>("milestones")
            .Description("The node's targets (a product) or goals (a program), earliest due first.").Resolve(c => c.Source.Milestones);
    }
}
