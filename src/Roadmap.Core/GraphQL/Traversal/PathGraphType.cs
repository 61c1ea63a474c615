using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Analyses;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Traversal;

public sealed class PathGraphType : ObjectGraphType<GraphPath>
{
    public PathGraphType()
    {
        Name = "Path";
        Description = "A directed chain: nodes[i] -edges[i]-> nodes[i+1].";
        Field<NonNullGraphType<IntGraphType>>("length").Description("The number of edges.").Resolve(c => c.Source.Length);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("nodes")
            .Description("The nodes along the chain, from its start to its end: one more than the edges.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType>>>>("edges")
            .Description("The edges along the chain, in order; edges[i] points from nodes[i] to nodes[i+1].").Resolve(c => c.Source.Edges);
        ExportField.Add(this, p => (p.Nodes, p.Edges));
    }
}
