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

    // The ranked nodes' numbers (in the read model the ranking belongs to) in ranking order, and each node's row by
    // its number (null for a node not ranked): an edit then moves numbers, not rows, and never reads an id to do it.
    private readonly int[] _order;
    private readonly Bottleneck?[] _byNode;

    private BottleneckRanking(int[] order, Bottleneck?[] byNode)
    {
        _order = order;
        _byNode = byNode;
        Ranked = new RankedRows(order, byNode);
    }

    /// <summary>
    /// A ranking read back from a snapshot of <paramref name="graph"/>: the ranked node numbers in order, with each
    /// one's counts. Null when the numbers do not fit the graph (a snapshot that disagrees is never trusted).
    /// </summary>
    internal static BottleneckRanking? FromRows(GraphIndex graph, int[] order, int[] products, int[] programs, int[] blocked)
    {
        var byNode = new Bottleneck?[graph.NodeCount];
        for (var k = 0; k < order.Length; k++)
        {
            var v = order[k];
            if ((uint)v >= (uint)graph.NodeCount || byNode[v] is not null || graph.KindOf(v) == NodeKind.Document) return null;
            var node = graph.NodeAt(v);
            byNode[v] = new Bottleneck(node, products[k], programs[k], blocked[k], node.LatestAssessment?.Status);
            if (k > 0 && Order.Compare(byNode[order[k - 1]]!, byNode[v]!) >= 0) return null;
        }
        return new BottleneckRanking(order, byNode);
    }

    /// <summary>The ranked node numbers in ranking order, for a snapshot to write.</summary>
    internal ReadOnlySpan<int> RankedNumbers => _order;

    /// <summary>The nodes that some product or program needs, in <see cref="Order"/>.</summary>
    public IReadOnlyList<Bottleneck> Ranked { get; }

    /// <summary>A node's row, or null when no product or program needs it (or it is a document).</summary>
    public Bottleneck? Of(int node) => _byNode[node];

    // The first ranking spreads its rows over at most this many threads: it halves its time on the two cores the
    // service is sized for, and leaves the rest of a larger machine to the requests it shares it with.
    private const int MaxBuildThreads = 2;

    /// <summary>
    /// Ranks every node of <paramref name="graph"/>: each node's row on its own (see <see cref="RowMeasure.Row"/>),
    /// the backward searches over a flat copy of the incoming edges (one array of sources, no per-type slots), the
    /// nodes shared among <see cref="MaxBuildThreads"/> threads each with its own marks.
    /// </summary>
    public static BottleneckRanking Build(GraphIndex graph)
    {
        var byNode = new Bottleneck?[graph.NodeCount];
        if (graph.NodeCount == 0) return new BottleneckRanking([], byNode);
        var dependents = new FlatDependents(graph);
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, graph.NodeCount, 4096),
            new ParallelOptions { MaxDegreeOfParallelism = MaxBuildThreads },
            () => new FlatRowMeasure(graph, dependents),
            (range, _, measure) =>
            {
                for (var v = range.Item1; v < range.Item2; v++) byNode[v] = measure.Row(v);
                return measure;
            },
            static _ => { });
        var ranked = new List<int>();
        for (var v = 0; v < byNode.Length; v++)
        {
            if (byNode[v] is not null) ranked.Add(v);
        }
        var order = ranked.ToArray();
        Array.Sort(order, (a, b) => Order.Compare(byNode[a]!, byNode[b]!));
        return new BottleneckRanking(order, byNode);
    }

    /// <summary>
    /// The ranking of <paramref name="after"/>, the read model <paramref name="edit"/> makes of <paramref name="before"/>
    /// (which this ranking belongs to). A node's row depends only on the nodes that need it, their kinds and their
    /// outgoing edges (the groups and programs' cover counts that the blocking pass counts down), so an edit can
    /// change only the rows of the nodes reachable forward from what it touches: the target of a changed edge (and
    /// its source too when the edge is in a group or a program's cover), a node whose kind changes, a new node, and
    /// a deleted node's dependents (their edges to it go with it). Those are followed in the graph before and after
    /// the edit, recomputed, and merged into the rest of the ranking, which is kept as it is. A node that changes
    /// but keeps its kind only gets its row's node and status refreshed.
    /// </summary>
    internal BottleneckRanking Apply(GraphIndex before, GraphIndex after, GraphEdit edit)
    {
        var (seedsBefore, seedsAfter) = (new List<int>(), new List<int>());
        var refreshed = new List<int>();
        void Seed(string id)
        {
            if (before.IndexOf(id) is var old and >= 0) seedsBefore.Add(old);
            if (after.IndexOf(id) is var current and >= 0) seedsAfter.Add(current);
        }
        foreach (var change in edit.Nodes)
        {
            var id = (change.After ?? change.Before)!.Id;
            var (old, current) = (before.IndexOf(id), after.IndexOf(id));
            if (old >= 0 && current >= 0 && before.KindOf(old) == after.KindOf(current))
            {
                refreshed.Add(current);
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
            if (change is { Before: { } was, After: { } now } && was.Key == now.Key && was.Group == now.Group && was.Reach == now.Reach) continue;
            foreach (var edge in new[] { change.Before, change.After })
            {
                if (edge is null) continue;
                Seed(edge.To);
                // A hard need changes only who depends on its target. One in a group or a program's cover also
                // changes a count its source is blocked by, so the rows of what the source depends on change too.
                if (edge.Group is not null || edge.Type is EdgeType.Targets or EdgeType.Includes) Seed(edge.From);
            }
        }

        var (toAfter, toBefore) = Numbering(before, after, edit);
        var byNode = new Bottleneck?[after.NodeCount];
        if (toAfter is null) Array.Copy(_byNode, byNode, byNode.Length);
        else
        {
            for (var u = 0; u < _byNode.Length; u++)
            {
                if (_byNode[u] is { } row && toAfter[u] >= 0) byNode[toAfter[u]] = row;
            }
        }

        // Every node to recompute, by its number after the edit; the old rows of the same nodes, and of deleted ones, go.
        var recompute = new List<int>();
        var dropped = new List<int>();
        using (var inRecompute = NodeMarks.Rent(after.NodeCount))
        {
            foreach (var u in Dependencies(before, seedsBefore))
            {
                if (_byNode[u] is not null) dropped.Add(u);
                var v = toAfter is null ? u : toAfter[u];
                if (v >= 0 && !inRecompute.Has(v))
                {
                    inRecompute.Set(v, 0);
                    recompute.Add(v);
                }
            }
            foreach (var v in Dependencies(after, seedsAfter))
            {
                if (inRecompute.Has(v)) continue;
                inRecompute.Set(v, 0);
                recompute.Add(v);
                var u = toBefore is null ? v : toBefore[v];
                if (u >= 0 && _byNode[u] is not null) dropped.Add(u);
            }
            foreach (var v in refreshed)
            {
                if (inRecompute.Has(v) || byNode[v] is not { } row) continue;
                var node = after.NodeAt(v);
                // Same kind, same counts: its place in the ranking stays.
                byNode[v] = row with { Node = node, LatestStatus = node.LatestAssessment?.Status };
            }
        }
        var inserted = new List<int>();
        using (var measure = new RowMeasure(after))
        {
            foreach (var v in recompute)
            {
                byNode[v] = measure.Row(v);
                if (byNode[v] is not null) inserted.Add(v);
            }
        }
        inserted.Sort((a, b) => Order.Compare(byNode[a]!, byNode[b]!));

        // The rows kept stay in order: find where the dropped ones were and where the new ones go, and copy the
        // runs in between, so the cost is a copy of the numbers plus a binary search per changed row.
        var dropAt = dropped.Select(u => PlaceOf(_byNode[u]!)).Distinct().Order().ToArray();
        var insertAt = inserted.Select(v => PlaceOf(byNode[v]!)).ToArray();
        var order = new int[_order.Length - dropAt.Length + inserted.Count];
        var (from, to, nextDrop, nextInsert) = (0, 0, 0, 0);
        while (true)
        {
            var until = Math.Min(Math.Min(nextDrop < dropAt.Length ? dropAt[nextDrop] : _order.Length, nextInsert < insertAt.Length ? insertAt[nextInsert] : _order.Length), _order.Length);
            if (toAfter is null) Array.Copy(_order, from, order, to, until - from);
            else
            {
                for (var k = from; k < until; k++) order[to + k - from] = toAfter[_order[k]];
            }
            to += until - from;
            from = until;
            if (nextInsert < insertAt.Length && insertAt[nextInsert] == from) order[to++] = inserted[nextInsert++];
            else if (nextDrop < dropAt.Length && dropAt[nextDrop] == from) (from, nextDrop) = (from + 1, nextDrop + 1);
            else if (from == _order.Length) break;
        }
        return new BottleneckRanking(order, byNode);
    }

    // Where a row goes in this ranking: the first place whose row comes after it (or the place of the row itself).
    private int PlaceOf(Bottleneck row)
    {
        var (low, high) = (0, _order.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Order.Compare(_byNode[_order[middle]]!, row) < 0) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /// <summary>
    /// How the edit moved the node numbers: each old number's new one (-1 for a deleted node) and each new number's
    /// old one (-1 for a new node); null for both when no node came or went. Nodes the edit does not touch are the
    /// same objects in both read models, in the same relative order, so a walk that compares references finds them
    /// without reading an id; only where they differ is a node looked up by id.
    /// </summary>
    private static (int[]? ToAfter, int[]? ToBefore) Numbering(GraphIndex before, GraphIndex after, GraphEdit edit)
    {
        if (!edit.Nodes.Any(c => c.After is null || before.IndexOf(c.After.Id) < 0)) return (null, null);
        var toAfter = new int[before.NodeCount];
        var toBefore = new int[after.NodeCount];
        Array.Fill(toBefore, -1);
        for (int u = 0, v = 0; u < before.NodeCount; u++)
        {
            var node = before.NodeAt(u);
            if (v < after.NodeCount && ReferenceEquals(after.NodeAt(v), node)) toAfter[u] = v++;
            else if ((toAfter[u] = after.IndexOf(node.Id)) >= 0) v = toAfter[u] + 1;
            if (toAfter[u] >= 0) toBefore[toAfter[u]] = u;
        }
        return (toAfter, toBefore);
    }

    // The seeds and everything they depend on, directly or not: the nodes whose dependents the seeds are among.
    private static List<int> Dependencies(GraphIndex graph, List<int> seeds)
    {
        var queue = new List<int>();
        if (seeds.Count == 0) return queue;
        using var seen = NodeMarks.Rent(graph.NodeCount);
        foreach (var seed in seeds)
        {
            if (seen.Has(seed)) continue;
            seen.Set(seed, 0);
            queue.Add(seed);
        }
        for (var head = 0; head < queue.Count; head++)
        {
            foreach (var e in graph.EdgesOf(queue[head], Direction.Forward))
            {
                var w = graph.EdgeTo(e);
                if (seen.Has(w)) continue;
                seen.Set(w, 0);
                queue.Add(w);
            }
        }
        return queue;
    }

    /// <summary>The rows in ranking order, read through the node numbers.</summary>
    private sealed class RankedRows(int[] order, Bottleneck?[] byNode) : IReadOnlyList<Bottleneck>
    {
        public Bottleneck this[int index] => byNode[order[index]]!;

        public int Count => order.Length;

        public IEnumerator<Bottleneck> GetEnumerator()
        {
            foreach (var v in order) yield return byNode[v]!;
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Every node's incoming edges' sources, node after node in one array: what a backward search reads.</summary>
    private sealed class FlatDependents
    {
        public FlatDependents(GraphIndex graph)
        {
            Start = new int[graph.NodeCount + 1];
            for (var v = 0; v < graph.NodeCount; v++) Start[v + 1] = Start[v] + graph.EdgesOf(v, Direction.Backward).Length;
            Sources = new int[Start[^1]];
            for (var v = 0; v < graph.NodeCount; v++)
            {
                var at = Start[v];
                foreach (var e in graph.EdgesOf(v, Direction.Backward)) Sources[at++] = graph.EdgeFrom(e);
            }
        }

        /// <summary>Node v's dependents are <c>Sources[Start[v] .. Start[v + 1])</c>.</summary>
        public int[] Start { get; }

        public int[] Sources { get; }
    }

    /// <summary><see cref="RowMeasure"/> over <see cref="FlatDependents"/>, with marks of its own (one thread's).</summary>
    private sealed class FlatRowMeasure(GraphIndex graph, FlatDependents dependents)
    {
        private readonly int[] _stamp = new int[graph.NodeCount];
        private readonly int[] _queue = new int[graph.NodeCount];
        private readonly List<int> _blockedOrder = [];
        private readonly int[] _gap = new int[1];
        private int _generation;

        public Bottleneck? Row(int v)
        {
            var (start, sources) = (dependents.Start, dependents.Sources);
            if (graph.KindOf(v) == NodeKind.Document || start[v] == start[v + 1]) return null;
            if (graph.ClassNeedCount > 0) return RowMeasure.KeepingClassNeeds(graph, v, _gap, _blockedOrder);
            var generation = ++_generation;
            int products = 0, programs = 0, tail = 1;
            _stamp[v] = generation;
            _queue[0] = v;
            for (var head = 0; head < tail; head++)
            {
                var x = _queue[head];
                for (var i = start[x]; i < start[x + 1]; i++)
                {
                    var w = sources[i];
                    if (_stamp[w] == generation) continue;
                    _stamp[w] = generation;
                    _queue[tail++] = w;
                    var kind = graph.KindOf(w);
                    if (kind == NodeKind.Product) products++;
                    else if (kind == NodeKind.Program) programs++;
                }
            }
            return products + programs == 0 ? null : RowMeasure.WithBlocked(graph, v, products, programs, _gap, _blockedOrder);
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
            if (graph.ClassNeedCount > 0) return KeepingClassNeeds(graph, v, _gap, _blockedOrder);
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
            return products + programs == 0 ? null : WithBlocked(graph, v, products, programs, _gap, _blockedOrder);
        }

        /// <summary>
        /// The row of a node in a graph with needs of a class as a whole, whose dependents are what impact's walk reaches
        /// (a class-wide need's hit stops at the class, see <see cref="ClassNeeds"/>). Such graphs are curated, so small:
        /// the plain searches above stay for the large ones without.
        /// </summary>
        public static Bottleneck? KeepingClassNeeds(GraphIndex graph, int v, int[] gap, List<int> blockedOrder)
        {
            int products = 0, programs = 0;
            using var hit = GraphAlgorithms.Hit(graph, [v], int.MaxValue);
            foreach (var w in hit.Nodes)
            {
                if (graph.KindOf(w) == NodeKind.Product) products++;
                else if (graph.KindOf(w) == NodeKind.Program) programs++;
            }
            return products + programs == 0 ? null : WithBlocked(graph, v, products, programs, gap, blockedOrder);
        }

        /// <summary>The row of a node with its dependents counted: one blocking pass with the node as the only gap.</summary>
        public static Bottleneck WithBlocked(GraphIndex graph, int v, int products, int programs, int[] gap, List<int> blockedOrder)
        {
            var blockedProducts = 0;
            if (BlocksADependent(graph, v))
            {
                gap[0] = v;
                using (Analytics.BlockedMarks(graph, gap, blockedOrder)) { }
                foreach (var w in blockedOrder)
                {
                    if (w != v && graph.KindOf(w) == NodeKind.Product) blockedProducts++;
                }
            }
            var node = graph.NodeAt(v);
            return new Bottleneck(node, products, programs, blockedProducts, node.LatestAssessment?.Status);
        }

        // Whether a gap in v blocks any node that needs it directly, as the blocking pass's first step would find
        // (a hard need, or a group or a program's cover all of whose edges lead to v); when none, the pass would
        // stop there, so it is skipped (most nodes are one alternative of several, a variant's general node, or
        // one of a program's many targets).
        private static bool BlocksADependent(GraphIndex graph, int v)
        {
            var edges = graph.EdgesOf(v, Direction.Backward);
            foreach (var e in edges)
            {
                var blocks = graph.TypeOf(e) switch
                {
                    EdgeType.VariantOf => false,
                    _ when graph.IsClassNeed(e) => false,
                    EdgeType.Targets or EdgeType.Includes => CoverCount(graph, graph.EdgeFrom(e)) == CoverEdgesFrom(graph, edges, graph.EdgeFrom(e)),
                    _ when graph.GroupSlot(e) is var slot and >= 0 => graph.GroupSize(slot) == GroupEdges(graph, edges, slot),
                    _ => true,
                };
                if (blocks) return true;
            }
            return false;
        }

        private static int CoverEdgesFrom(GraphIndex graph, ReadOnlySpan<int> edges, int program)
        {
            var count = 0;
            foreach (var e in edges)
            {
                if (graph.EdgeFrom(e) == program && graph.TypeOf(e) is EdgeType.Targets or EdgeType.Includes) count++;
            }
            return count;
        }

        private static int GroupEdges(GraphIndex graph, ReadOnlySpan<int> edges, int slot)
        {
            var count = 0;
            foreach (var e in edges)
            {
                if (graph.GroupSlot(e) == slot && graph.TypeOf(e) is not (EdgeType.VariantOf or EdgeType.Targets or EdgeType.Includes)) count++;
            }
            return count;
        }

        private static int CoverCount(GraphIndex graph, int program) =>
            graph.EdgesOf(program, Direction.Forward, EdgeType.Targets).Length + graph.EdgesOf(program, Direction.Forward, EdgeType.Includes).Length;

        public void Dispose() => _seen.Dispose();
    }
}
