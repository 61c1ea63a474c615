using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Roadmaps;

public sealed class RoadmapLaneGraphType : ObjectGraphType<RoadmapLane>
{
    public RoadmapLaneGraphType()
    {
        Name = "RoadmapLane";
        Description = "One swimlane of the time-phased roadmap: the items of one layer.";
        Field<NonNullGraphType<NodeKindEnum>>("kind").Description("PROGRAM, PRODUCT, COMPONENT or TECHNOLOGY.").Resolve(c => c.Source.Kind);
        // A list like the layers it mirrors: the roadmap is a chart, drawn whole.
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoadmapItemGraphType>>>>("items")
            .Description("The layer's nodes on the time axis, earliest start first, then earliest end, then by id.").Resolve(c => c.Source.Items);
    }
}
