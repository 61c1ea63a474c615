namespace Roadmap.Core.Graph;

/// <summary>A whole graph as plain data: what the seed reader produces and the stores import.</summary>
public sealed record GraphData(IReadOnlyList<Node> Nodes, IReadOnlyList<Edge> Edges);
