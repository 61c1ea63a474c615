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
        ExportField.Add(this, r => (r.Layers.SelectMany(l => l.Nodes).ToList(), r.Edges));
    }
}
