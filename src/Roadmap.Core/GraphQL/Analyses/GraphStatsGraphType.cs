using GraphQL.Types;
using Roadmap.Core.GraphQL.Traversal;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class GraphStatsGraphType : ObjectGraphType<GraphStats>
{
    public GraphStatsGraphType()
    {
        Name = "GraphStats";
        Description = "The size of the graph as it is now, edits included.";
        Field<NonNullGraphType<IntGraphType>>("nodeCount").Description("All nodes, the documents included.").Resolve(c => c.Source.NodeCount);
        Field<NonNullGraphType<IntGraphType>>("edgeCount").Description("All edges.").Resolve(c => c.Source.EdgeCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountGraphType>>>>("byKind")
            .Description("Nodes per kind: every kind in NodeKind order, with 0 for a kind that has none.").Resolve(c => c.Source.ByKind.ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeTypeCountGraphType>>>>("byEdgeType")
            .Description("Edges per type: every type in EdgeType order, with 0 for a type that has none.").Resolve(c => c.Source.ByEdgeType.ToList());
        Field<NonNullGraphType<IntGraphType>>("revision")
            .Description("Goes up with every committed edit (it is the sequence of the audit log's last entry; 0 for a graph never edited, and always 0 on the read-only Neo4j store). Readable without a key: compare it to know whether anything changed, and pass it as graphChanged's afterRevision to hear of what changes next.")
            .Resolve(c => checked((int)c.Source.Revision));
    }
}
