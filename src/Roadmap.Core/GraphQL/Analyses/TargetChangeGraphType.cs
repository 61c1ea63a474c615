using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class TargetChangeGraphType : ObjectGraphType<TargetChange>
{
    public TargetChangeGraphType()
    {
        Name = "TargetChange";
        Description = "A metric both plans set on one node (a product's target or a program's goal), with different bounds or units.";
        Field<NonNullGraphType<NodeInterface>>("node").Description("The product or program.").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<QuantityGraphType>>("inA").Description("What plan a sets.").Resolve(c => c.Source.InA);
        Field<NonNullGraphType<QuantityGraphType>>("inB").Description("What plan b sets.").Resolve(c => c.Source.InB);
    }
}
