using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Roadmaps;

public sealed class RoadmapMilestoneGraphType : ObjectGraphType<RoadmapMilestone>
{
    public RoadmapMilestoneGraphType()
    {
        Name = "RoadmapMilestone";
        Description = "A target (of a product) or goal (of a program) on the roadmap's time axis, at the year it is due.";
        Field<NonNullGraphType<IntGraphType>>("dueYear")
            .Description("The year the plan gives for it (a \"year by which\" goal, or 到2025年 in its clause); else the end of the stating plan's period.")
            .Resolve(c => c.Source.DueYear);
        Field<NonNullGraphType<BooleanGraphType>>("dueYearStated")
            .Description("True when the plan gives the year; false when dueYear is the stating plan's period end.").Resolve(c => c.Source.DueYearStated);
        Field<NonNullGraphType<StringGraphType>>("label").Description("The metric and the bound, for the chart, e.g. \"sensitivity > 6 cps/kBq\".").Resolve(c => c.Source.Label);
        Field<QuantityGraphType>("target").Description("The target or goal itself.").Resolve(c => c.Source.Target);
        Field<SourceGraphType>("source").Description("The clause that sets it.").Resolve(c => c.Source.Source);
    }
}
