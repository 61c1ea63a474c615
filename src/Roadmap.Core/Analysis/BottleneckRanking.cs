using Roadmap.Core.Graph;

namespace Roadmap.Core.Analysis;

/// <summary>
/// Every node ranked by how much of the roadmap needs it (<see cref="Analytics.RankBottlenecks"/>), for one read
/// model: built on the first bottleneck question, then carried through each edit by <see cref="Apply"/>, which
/// recomputes only the rows the edit can change.
/// </summary>
public sealed class BottleneckRanking
{
    /// <summary>The ranking order: most dependents first, then most products blocked, then by id.</summary>
    public static readonly IComparer<Bottleneck> Order = Comparer<Bottleneck>.Create(static (a, b) =>
        a.Dependents != b.Dependents ? b.Dependents.CompareTo(a.Dependents)
        : a.BlockedProducts != b.BlockedProducts ? b.BlockedProducts.CompareTo(a.BlockedProducts)
        : string.CompareOrdinal(a.Node.Id, b.Node.Id));

    // Each ranked node's row by its number in the read model the ranking belongs to; null for a node not ranked.
    private readonly Bottleneck?[] _byNode;

    private BottleneckRanking(Bottleneck[] ranked, Bottleneck?[] byNode)
    {
        Ranked = ranked;
        _byNode = byNode;
    }

    /// <summary>The nodes that some product or program needs, in <see cref="Order"/>.</summary>
    public IReadOnlyList<Bottleneck> Ranked { get; }

    /// <summary>A node's row, or null when no product or program needs it (or it is a document).</summary>
    public Bottleneck? Of(int node) => _byNode[node];

    /// <summary>Ranks every node of <paramref name="graph"/>.</summary>
    public static BottleneckRanking Build(GraphIndex graph)
    {
        var byNode = new Bottleneck?[graph.NodeCount];
        var rows = new List<Bottleneck>();
        using var measure = new RowMeasure(graph);
        for (var v = 0; v < graph.NodeCount; v++)
        {
            if (measure.Row(v) is not { } row) continue;
            byNode[v] = row;
            rows.Add(row);
        }
        var ranked = rows.ToArray();
        Array.Sort(ranked, Order);
        return new BottleneckRanking(ranked, byNode);
    }

    /// <summary>
    /// The ranking of <paramref name="after"/>, the read model <paramref name="edit"/> makes of <paramref name="before"/>
    /// (which this ranking belongs to). A node's row depends only on the nodes that need it, their kinds and their
    /// outgoing edges (the groups and programs' cover counts that the blocking pass counts down), so an edit can
    /// change only the rows of the nodes reachable forward from what it touches: both ends of a changed edge, a
    /// node whose kind changes, a new node, and a deleted node's dependents (their edges to it go with it). Those
    /// are followed in the graph before and after the edit, recomputed, and merged into the rest of the ranking,
    /// which is kept as it is. A node that changes but keeps its kind only gets its row's node and status refreshed.
    /// </summary>
    internal BottleneckRanking Apply(GraphIndex before, GraphIndex after, GraphEdit edit)
    {
        var (seedsBefore, seedsAfter) = (new List<int>(), new List<int>());
        var refreshed = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var change in edit.Nodes)
        {
            var id = (change.After ?? change.Before)!.Id;
            var (old, current) = (before.IndexOf(id), after.IndexOf(id));
            if (old >= 0 && current >= 0 && before.KindOf(old) == after.KindOf(current))
            {
                refreshed[id] = after.NodeAt(current);
                continue;
            }
            if (current >= 0) seedsAfter.Add(current);
            if (old < 0) continue;
            seedsBefore.Add(old);
            // Its edges leave with it, including the ones that counted towards its dependents' groups.
            if (current < 0)
            {
                foreach (var e in before.EdgesOf(old, Direction.Backward)) seedsBefore.Add(before.EdgeFrom(e));
            }
        }
        foreach (var change in edit.Edges)
        {
            // A source added to an edge, or its version, changes no count.
            if (change is { Before: { } was, After: { } now } && was.Key == now.Key && was.Group == now.Group) continue;
            foreach (var edge in new[] { change.Before, change.After })
            {
                if (edge is null) continue;
                foreach (var id in new[] { edge.From, edge.To })
                {
                    if (before.IndexOf(id) is var old and >= 0) seedsBefore.Add(old);
                    if (after.IndexOf(id) is var current and >= 0) seedsAfter.Add(current);
                }
            }
        }

        var affected = new HashSet<string>(StringComparer.Ordinal);
        AddDependencies(before, seedsBefore, affected);
        AddDependencies(after, seedsAfter, affected);

        var byNode = new Bottleneck?[after.NodeCount];
        var renumbered = edit.Nodes.Any(c => c.After is null || before.IndexOf(c.After.Id) < 0);
        if (!renumbered)
        {
            Array.Copy(_byNode, byNode, byNode.Length);
        }
        else
        {
            foreach (var row in Ranked)
            {
                if (after.IndexOf(row.Node.Id) is var v and >= 0) byNode[v] = row;
            }
        }
        var recomputed = new List<Bottleneck>();
        using (var measure = new RowMeasure(after))
        {
            foreach (var id in affected)
            {
                if (after.IndexOf(id) is not (var v and >= 0)) continue;
                byNode[v] = measure.Row(v);
                if (byNode[v] is { } row) recomputed.Add(row);
            }
        }
        foreach (var (id, node) in refreshed)
        {
            if (affected.Contains(id) || byNode[after.IndexOf(id)] is not { } row) continue;
            byNode[after.IndexOf(id)] = row with { Node = node, LatestStatus = node.LatestAssessment?.Status };
        }
        recomputed.Sort(Order);

        // The rows kept are in order already: merge the recomputed ones in.
        var ranked = new List<Bottleneck>(Ranked.Count + recomputed.Count);
        var next = 0;
        foreach (var row in Ranked)
        {
            var id = row.Node.Id;
            if (affected.Contains(id)) continue;
            if (renumbered && after.IndexOf(id) < 0) continue;
            for (; next < recomputed.Count && Order.Compare(recomputed[next], row) < 0; next++) ranked.Add(recomputed[next]);
            ranked.Add(refreshed.ContainsKey(id) ? byNode[after.IndexOf(id)]! : row);
        }
        for (; next < recomputed.Count; next++) ranked.Add(recomputed[next]);
        return new BottleneckRanking([.. ranked], byNode);
    }

    // The seeds and everything they depend on, directly or not: the nodes whose dependents the seeds are among.
    private static void AddDependencies(GraphIndex graph, List<int> seeds, HashSet<string> ids)
    {
        if (seeds.Count == 0) return;
        using var seen = NodeMarks.Rent(graph.NodeCount);
        var queue = new List<int>();
        foreach (var seed in seeds)
        {
            if (seen.Has(seed)) continue;
            seen.Set(seed, 0);
            queue.Add(seed);
        }
        for (var head = 0; head < queue.Count; head++)
        {
            ids.Add(graph.NodeAt(queue[head]).Id);
            foreach (var e in graph.EdgesOf(queue[head], Direction.Forward))
            {
                var w = graph.EdgeTo(e);
                if (seen.Has(w)) continue;
                seen.Set(w, 0);
                queue.Add(w);
            }
        }
    }

    /// <summary>One node's row at a time, with the scratch space of its searches kept between nodes.</summary>
    private sealed class RowMeasure(GraphIndex graph) : IDisposable
    {
        private readonly NodeMarks _seen = NodeMarks.Rent(graph.NodeCount);
        private readonly List<int> _queue = [];
        private readonly List<int> _blockedOrder = [];
        private readonly int[] _gap = new int[1];

        /// <summary>
        /// One backward search for the node's dependents and one blocking pass with the node as the only gap, each
        /// touching only that node's dependents; null for a document or a node nothing depends on.
        /// </summary>
        public Bottleneck? Row(int v)
        {
            if (graph.KindOf(v) == NodeKind.Document) return null;
            _seen.Clear();
            int products = 0, programs = 0;
            _seen.Set(v, 0);
            _queue.Clear();
            _queue.Add(v);
            for (var head = 0; head < _queue.Count; head++)
            {
                foreach (var e in graph.EdgesOf(_queue[head], Direction.Backward))
                {
                    var w = graph.EdgeFrom(e);
                    if (_seen.Has(w)) continue;
                    _seen.Set(w, 0);
                    _queue.Add(w);
                    if (graph.KindOf(w) == NodeKind.Product) products++;
                    else if (graph.KindOf(w) == NodeKind.Program) programs++;
                }
            }
            if (products + programs == 0) return null;
            _gap[0] = v;
            using (Analytics.BlockedMarks(graph, _gap, _blockedOrder)) { }
            var blockedProducts = 0;
            foreach (var w in _blockedOrder)
            {
                if (w != v && graph.KindOf(w) == NodeKind.Product) blockedProducts++;
            }
            var node = graph.NodeAt(v);
            return new Bottleneck(node, products, programs, blockedProducts, node.LatestAssessment?.Status);
        }

        public void Dispose() => _seen.Dispose();
    }
}
