using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Roadmaps;

public sealed class RoadmapLayerGraphType : ObjectGraphType<RoadmapLayer>
{
    public RoadmapLayerGraphType()
    {
        Name = "RoadmapLayer";
        Description = "The nodes of one kind in a roadmap: one band of the chart.";
        Field<NonNullGraphType<NodeKindEnum>>("kind").Description("The kind of every node in the layer.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("nodes").Description("The layer's nodes, in id order.").Resolve(c => c.Source.Nodes);
    }
}
