using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Roadmaps;

public sealed class RoadmapTargetGraphType : ObjectGraphType<RoadmapTarget>
{
    public RoadmapTargetGraphType()
    {
        Name = "RoadmapTarget";
        Description = "A spec target of a product in a roadmap, to annotate the chart with.";
        Field<NonNullGraphType<ProductGraphType>>("product").Description("The product the target is set for.").Resolve(c => c.Source.Product);
        Field<NonNullGraphType<QuantityGraphType>>("target").Description("The target, with the clause that sets it.").Resolve(c => c.Source.Target);
    }
}
