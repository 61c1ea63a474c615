using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class BottleneckGraphType : ObjectGraphType<Bottleneck>
{
    public BottleneckGraphType()
    {
        Name = "Bottleneck";
        Description = "A node and how much of the roadmap needs it.";
        Field<NonNullGraphType<NodeInterface>>("node").Description("The node ranked.").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<IntGraphType>>("dependentProducts").Description("Products that need it, directly or not.").Resolve(c => c.Source.DependentProducts);
        Field<NonNullGraphType<IntGraphType>>("dependentPrograms").Description("Programs that need it, directly or not.").Resolve(c => c.Source.DependentPrograms);
        Field<NonNullGraphType<IntGraphType>>("blockedProducts").Description("Products a gap in this node alone would block (no alternative left).").Resolve(c => c.Source.BlockedProducts);
        Field<AssessmentStatusEnum>("latestStatus").Description("The node's latest judged status, or null when no plan judges it.").Resolve(c => c.Source.LatestStatus);
    }
}
