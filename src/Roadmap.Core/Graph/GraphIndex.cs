using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;

namespace Roadmap.Core.Graph;

/// <summary>
/// The embedded store's read model: nodes numbered 0..n-1 in id order, edges as compressed adjacency arrays
/// in both directions, grouped by edge type within each node. Immutable once built, so queries need no locks.
/// </summary>
public sealed class GraphIndex
{
    private static readonly int TypeCount = Enum.GetValues<EdgeType>().Length;

    private readonly Node[] _nodes;
    private readonly Edge[] _edges;
    private readonly Dictionary<string, int> _indexById;
    private readonly int[] _edgeFrom;
    private readonly int[] _edgeTo;
    // Kinds and types as flat arrays, so traversals test them without reaching into the records.
    private readonly NodeKind[] _kinds;
    private readonly EdgeType[] _edgeTypes;
    // Adjacency: the edges of node v with type t are _outEdges[_outOffsets[v*T+t] .. _outOffsets[v*T+t+1]).
    private readonly int[] _outOffsets;
    private readonly int[] _outEdges;
    private readonly int[] _inOffsets;
    private readonly int[] _inEdges;
    // Every node's lower-cased names and aliases in node order, each followed by a NUL, in one buffer, so a search is
    // a vectorised scan of one span instead of a string search per name. Name k starts at _nameStarts[k] and
    // belongs to node _nameNodes[k].
    private readonly char[] _searchText;
    private readonly int[] _nameStarts;
    private readonly int[] _nameNodes;
    // Node v's names are names _nodeFirstName[v] .. _nodeFirstName[v + 1] - 1.
    private readonly int[] _nodeFirstName;
    // Built on the first name search, then carried through edits; see Names.
    private NameIndex? _names;
    private object? _namesLock;
    // Built on the first filter that can use it, then carried through edits; see Filters.
    private FilterIndex? _filters;
    private object? _filtersLock;
    private readonly int[] _edgeGroupSlot;
    private readonly int[] _groupSizes;
    // Built on the first bottleneck question, then carried through edits; see Bottlenecks.
    private BottleneckRanking? _bottlenecks;
    private object? _bottlenecksLock;

    /// <summary>Builds the read model from a whole graph: nodes in any order; edges whose ends are missing are left out.</summary>
    public GraphIndex(GraphData data)
    {
        _nodes = [.. data.Nodes];
        // The SQLite file hands nodes over in id order already (its query sorts them), and sorting a million
        // strings takes seconds, so check before sorting.
        if (!IsInIdOrder(_nodes)) Array.Sort(_nodes, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        _indexById = IndexIds(_nodes);
        _kinds = KindsOf(_nodes);

        var keys = new List<long>(data.Edges.Count);
        var kept = new List<Edge>(data.Edges.Count);
        foreach (var edge in data.Edges)
        {
            if (_indexById.TryGetValue(edge.From, out var from) && _indexById.TryGetValue(edge.To, out var to))
            {
                keys.Add(EdgeOrder(from, edge.Type, to));
                kept.Add(edge);
            }
        }
        // Node numbers follow id order, so (from, type, to) as one number is (from id, type, to id) order, and
        // sorting numbers is many times faster than comparing strings. Equal keys (a graph given the same edge
        // twice) keep their input order.
        var order = keys.ToArray();
        var positions = new int[order.Length];
        for (var i = 0; i < positions.Length; i++) positions[i] = i;
        Array.Sort(order, positions);
        for (int i = 1, run = 0; i <= order.Length; i++)
        {
            if (i < order.Length && order[i] == order[run]) continue;
            if (i - run > 1) Array.Sort(positions, run, i - run);
            run = i;
        }
        _edges = new Edge[order.Length];
        _edgeFrom = new int[order.Length];
        _edgeTo = new int[order.Length];
        for (var e = 0; e < order.Length; e++)
        {
            _edges[e] = kept[positions[e]];
            (_edgeFrom[e], _edgeTo[e]) = Ends(order[e]);
        }
        _edgeTypes = TypesOf(_edges);
        (_outOffsets, _outEdges) = BuildAdjacency(_edgeFrom, _edgeTypes, _nodes.Length);
        (_inOffsets, _inEdges) = BuildAdjacency(_edgeTo, _edgeTypes, _nodes.Length);
        (_edgeGroupSlot, _groupSizes) = BuildGroups(_edges, _edgeFrom);
        (_searchText, _nameStarts, _nameNodes) = BuildSearchText(_nodes, null, null);
        _nodeFirstName = FirstNames(_nameNodes, _nodes.Length);
    }

    /// <summary>
    /// The read model from parts already in its order, as a snapshot holds them: nodes in id order, edges in
    /// (from, type, to) order with their ends as node numbers. Checked, not trusted: parts out of order are rebuilt
    /// the slow way, so a wrong snapshot gives a slow start, never a wrong graph.
    /// </summary>
    public static GraphIndex FromOrdered(Node[] nodes, Edge[] edges, int[] edgeFrom, int[] edgeTo)
    {
        if (!IsInIdOrder(nodes, strictly: true) || !EdgesInOrder(edges, edgeFrom, edgeTo, nodes.Length)) return new GraphIndex(new GraphData(nodes, edges));
        return new GraphIndex(nodes, edges, edgeFrom, edgeTo);
    }

    private GraphIndex(Node[] nodes, Edge[] edges, int[] edgeFrom, int[] edgeTo)
    {
        _nodes = nodes;
        (_edges, _edgeFrom, _edgeTo) = (edges, edgeFrom, edgeTo);
        _edgeTypes = TypesOf(_edges);
        _kinds = KindsOf(_nodes);
        // The parts do not depend on one another, and a start waits for all of them: build them side by side.
        var indexById = Task.Run(() => IndexIds(nodes));
        var search = Task.Run(() => BuildSearchText(nodes, null, null));
        (_outOffsets, _outEdges) = BuildAdjacency(edgeFrom, _edgeTypes, nodes.Length);
        (_inOffsets, _inEdges) = BuildAdjacency(edgeTo, _edgeTypes, nodes.Length);
        (_edgeGroupSlot, _groupSizes) = BuildGroups(edges, edgeFrom);
        _indexById = indexById.GetAwaiter().GetResult();
        (_searchText, _nameStarts, _nameNodes) = search.GetAwaiter().GetResult();
        _nodeFirstName = FirstNames(_nameNodes, _nodes.Length);
    }

    private static bool EdgesInOrder(Edge[] edges, int[] edgeFrom, int[] edgeTo, int nodeCount)
    {
        if (edgeFrom.Length != edges.Length || edgeTo.Length != edges.Length) return false;
        for (var e = 0; e < edges.Length; e++)
        {
            if ((uint)edgeFrom[e] >= (uint)nodeCount || (uint)edgeTo[e] >= (uint)nodeCount) return false;
            if (e > 0 && EdgeOrder(edgeFrom[e - 1], edges[e - 1].Type, edgeTo[e - 1]) >= EdgeOrder(edgeFrom[e], edges[e].Type, edgeTo[e])) return false;
        }
        return true;
    }

    /// <summary>What an edit does to the edges: nothing, replaces some in place (same keys), or renumbers them.</summary>
    private abstract record EdgeUpdate
    {
        public sealed record None : EdgeUpdate;

        public sealed record Replaced(Edge[] Edges, bool GroupsChanged) : EdgeUpdate;

        public sealed record Renumbered(Edge[] Edges, int[] From, int[] To) : EdgeUpdate;
    }

    /// <param name="previous">The index the edit applies to; what the edit does not change is shared with it.</param>
    /// <param name="nodes">The nodes after the edit, in id order.</param>
    /// <param name="indexById">The id lookup for <paramref name="nodes"/>, or null when the numbering is unchanged.</param>
    /// <param name="kinds">The kind of each of <paramref name="nodes"/>.</param>
    /// <param name="edges">What the edit does to the edges.</param>
    /// <param name="nameSources">
    /// For each node, the node of <paramref name="previous"/> whose search names it keeps, or -1 when its names are
    /// new; null when no name changes.
    /// </param>
    /// <param name="nodeSources">
    /// For each node, the node of <paramref name="previous"/> it is, unchanged, or -1 when it is new or changed; null
    /// when no node changes, or when <paramref name="previous"/> has no filter index to carry over (nothing else reads it).
    /// </param>
    private GraphIndex(
        GraphIndex previous, Node[] nodes, Dictionary<string, int>? indexById, NodeKind[] kinds, EdgeUpdate edges, int[]? nameSources, int[]? nodeSources)
    {
        _nodes = nodes;
        _indexById = indexById ?? previous._indexById;
        _kinds = kinds;
        (_edges, _edgeFrom, _edgeTo, _edgeTypes) = (previous._edges, previous._edgeFrom, previous._edgeTo, previous._edgeTypes);
        (_outOffsets, _outEdges, _inOffsets, _inEdges) = (previous._outOffsets, previous._outEdges, previous._inOffsets, previous._inEdges);
        (_edgeGroupSlot, _groupSizes) = (previous._edgeGroupSlot, previous._groupSizes);
        switch (edges)
        {
            case EdgeUpdate.Replaced replaced:
                _edges = replaced.Edges;
                if (replaced.GroupsChanged) (_edgeGroupSlot, _groupSizes) = BuildGroups(_edges, _edgeFrom);
                break;
            case EdgeUpdate.Renumbered renumbered:
                (_edges, _edgeFrom, _edgeTo) = (renumbered.Edges, renumbered.From, renumbered.To);
                _edgeTypes = TypesOf(_edges);
                (_outOffsets, _outEdges) = BuildAdjacency(_edgeFrom, _edgeTypes, _nodes.Length);
                (_inOffsets, _inEdges) = BuildAdjacency(_edgeTo, _edgeTypes, _nodes.Length);
                (_edgeGroupSlot, _groupSizes) = BuildGroups(_edges, _edgeFrom);
                break;
        }
        (_searchText, _nameStarts, _nameNodes) = nameSources is null
            ? (previous._searchText, previous._nameStarts, previous._nameNodes)
            : BuildSearchText(_nodes, nameSources, previous);
        _nodeFirstName = nameSources is null ? previous._nodeFirstName : FirstNames(_nameNodes, _nodes.Length);
        // A name index already built follows the edit; one never asked for stays unbuilt.
        if (Volatile.Read(ref previous._names) is { } names) _names = nameSources is null ? names : names.Apply(previous, this, nameSources);
        // Likewise the filter index.
        if (Volatile.Read(ref previous._filters) is { } filters)
        {
            _filters = nodeSources is null ? filters : filters.Apply(previous, this, nodeSources, renumbered: indexById is not null);
        }
    }

    private static int[] FirstNames(int[] nameNodes, int nodeCount)
    {
        var first = new int[nodeCount + 1];
        foreach (var owner in nameNodes) first[owner + 1]++;
        for (var v = 1; v < first.Length; v++) first[v] += first[v - 1];
        return first;
    }

    /// <summary>
    /// The read model after an edit, built from this one without sorting the graph: the untouched nodes and edges
    /// keep their order and the few changed ones are merged in. What the edit cannot affect is shared: the id
    /// lookup when no node comes or goes, the adjacency when no edge comes or goes, the search names of every
    /// node whose names stay. The result is the same as a new index over the edited graph; a property test holds
    /// it to that. A bottleneck ranking already built follows the edit (<see cref="BottleneckRanking"/>).
    /// </summary>
    public GraphIndex Apply(GraphEdit edit)
    {
        var next = ApplyToIndex(edit);
        if (Volatile.Read(ref _bottlenecks) is { } ranking) next._bottlenecks = ranking.Apply(this, next, edit);
        return next;
    }

    private GraphIndex ApplyToIndex(GraphEdit edit)
    {
        var nodeSetChanges = edit.Nodes.Any(c => c.After is not { } after || IndexOf(after.Id) < 0);
        if (!nodeSetChanges)
        {
            var nodes = (Node[])_nodes.Clone();
            var kinds = _kinds;
            int[]? nameSources = null;
            foreach (var change in edit.Nodes)
            {
                var i = IndexOf(change.After!.Id);
                nodes[i] = change.After;
                if (change.After.Kind != _kinds[i])
                {
                    if (ReferenceEquals(kinds, _kinds)) kinds = (NodeKind[])_kinds.Clone();
                    kinds[i] = change.After.Kind;
                }
                if (!SameNames(_nodes[i], change.After))
                {
                    nameSources ??= [.. Enumerable.Range(0, _nodes.Length)];
                    nameSources[i] = -1;
                }
            }
            int[]? nodeSources = null;
            if (edit.Nodes.Count > 0 && HasFilterIndex)
            {
                nodeSources = [.. Enumerable.Range(0, _nodes.Length)];
                foreach (var change in edit.Nodes) nodeSources[IndexOf(change.After!.Id)] = -1;
            }
            return new GraphIndex(this, nodes, null, kinds, EdgesAfter(edit), nameSources, nodeSources);
        }

        // Old nodes that the edit deletes or replaces drop out; the edit's nodes merge in by id.
        var dropped = new bool[_nodes.Length];
        var droppedCount = 0;
        foreach (var change in edit.Nodes)
        {
            if (IndexOf((change.Before ?? change.After)!.Id) is var i and >= 0 && !dropped[i])
            {
                dropped[i] = true;
                droppedCount++;
            }
        }
        var added = edit.Nodes.Where(c => c.After is not null).Select(c => c.After!).OrderBy(n => n.Id, StringComparer.Ordinal).ToArray();
        var merged = new Node[_nodes.Length - droppedCount + added.Length];
        var sources = new int[merged.Length];
        var renumber = new int[_nodes.Length];
        Array.Fill(renumber, -1);
        for (int old = 0, next = 0, k = 0; k < merged.Length; k++)
        {
            while (old < _nodes.Length && dropped[old]) old++;
            if (next < added.Length && (old == _nodes.Length || string.CompareOrdinal(added[next].Id, _nodes[old].Id) < 0))
            {
                merged[k] = added[next++];
                sources[k] = -1;
            }
            else
            {
                renumber[old] = k;
                sources[k] = old;
                merged[k] = _nodes[old++];
            }
        }
        var indexById = IndexIds(merged);
        // A replaced node keeps its edges: its old number maps to where its new version landed.
        foreach (var node in added)
        {
            if (IndexOf(node.Id) is var old and >= 0) renumber[old] = indexById[node.Id];
        }
        var (mergedEdges, edgeFrom, edgeTo) = MergeEdges(edit, renumber, indexById);
        return new GraphIndex(this, merged, indexById, KindsOf(merged), new EdgeUpdate.Renumbered(mergedEdges, edgeFrom, edgeTo), sources, sources);
    }

    /// <summary>The edge part of an edit that keeps every node's number.</summary>
    private EdgeUpdate EdgesAfter(GraphEdit edit)
    {
        if (edit.Edges.Count == 0) return new EdgeUpdate.None();
        // Edges that stay and only change (a source added, a group set) keep their numbers and the adjacency.
        var places = edit.Edges.Select(c => c.After is { } after ? FindEdge(after.Key) : -1).ToArray();
        if (places.All(p => p >= 0))
        {
            var edges = (Edge[])_edges.Clone();
            var groupsChanged = false;
            for (var i = 0; i < places.Length; i++)
            {
                groupsChanged |= edges[places[i]].Group != edit.Edges[i].After!.Group;
                edges[places[i]] = edit.Edges[i].After!;
            }
            return new EdgeUpdate.Replaced(edges, groupsChanged);
        }
        var (merged, from, to) = MergeEdges(edit, null, null);
        return new EdgeUpdate.Renumbered(merged, from, to);
    }

    /// <summary>
    /// This index's edges with an edit's edge changes applied, in (from, type, to) order, with their ends numbered
    /// in the new node order. Edges whose end no longer exists are left out, as a whole rebuild would.
    /// </summary>
    /// <param name="edit">The edit whose edge changes are applied.</param>
    /// <param name="renumber">Each old node's new number, -1 when it is gone; null when the numbering is unchanged.</param>
    /// <param name="newIndexById">The id lookup after the edit; null when the numbering is unchanged.</param>
    private (Edge[] Edges, int[] From, int[] To) MergeEdges(GraphEdit edit, int[]? renumber, Dictionary<string, int>? newIndexById)
    {
        var dropped = new HashSet<int>();
        foreach (var change in edit.Edges)
        {
            if (FindEdge((change.Before ?? change.After)!.Key) is var e and >= 0) dropped.Add(e);
        }
        var lookup = newIndexById ?? _indexById;
        var added = new List<(long Key, Edge Edge)>();
        foreach (var change in edit.Edges)
        {
            if (change.After is { } after && lookup.TryGetValue(after.From, out var from) && lookup.TryGetValue(after.To, out var to))
            {
                added.Add((EdgeOrder(from, after.Type, to), after));
            }
        }
        added.Sort(static (a, b) => a.Key.CompareTo(b.Key));

        var edges = new List<Edge>(_edges.Length + added.Count);
        var keys = new List<long>(_edges.Length + added.Count);
        var next = 0;
        for (var e = 0; e < _edges.Length; e++)
        {
            if (dropped.Contains(e)) continue;
            var (from, to) = renumber is null ? (_edgeFrom[e], _edgeTo[e]) : (renumber[_edgeFrom[e]], renumber[_edgeTo[e]]);
            if (from < 0 || to < 0) continue;
            var key = EdgeOrder(from, _edgeTypes[e], to);
            for (; next < added.Count && added[next].Key < key; next++) Add(added[next].Key, added[next].Edge);
            Add(key, _edges[e]);
        }
        for (; next < added.Count; next++) Add(added[next].Key, added[next].Edge);

        var (fromArray, toArray) = (new int[keys.Count], new int[keys.Count]);
        for (var e = 0; e < keys.Count; e++) (fromArray[e], toArray[e]) = Ends(keys[e]);
        return ([.. edges], fromArray, toArray);

        void Add(long key, Edge edge)
        {
            // Two edges with one key cannot both stand: the edit's version replaces the old one.
            if (keys.Count > 0 && keys[^1] == key)
            {
                edges[^1] = edge;
                return;
            }
            keys.Add(key);
            edges.Add(edge);
        }
    }

    /// <summary>The edge with this key, or null.</summary>
    public Edge? EdgeWithKey(EdgeKey key) => FindEdge(key) is var e and >= 0 ? _edges[e] : null;

    private int FindEdge(EdgeKey key)
    {
        var from = IndexOf(key.From);
        var to = IndexOf(key.To);
        if (from < 0 || to < 0) return -1;
        foreach (var e in EdgesOf(from, Direction.Forward, key.Type))
        {
            if (_edgeTo[e] == to) return e;
        }
        return -1;
    }

    private static bool SameNames(Node a, Node b) => a.NameZh == b.NameZh && a.NameEn == b.NameEn && a.Aliases.SequenceEqual(b.Aliases);

    private static bool IsInIdOrder(Node[] nodes, bool strictly = false)
    {
        for (var i = 1; i < nodes.Length; i++)
        {
            if (string.CompareOrdinal(nodes[i - 1].Id, nodes[i].Id) is var order && (order > 0 || (strictly && order == 0))) return false;
        }
        return true;
    }

    private static Dictionary<string, int> IndexIds(Node[] nodes)
    {
        var indexById = new Dictionary<string, int>(nodes.Length, StringComparer.Ordinal);
        for (var i = 0; i < nodes.Length; i++) indexById.Add(nodes[i].Id, i);
        return indexById;
    }

    private static NodeKind[] KindsOf(Node[] nodes) => Array.ConvertAll(nodes, n => n.Kind);

    private static EdgeType[] TypesOf(Edge[] edges) => Array.ConvertAll(edges, e => e.Type);

    // An edge's place in the order as one number: from and type in the high half, to in the low half.
    private static long EdgeOrder(int from, EdgeType type, int to) => ((long)(from * TypeCount + (int)type) << 32) | (uint)to;

    private static (int From, int To) Ends(long order) => ((int)(order >> 32) / TypeCount, (int)(order & uint.MaxValue));

    public int NodeCount => _nodes.Length;
    public int EdgeCount => _edges.Length;
    public IReadOnlyList<Node> Nodes => _nodes;
    public IReadOnlyList<Edge> Edges => _edges;

    public int IndexOf(string id) => _indexById.TryGetValue(id, out var i) ? i : -1;
    public Node NodeAt(int index) => _nodes[index];
    public Edge EdgeAt(int edge) => _edges[edge];
    public int EdgeFrom(int edge) => _edgeFrom[edge];
    public int EdgeTo(int edge) => _edgeTo[edge];
    public NodeKind KindOf(int index) => _kinds[index];
    public EdgeType TypeOf(int edge) => _edgeTypes[edge];

    /// <summary>All lower-cased names, each ended by a NUL; see <see cref="NameAt"/>.</summary>
    public ReadOnlySpan<char> SearchText => _searchText;

    /// <summary>The name holding a position of <see cref="SearchText"/>: its start, its length and its node.</summary>
    public (int Start, int Length, int Node) NameAt(int position)
    {
        var k = Array.BinarySearch(_nameStarts, position);
        if (k < 0) k = ~k - 1;
        return (_nameStarts[k], _nameStarts[k + 1] - _nameStarts[k] - 1, _nameNodes[k]);
    }

    /// <summary>Node v's names as name numbers: <c>first .. last - 1</c>, for <see cref="Name"/>.</summary>
    public (int First, int Last) NamesOf(int node) => (_nodeFirstName[node], _nodeFirstName[node + 1]);

    /// <summary>Name number k, lower-cased.</summary>
    public ReadOnlySpan<char> Name(int k) => _searchText.AsSpan(_nameStarts[k], _nameStarts[k + 1] - _nameStarts[k] - 1);

    /// <summary>The index of the names, built on first use (a million nodes take about a second), then kept up to date by <see cref="Apply"/>.</summary>
    public NameIndex Names => LazyInitializer.EnsureInitialized(ref _names, ref _namesLock, () => NameIndex.Build(this));

    /// <summary>True once <see cref="Names"/> has been built for this read model or carried over from the one it was edited from.</summary>
    public bool HasNameIndex => _names is not null;

    /// <summary>
    /// The index of kinds, fields, latest statuses and stating documents (<see cref="FilterIndex"/>), built on first use
    /// (one pass over the nodes), then kept up to date by <see cref="Apply"/>.
    /// </summary>
    public FilterIndex Filters => LazyInitializer.EnsureInitialized(ref _filters, ref _filtersLock, () => FilterIndex.Build(this));

    /// <summary>True once <see cref="Filters"/> has been built for this read model or kept from the one it was edited from.</summary>
    public bool HasFilterIndex => _filters is not null;

    /// <summary>
    /// Every node ranked as a bottleneck (<see cref="BottleneckRanking"/>), built on first use, then kept up to date
    /// by <see cref="Apply"/>.
    /// </summary>
    public BottleneckRanking Bottlenecks => LazyInitializer.EnsureInitialized(ref _bottlenecks, ref _bottlenecksLock, () => BottleneckRanking.Build(this));

    /// <summary>Takes a ranking worked out elsewhere for exactly this graph (a snapshot's), unless one is built already.</summary>
    internal void AdoptBottlenecks(BottleneckRanking ranking) => Interlocked.CompareExchange(ref _bottlenecks, ranking, null);

    /// <summary>True once <see cref="Bottlenecks"/> has been built for this read model or carried from the one it was edited from.</summary>
    public bool HasBottleneckRanking => _bottlenecks is not null;

    /// <summary>The alternative group an edge belongs to, as a slot number in 0..GroupCount-1, or -1 for a hard requirement.</summary>
    public int GroupSlot(int edge) => _edgeGroupSlot[edge];

    public int GroupCount => _groupSizes.Length;

    /// <summary>How many alternatives a group slot has.</summary>
    public int GroupSize(int slot) => _groupSizes[slot];

    /// <summary>Edge numbers leaving (forward) or entering (backward) a node, grouped by edge type.</summary>
    public ReadOnlySpan<int> EdgesOf(int node, Direction direction)
    {
        var (offsets, edges) = direction == Direction.Forward ? (_outOffsets, _outEdges) : (_inOffsets, _inEdges);
        var start = offsets[node * TypeCount];
        return edges.AsSpan(start, offsets[(node + 1) * TypeCount] - start);
    }

    /// <summary>Edge numbers of one type leaving (forward) or entering (backward) a node.</summary>
    public ReadOnlySpan<int> EdgesOf(int node, Direction direction, EdgeType type)
    {
        var (offsets, edges) = direction == Direction.Forward ? (_outOffsets, _outEdges) : (_inOffsets, _inEdges);
        var slot = node * TypeCount + (int)type;
        return edges.AsSpan(offsets[slot], offsets[slot + 1] - offsets[slot]);
    }

    /// <summary>The node at the far end of an edge, seen from a traversal in the given direction.</summary>
    public int Neighbour(int edge, Direction direction) => direction == Direction.Forward ? _edgeTo[edge] : _edgeFrom[edge];

    private static (int[] Offsets, int[] Edges) BuildAdjacency(int[] owner, EdgeType[] types, int nodeCount)
    {
        var offsets = new int[nodeCount * TypeCount + 1];
        for (var e = 0; e < owner.Length; e++) offsets[owner[e] * TypeCount + (int)types[e] + 1]++;
        for (var s = 1; s < offsets.Length; s++) offsets[s] += offsets[s - 1];
        var fill = offsets[..^1];
        var edges = new int[owner.Length];
        // Edges are in (from, type, to) order, so filling the slots in edge order leaves each slot sorted by its
        // other end in both directions: results come out in a stable, id-ordered sequence without a sort.
        for (var e = 0; e < owner.Length; e++) edges[fill[owner[e] * TypeCount + (int)types[e]]++] = e;
        return (offsets, edges);
    }

    // Alternatives: every (node, group) pair gets a slot; an edge in a group points at its slot.
    private static (int[] EdgeSlots, int[] Sizes) BuildGroups(Edge[] edges, int[] edgeFrom)
    {
        var edgeSlots = new int[edges.Length];
        var slots = new Dictionary<(int, string), int>();
        var sizes = new List<int>();
        for (var e = 0; e < edges.Length; e++)
        {
            edgeSlots[e] = -1;
            if (edges[e].Group is not { } group) continue;
            if (!slots.TryGetValue((edgeFrom[e], group), out var slot))
            {
                slot = sizes.Count;
                slots.Add((edgeFrom[e], group), slot);
                sizes.Add(0);
            }
            edgeSlots[e] = slot;
            sizes[slot]++;
        }
        return (edgeSlots, [.. sizes]);
    }

    /// <summary>
    /// The search buffer for <paramref name="nodes"/>. A node whose <paramref name="nameSources"/> entry names a node
    /// of <paramref name="previous"/> copies that node's lower-cased names from it; the others are lower-cased anew.
    /// </summary>
    private static (char[] Text, int[] Starts, int[] Owners) BuildSearchText(Node[] nodes, int[]? nameSources, GraphIndex? previous)
    {
        // The names of previous node v are previous._nameStarts[firstName[v] .. firstName[v + 1]).
        var firstName = previous is null ? [] : new int[previous._nodes.Length + 1];
        if (previous is not null)
        {
            foreach (var owner in previous._nameNodes) firstName[owner + 1]++;
            for (var v = 1; v < firstName.Length; v++) firstName[v] += firstName[v - 1];
        }
        var (length, count) = (0, 0);
        for (var v = 0; v < nodes.Length; v++)
        {
            if (nameSources?[v] is >= 0 and var source)
            {
                length += previous!._nameStarts[firstName[source + 1]] - previous._nameStarts[firstName[source]];
                count += firstName[source + 1] - firstName[source];
            }
            else
            {
                length += nodes[v].NameZh.Length + nodes[v].NameEn.Length + 2;
                foreach (var alias in nodes[v].Aliases) length += alias.Length + 1;
                count += 2 + nodes[v].Aliases.Count;
            }
        }

        var text = new char[length];
        var starts = new int[count + 1];
        var owners = new int[count];
        var (at, name) = (0, 0);
        for (var v = 0; v < nodes.Length; v++)
        {
            if (nameSources?[v] is >= 0 and var source)
            {
                var (first, last) = (firstName[source], firstName[source + 1]);
                var from = previous!._nameStarts[first];
                var span = previous._nameStarts[last] - from;
                previous._searchText.AsSpan(from, span).CopyTo(text.AsSpan(at));
                for (var k = first; k < last; k++)
                {
                    starts[name] = previous._nameStarts[k] - from + at;
                    owners[name++] = v;
                }
                at += span;
            }
            else
            {
                Add(nodes[v].NameZh, v);
                Add(nodes[v].NameEn, v);
                foreach (var alias in nodes[v].Aliases) Add(alias, v);
            }
        }
        starts[count] = at;
        return (text, starts, owners);

        void Add(string value, int owner)
        {
            starts[name] = at;
            owners[name++] = owner;
            value.AsSpan().ToLowerInvariant(text.AsSpan(at));
            at += value.Length;
            text[at++] = '\0';
        }
    }
}
