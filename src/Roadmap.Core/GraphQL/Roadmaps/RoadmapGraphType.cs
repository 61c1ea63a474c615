using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Analyses;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.GraphQL.Traversal;

namespace Roadmap.Core.GraphQL.Roadmaps;

public sealed class RoadmapGraphType : ObjectGraphType<NodeRoadmap>
{
    public RoadmapGraphType()
    {
        Name = "Roadmap";
        Description = "One product's or program's roadmap, ready to draw: layers from programs down to technologies, the edges between them, spec targets and program periods.";
        Field<NonNullGraphType<NodeInterface>>("node").Description("The node the roadmap is of.").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoadmapLayerGraphType>>>>("layers").Description("PROGRAM, PRODUCT, COMPONENT, TECHNOLOGY, each when present.").Resolve(c => c.Source.Layers);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType>>>>("edges")
            .Description("The edges between the roadmap's nodes: what the node depends on, and the TARGETS and INCLUDES edges of the programs above it; each once.")
            .Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoadmapTargetGraphType>>>>("targets")
            .Description("The spec targets of every product in the roadmap, each with its product.").Resolve(c => c.Source.Targets);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoadmapPeriodGraphType>>>>("periods").Description("Program periods, earliest first.").Resolve(c => c.Source.Periods);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when dependencies lie beyond maxDepth.").Resolve(c => c.Source.Truncated);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("years")
            .Description("Every year of the time axis, in order: from the earliest start or due year of the lanes' items to the latest end or due year.")
            .Resolve(c => c.Source.Years);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoadmapLaneGraphType>>>>("lanes")
            .Description("The layers on the time axis: PROGRAM, PRODUCT, COMPONENT, TECHNOLOGY, each when it has items. A node no plan in the graph states has no place on it.")
            .Resolve(c => c.Source.Lanes);
        ExportField.AddForRoadmap(this);
    }
}
