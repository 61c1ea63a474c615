using GraphQL.Types;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.GraphQL.Traversal;
using Roadmap.Core.Plans;

namespace Roadmap.Core.GraphQL.Plans;

public sealed class ProposedTargetGraphType : ObjectGraphType<ProposedTarget>
{
    public ProposedTargetGraphType()
    {
        Name = "ProposedTarget";
        Description = "A target or goal a proposal would record.";
        Field<NonNullGraphType<IdGraphType>>("node").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<StringGraphType>>("metric").Resolve(c => c.Source.Metric);
        Field<NonNullGraphType<ComparatorEnum>>("comparator").Resolve(c => c.Source.Comparator);
        Field<NonNullGraphType<FloatGraphType>>("value").Resolve(c => c.Source.Value);
        Field<StringGraphType>("unit").Description("As the plan writes it.").Resolve(c => c.Source.Unit);
        Field<IntGraphType>("dueYear").Resolve(c => c.Source.DueYear);
    }
}
