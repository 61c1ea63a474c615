using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Analyses;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Traversal;

public sealed class SubgraphGraphType : ObjectGraphType<Subgraph>
{
    public SubgraphGraphType()
    {
        Name = "Subgraph";
        Description = "The nodes a bounded traversal reached, and the edges it followed.";
        Field<NodeInterface>("root").Description("The node the traversal started from; null for an unknown id.").Resolve(c => c.Source.Root);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("nodes")
            .Description("Reached nodes, nearest first; the root comes first. With kinds, only the nodes of those kinds.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SubgraphLevelGraphType>>>>("levels")
            .Description("The nodes of nodes, in the same order, each with its depth and the edge it was reached by.").Resolve(c => c.Source.Levels);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType>>>>("edges")
            .Description("The edges followed, each between two reached nodes (with kinds, also those not reported); they point from the dependent to what it depends on, whichever way the traversal went.")
            .Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when more lies beyond maxDepth.").Resolve(c => c.Source.Truncated);
        ExportField.Add(this, s => (s.Nodes, s.Edges));
    }
}
