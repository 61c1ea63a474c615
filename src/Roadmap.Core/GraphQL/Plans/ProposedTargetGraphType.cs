using GraphQL.Types;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.Plans;

namespace Roadmap.Core.GraphQL.Plans;

public sealed class ProposedTargetGraphType : ObjectGraphType<ProposedTarget>
{
    public ProposedTargetGraphType()
    {
        Name = "ProposedTarget";
        Description = "A target or goal a proposal would record.";
        Field<NonNullGraphType<IdGraphType>>("node").Description("The product or program it is set for.").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<StringGraphType>>("metric").Description("What is measured, in English.").Resolve(c => c.Source.Metric);
        Field<NonNullGraphType<ComparatorEnum>>("comparator").Description("How value bounds the metric.").Resolve(c => c.Source.Comparator);
        Field<NonNullGraphType<FloatGraphType>>("value").Description("The number the plan sets.").Resolve(c => c.Source.Value);
        Field<StringGraphType>("unit").Description("As the plan writes it.").Resolve(c => c.Source.Unit);
        Field<IntGraphType>("dueYear").Description("The year the plan says it is due (到2025年), or null.").Resolve(c => c.Source.DueYear);
    }
}
