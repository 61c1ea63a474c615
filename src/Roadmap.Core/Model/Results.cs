namespace Roadmap.Core.Model;

/// <summary>Which way a traversal follows edges: forward is "what X needs", backward is "what needs X".</summary>
public enum Direction { Forward, Backward }

/// <summary>Nodes reached by a bounded traversal and the edges it followed.</summary>
/// <param name="Truncated">True when nodes lie beyond <c>maxDepth</c>: a deeper query would return more.</param>
public sealed record Subgraph(Node? Root, IReadOnlyList<Node> Nodes, IReadOnlyList<Edge> Edges, bool Truncated)
{
    public static readonly Subgraph Empty = new(null, [], [], false);
}

/// <summary>A directed chain of edges; <c>Nodes</c> has one more entry than <c>Edges</c>.</summary>
public sealed record GraphPath(IReadOnlyList<Node> Nodes, IReadOnlyList<Edge> Edges)
{
    public int Length => Edges.Count;
}

/// <summary>A node that transitively needs a gap, how far it is from the nearest gap, and one shortest chain as evidence.</summary>
public sealed record ImpactedNode(Node Node, int Distance, GraphPath Path);

public sealed record ImpactReport(IReadOnlyList<Node> Gaps, IReadOnlyList<string> UnknownIds, IReadOnlyList<ImpactedNode> Impacted)
{
    public IReadOnlyList<ImpactedNode> OfKind(NodeKind kind) => Impacted.Where(i => i.Node.Kind == kind).ToList();
}

public sealed record NodePage(IReadOnlyList<Node> Nodes, int Offset, int TotalCount);

public sealed record GraphStats(int NodeCount, int EdgeCount, IReadOnlyDictionary<NodeKind, int> ByKind, IReadOnlyDictionary<EdgeType, int> ByEdgeType);
