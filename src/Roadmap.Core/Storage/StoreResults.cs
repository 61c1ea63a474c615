using Roadmap.Core.Graph;

namespace Roadmap.Core.Storage;

/// <summary>A page of nodes in id order: the nodes from <paramref name="Offset"/> on, and how many match in all.</summary>
public sealed record NodePage(IReadOnlyList<Node> Nodes, int Offset, int TotalCount);

/// <summary>How many nodes and edges, by kind and by type, and the revision: the sequence of the last audit entry (0 for a graph never edited).</summary>
public sealed record GraphStats(int NodeCount, int EdgeCount, IReadOnlyDictionary<NodeKind, int> ByKind, IReadOnlyDictionary<EdgeType, int> ByEdgeType, long Revision = 0);
