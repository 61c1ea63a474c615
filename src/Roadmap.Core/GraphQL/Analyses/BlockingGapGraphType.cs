using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.GraphQL.Traversal;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class BlockingGapGraphType : ObjectGraphType<BlockingGap>
{
    public BlockingGapGraphType()
    {
        Name = "BlockingGap";
        Description = "A node of the gap set that the node needs, directly or not.";
        Field<NonNullGraphType<NodeInterface>>("gap").Description("The gap.").Resolve(c => c.Source.Gap);
        Field<NonNullGraphType<IntGraphType>>("distance").Description("Edges on the shortest chain from the node down to the gap.").Resolve(c => c.Source.Distance);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathGraphType>>>>("chains")
            .Description("Chains from the node to the gap, shortest first, up to the chainsPerGap asked for (a list: bounded by that argument).").Resolve(c => c.Source.Chains);
    }
}
