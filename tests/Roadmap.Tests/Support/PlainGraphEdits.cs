using Roadmap.Core.Graph;

namespace Roadmap.Tests.Support;

/// <summary>Edits applied to plain graph data, the simple way: what the read model's incremental updates must agree with.</summary>
internal static class PlainGraphEdits
{
    public static GraphData ApplyTo(GraphData graph, GraphEdit edit)
    {
        var nodes = graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        foreach (var change in edit.Nodes)
        {
            if (change.After is { } after) nodes[after.Id] = after;
            else nodes.Remove(change.Before!.Id);
        }
        var edges = graph.Edges.ToDictionary(e => e.Key);
        foreach (var change in edit.Edges)
        {
            if (change.After is { } after) edges[after.Key] = after;
            else edges.Remove(change.Before!.Key);
        }
        return WithoutDanglingEdges(nodes.Values, edges.Values);
    }

    // The store never holds an edge whose end is missing (the editor refuses one, or deletes it with its node), and an
    // index leaves such an edge out, so it could not bring it back when the missing node is created later.
    public static GraphData WithoutDanglingEdges(IEnumerable<Node> nodes, IEnumerable<Edge> edges)
    {
        var kept = nodes.ToList();
        var ids = kept.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        return new GraphData(kept, [.. edges.Where(e => ids.Contains(e.From) && ids.Contains(e.To))]);
    }
}
