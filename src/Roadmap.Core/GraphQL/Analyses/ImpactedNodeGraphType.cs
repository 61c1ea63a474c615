using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.GraphQL.Traversal;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class ImpactedNodeGraphType : ObjectGraphType<ImpactedNode>
{
    public ImpactedNodeGraphType()
    {
        Name = "ImpactedNode";
        Description = "A node that transitively needs a gap.";
        Field<NonNullGraphType<NodeInterface>>("node").Description("The node hit.").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<IntGraphType>>("distance").Description("Edges between this node and the nearest gap.").Resolve(c => c.Source.Distance);
        Field<NonNullGraphType<PathGraphType>>("path").Description("One shortest chain from this node down to a gap: the evidence.").Resolve(c => c.Source.Path);
        Field<NonNullGraphType<ImpactSeverityEnum>>("severity")
            .Description("BLOCKED when the node cannot be had while the gaps last; AT_RISK when an alternative remains.").Resolve(c => c.Source.Severity);
    }
}
