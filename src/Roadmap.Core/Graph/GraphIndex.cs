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
    private readonly NodeLookup _lookup;
    private readonly int[] _edgeFrom;
    private readonly int[] _edgeTo;
    // Kinds and types as flat arrays, so traversals test them without reaching into the records.
    private readonly NodeKind[] _kinds;
    private readonly EdgeType[] _edgeTypes;
    // Adjacency: the edges of node v are _outEdges[_outOffsets[v] .. _outOffsets[v + 1]), by type, then by edge
    // number. One offset a node rather than one per node and type, so an edit that adds a node copies a fifth as much.
    private readonly int[] _outOffsets;
    private readonly int[] _outEdges;
    private readonly int[] _inOffsets;
    private readonly int[] _inEdges;
    private readonly NameTable _nameTable;
    // Built on the first name search, then carried through edits; see Names.
    private NameIndex? _names;
    private object? _namesLock;
    // Built on the first filter that can use it, then carried through edits; see Filters.
    private FilterIndex? _filters;
    private object? _filtersLock;
    // Built on the first check for a duplicate name, then carried through edits; see IdsNamed.
    private ChineseNameLookup? _chineseNames;
    private object? _chineseNamesLock;
    private readonly int[] _edgeGroupSlot;
    private readonly int[] _groupSizes;
    // Built on the first bottleneck question, then carried through edits; see Bottlenecks.
    private BottleneckRanking? _bottlenecks;
    private object? _bottlenecksLock;

    /// <summary>
    /// Every node's lower-cased names and aliases, each followed by a NUL, in one buffer, so a search is a vectorised
    /// scan of one span instead of a string search per name. A node's names are adjacent; an edit appends the names
    /// it brings and leaves the names it drops in place, owned by no node, until they make up half the buffer and it
    /// is written afresh. Name k starts at Starts.Items[k] (Starts.Items[Count] ends the last) and belongs to node
    /// Owners[k], or to none when -1; node v's names are NodeNames[2v] .. NodeNames[2v + 1] - 1.
    /// </summary>
    private readonly record struct NameTable(AppendOnlyArray<char> Text, int TextLength, AppendOnlyArray<int> Starts, int Count, int[] Owners, int[] NodeNames, int Unowned);

    /// <summary>Builds the read model from a whole graph: nodes in any order; edges whose ends are missing are left out.</summary>
    public GraphIndex(GraphData data)
    {
        _nodes = [.. data.Nodes];
        // The SQLite file hands nodes over in id order already (its query sorts them), and sorting a million
        // strings takes seconds, so check before sorting.
        if (!IsInIdOrder(_nodes)) Array.Sort(_nodes, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        _lookup = new NodeLookup(_nodes);
        _kinds = KindsOf(_nodes);

        var keys = new List<long>(data.Edges.Count);
        var kept = new List<Edge>(data.Edges.Count);
        foreach (var edge in data.Edges)
        {
            if (_lookup.TryGetValue(edge.From, out var from) && _lookup.TryGetValue(edge.To, out var to))
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
        _classNeedCount = CountClassNeeds(_edges);
        (_outOffsets, _outEdges) = BuildAdjacency(_edgeFrom, _edgeTypes, _nodes.Length);
        (_inOffsets, _inEdges) = BuildAdjacency(_edgeTo, _edgeTypes, _nodes.Length);
        (_edgeGroupSlot, _groupSizes) = BuildGroups(_edges, _edgeFrom);
        _nameTable = BuildNameTable(_nodes, null);
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
        _classNeedCount = CountClassNeeds(_edges);
        _kinds = KindsOf(_nodes);
        // The parts do not depend on one another, and a start waits for all of them: build them side by side.
        var lookup = Task.Run(() => new NodeLookup(nodes));
        var names = Task.Run(() => BuildNameTable(nodes, null));
        (_outOffsets, _outEdges) = BuildAdjacency(edgeFrom, _edgeTypes, nodes.Length);
        (_inOffsets, _inEdges) = BuildAdjacency(edgeTo, _edgeTypes, nodes.Length);
        (_edgeGroupSlot, _groupSizes) = BuildGroups(edges, edgeFrom);
        _lookup = lookup.GetAwaiter().GetResult();
        _nameTable = names.GetAwaiter().GetResult();
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

    /// <summary>What an edit does to the edges: nothing, replaces some in place (same keys), moves their ends' numbers, or renumbers them.</summary>
    private abstract record EdgeUpdate
    {
        public sealed record None : EdgeUpdate;

        public sealed record Replaced(Edge[] Edges, bool GroupsChanged) : EdgeUpdate;

        /// <summary>The same edges in the same order, their ends renumbered, with nodes without edges added or removed.</summary>
        public sealed record Moved(int[] From, int[] To, int[] OutOffsets, int[] InOffsets) : EdgeUpdate;

        public sealed record Renumbered(Edge[] Edges, int[] From, int[] To) : EdgeUpdate;
    }

    /// <param name="previous">The index the edit applies to; what the edit does not change is shared with it.</param>
    /// <param name="carried">The indexes of <paramref name="previous"/> that the edit carries over.</param>
    /// <param name="nodes">The nodes after the edit, in id order.</param>
    /// <param name="lookup">The id lookup for <paramref name="nodes"/>.</param>
    /// <param name="kinds">The kind of each of <paramref name="nodes"/>.</param>
    /// <param name="edges">What the edit does to the edges.</param>
    /// <param name="nameTable">The search names of <paramref name="nodes"/>.</param>
    /// <param name="nameSources">
    /// For each node, the node of <paramref name="previous"/> whose search names it keeps, or -1 when its names are
    /// new; null when no name changes, or when <paramref name="previous"/> has no name index to carry over.
    /// </param>
    /// <param name="nodeSources">
    /// For each node, the node of <paramref name="previous"/> it is, unchanged, or -1 when it is new or changed; null
    /// when no node changes, or when <paramref name="previous"/> has no filter index to carry over (nothing else reads it).
    /// </param>
    /// <param name="renumbered">True when nodes come or go, so that kept nodes may change numbers.</param>
    private GraphIndex(
        GraphIndex previous, Carried carried, Node[] nodes, NodeLookup lookup, NodeKind[] kinds, EdgeUpdate edges, NameTable nameTable, int[]? nameSources,
        int[]? nodeSources, bool renumbered)
    {
        _nodes = nodes;
        _lookup = lookup;
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
            case EdgeUpdate.Moved moved:
                // Edge order is (from, type, to) order, and moving numbers keeps id order, so the edges keep their numbers.
                (_edgeFrom, _edgeTo, _outOffsets, _inOffsets) = (moved.From, moved.To, moved.OutOffsets, moved.InOffsets);
                break;
            case EdgeUpdate.Renumbered renumberedEdges:
                (_edges, _edgeFrom, _edgeTo) = (renumberedEdges.Edges, renumberedEdges.From, renumberedEdges.To);
                _edgeTypes = TypesOf(_edges);
                (_outOffsets, _outEdges) = BuildAdjacency(_edgeFrom, _edgeTypes, _nodes.Length);
                (_inOffsets, _inEdges) = BuildAdjacency(_edgeTo, _edgeTypes, _nodes.Length);
                (_edgeGroupSlot, _groupSizes) = BuildGroups(_edges, _edgeFrom);
                break;
        }
        _nameTable = nameTable;
        // A name index already built follows the edit; one never asked for stays unbuilt.
        if (carried.Names is { } names) _names = nameSources is null ? names : names.Apply(previous, this, nameSources);
        // Likewise the filter index.
        if (carried.Filters is { } filters)
        {
            _filters = nodeSources is null ? filters : filters.Apply(previous, this, nodeSources, renumbered);
        }
    }

    /// <summary>
    /// The read model after an edit, built from this one without sorting the graph or rebuilding the id lookup:
    /// the untouched nodes and edges keep their order and the few changed ones are put in place. What the edit cannot
    /// affect is shared: the id lookup when no node comes or goes, the adjacency when no edge comes or goes, the
    /// search names of every node whose names stay. When nodes come or go, the later nodes' numbers move by one pass
    /// over the flat arrays that hold numbers (<see cref="Renumbering"/>), and when those nodes have no edges the
    /// adjacency keeps its edge lists. The result is the same as a new index over the edited graph; a property test
    /// holds it to that. A bottleneck ranking already built follows the edit (<see cref="BottleneckRanking"/>).
    /// </summary>
    public GraphIndex Apply(GraphEdit edit)
    {
        // Read once, before the edit: one a reader builds meanwhile is not carried (see Carried).
        var ranking = Volatile.Read(ref _bottlenecks);
        var next = NumberedAfter(edit);
        next._classNeedCount = _classNeedCount;
        foreach (var change in edit.Edges) next._classNeedCount += (change.After?.IsClassNeed == true ? 1 : 0) - (change.Before?.IsClassNeed == true ? 1 : 0);
        // Holds ids, not numbers, so it follows the edit's nodes alone; one never asked for stays unbuilt.
        if (Volatile.Read(ref _chineseNames) is { } chineseNames) next._chineseNames = chineseNames.Apply(this, edit, next._nodes);
        if (ranking is not null) next._bottlenecks = ranking.Apply(this, next, edit);
        return next;
    }

    /// <summary>
    /// The lazily built indexes an edit carries over, read once when it starts: one built by a reader while the edit
    /// runs is not carried (the next read model builds its own when asked), rather than carried unchanged.
    /// </summary>
    private readonly record struct Carried(NameIndex? Names, FilterIndex? Filters);

    private GraphIndex NumberedAfter(GraphEdit edit)
    {
        var carried = new Carried(Volatile.Read(ref _names), Volatile.Read(ref _filters));
        var removed = new List<int>();
        var inserted = new List<Node>();
        var updated = new List<(int Old, Node After)>();
        foreach (var change in edit.Nodes)
        {
            if (change.After is { } after)
            {
                if (IndexOf(after.Id) is var old and >= 0) updated.Add((old, after));
                else inserted.Add(after);
            }
            else if (IndexOf(change.Before!.Id) is var gone and >= 0) removed.Add(gone);
        }
        if (removed.Count == 0 && inserted.Count == 0) return ApplyInPlace(edit, updated, carried);

        removed.Sort();
        inserted.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        // Each new node goes before the first old node whose id follows its own.
        var insertAt = inserted.Select(n => FirstAfter(n.Id)).ToArray();
        var renumbering = new Renumbering(insertAt.Select(at => (at, 1)).Concat(removed.Select(old => (old + 1, -1))), _nodes.Length);
        var insertedNumbers = new int[inserted.Count];
        for (int i = 0, r = 0; i < inserted.Count; i++)
        {
            for (; r < removed.Count && removed[r] < insertAt[i]; r++) { }
            insertedNumbers[i] = insertAt[i] - r + i;
        }

        var nodes = Splice(_nodes, 1, removed, insertAt, (i, block) => block[0] = inserted[i]);
        var kinds = Splice(_kinds, 1, removed, insertAt, (i, block) => block[0] = inserted[i].Kind);
        foreach (var (old, after) in updated)
        {
            var v = renumbering.Map(old);
            (nodes[v], kinds[v]) = (after, after.Kind);
        }
        var lookup = _lookup.Apply(
            renumbering, removed.Select(old => _nodes[old].Id), [.. inserted.Select((n, i) => (n.Id, insertedNumbers[i]))], nodes);

        EdgeUpdate edges;
        if (edit.Edges.Count == 0 && removed.All(old => EdgesOf(old, Direction.Forward).IsEmpty && EdgesOf(old, Direction.Backward).IsEmpty))
        {
            edges = new EdgeUpdate.Moved(
                renumbering.Applied(_edgeFrom), renumbering.Applied(_edgeTo),
                Splice(_outOffsets, 1, removed, insertAt, (i, block) => block[0] = _outOffsets[insertAt[i]]),
                Splice(_inOffsets, 1, removed, insertAt, (i, block) => block[0] = _inOffsets[insertAt[i]]));
        }
        else
        {
            var (mergedEdges, edgeFrom, edgeTo) = MergeEdges(edit, renumbering.Table(removed), lookup);
            edges = new EdgeUpdate.Renumbered(mergedEdges, edgeFrom, edgeTo);
        }

        // Names: the new nodes' all, and the updated nodes' when they change.
        var renamed = updated.Where(u => !SameNames(_nodes[u.Old], u.After)).ToList();
        var appended = new List<(int Node, Node Names)>();
        appended.AddRange(inserted.Select((n, i) => (insertedNumbers[i], n)));
        appended.AddRange(renamed.Select(u => (renumbering.Map(u.Old), u.After)));
        var owners = GC.AllocateUninitializedArray<int>(_nameTable.Count + appended.Sum(a => NameCount(a.Names)));
        renumbering.Apply(_nameTable.Owners, owners);
        var unowned = _nameTable.Unowned;
        foreach (var old in removed.Concat(renamed.Select(u => u.Old)))
        {
            var (first, last) = NamesOf(old);
            owners.AsSpan(first, last - first).Fill(-1);
            unowned += last - first;
        }
        var nodeNames = Splice(_nameTable.NodeNames, 2, removed, insertAt, (_, block) => block.Clear());
        var nameTable = AppendNames(_nameTable, appended, owners, nodeNames, unowned, nodes);

        int[]? sources = null;
        if (carried.Names is not null || carried.Filters is not null)
        {
            // Each new node's old number, or -1 for the nodes the edit brings or changes.
            sources = new int[nodes.Length];
            Array.Fill(sources, -1);
            var table = renumbering.Table(removed);
            for (var old = 0; old < table.Length; old++)
            {
                if (table[old] >= 0) sources[table[old]] = old;
            }
            foreach (var (old, _) in updated) sources[table[old]] = -1;
        }
        return new GraphIndex(this, carried, nodes, lookup, kinds, edges, nameTable, sources, sources, renumbered: true);
    }

    /// <summary>An edit that keeps every node's number: nodes changed in place, names appended for the renamed ones.</summary>
    private GraphIndex ApplyInPlace(GraphEdit edit, List<(int Old, Node After)> updated, Carried carried)
    {
        var nodes = (Node[])_nodes.Clone();
        var kinds = _kinds;
        foreach (var (i, after) in updated)
        {
            nodes[i] = after;
            if (after.Kind != _kinds[i])
            {
                if (ReferenceEquals(kinds, _kinds)) kinds = (NodeKind[])_kinds.Clone();
                kinds[i] = after.Kind;
            }
        }
        var renamed = updated.Where(u => !SameNames(_nodes[u.Old], u.After)).ToList();
        var nameTable = _nameTable;
        int[]? nameSources = null;
        if (renamed.Count > 0)
        {
            var owners = new int[_nameTable.Count + renamed.Sum(u => NameCount(u.After))];
            _nameTable.Owners.AsSpan().CopyTo(owners);
            var unowned = _nameTable.Unowned;
            foreach (var (old, _) in renamed)
            {
                var (first, last) = NamesOf(old);
                owners.AsSpan(first, last - first).Fill(-1);
                unowned += last - first;
            }
            nameTable = AppendNames(_nameTable, [.. renamed], owners, (int[])_nameTable.NodeNames.Clone(), unowned, nodes);
            if (carried.Names is not null)
            {
                nameSources = [.. Enumerable.Range(0, _nodes.Length)];
                foreach (var (i, _) in renamed) nameSources[i] = -1;
            }
        }
        int[]? nodeSources = null;
        if (updated.Count > 0 && carried.Filters is not null)
        {
            nodeSources = [.. Enumerable.Range(0, _nodes.Length)];
            foreach (var (i, _) in updated) nodeSources[i] = -1;
        }
        return new GraphIndex(this, carried, nodes, _lookup, kinds, EdgesAfter(edit), nameTable, nameSources, nodeSources, renumbered: false);
    }

    // The number of the first node whose id follows id, which no node has.
    private int FirstAfter(string id)
    {
        var (lo, hi) = (0, _nodes.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_nodes[mid].Id, id) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private delegate void FillBlock<T>(int insert, Span<T> block);

    /// <summary>
    /// A per-node array (<paramref name="blockSize"/> items a node, perhaps with a tail after the last node) without
    /// the removed nodes' blocks and with a block for each insert before the node it names, as a few block copies.
    /// </summary>
    private static T[] Splice<T>(T[] items, int blockSize, List<int> removed, int[] insertAt, FillBlock<T> fill)
    {
        var result = GC.AllocateUninitializedArray<T>(items.Length + (insertAt.Length - removed.Count) * blockSize);
        var (from, to, r, i) = (0, 0, 0, 0);
        while (r < removed.Count || i < insertAt.Length)
        {
            var inserting = i < insertAt.Length && (r == removed.Count || insertAt[i] <= removed[r]);
            var upTo = (inserting ? insertAt[i] : removed[r]) * blockSize;
            items.AsSpan(from, upTo - from).CopyTo(result.AsSpan(to));
            (to, from) = (to + upTo - from, upTo);
            if (inserting)
            {
                fill(i++, result.AsSpan(to, blockSize));
                to += blockSize;
            }
            else
            {
                from += blockSize;
                r++;
            }
        }
        items.AsSpan(from).CopyTo(result.AsSpan(to));
        return result;
    }

    private static int NameCount(Node node) => 2 + node.Aliases.Count;

    /// <summary>
    /// The name table with the names of <paramref name="appended"/> nodes (at their new numbers) added at its end.
    /// <paramref name="owners"/> is sized for them and holds the kept names' owners; <paramref name="nodeNames"/> holds
    /// every other node's names. Written afresh once names no node owns are half of all.
    /// </summary>
    private static NameTable AppendNames(NameTable table, List<(int Node, Node Names)> appended, int[] owners, int[] nodeNames, int unowned, Node[] nodes)
    {
        if (appended.Count == 0)
        {
            var kept = table with { Owners = owners, NodeNames = nodeNames, Unowned = unowned };
            return unowned * 2 > kept.Count ? BuildNameTable(nodes, kept) : kept;
        }
        var text = new List<char>();
        var starts = new List<int>();
        var (at, name) = (table.TextLength, table.Count);
        foreach (var (node, names) in appended)
        {
            nodeNames[2 * node] = name;
            foreach (var value in new[] { names.NameZh, names.NameEn }.Concat(names.Aliases))
            {
                if (name > table.Count) starts.Add(at);
                owners[name++] = node;
                var lowered = new char[value.Length];
                value.AsSpan().ToLowerInvariant(lowered);
                text.AddRange(lowered);
                text.Add('\0');
                at += value.Length + 1;
            }
            nodeNames[2 * node + 1] = name;
        }
        // The old end of the last name is where the first new name starts, so the new starts follow it.
        starts.Add(at);
        var result = new NameTable(
            table.Text.Append(table.TextLength, [.. text]), at, table.Starts.Append(table.Count + 1, [.. starts]), name, owners, nodeNames, unowned);
        return unowned * 2 > name ? BuildNameTable(nodes, result) : result;
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
    /// <param name="newLookup">The id lookup after the edit; null when the numbering is unchanged.</param>
    private (Edge[] Edges, int[] From, int[] To) MergeEdges(GraphEdit edit, int[]? renumber, NodeLookup? newLookup)
    {
        var dropped = new HashSet<int>();
        foreach (var change in edit.Edges)
        {
            if (FindEdge((change.Before ?? change.After)!.Key) is var e and >= 0) dropped.Add(e);
        }
        var lookup = newLookup ?? _lookup;
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

    private static NodeKind[] KindsOf(Node[] nodes) => Array.ConvertAll(nodes, n => n.Kind);

    private static EdgeType[] TypesOf(Edge[] edges) => Array.ConvertAll(edges, e => e.Type);

    private static int CountClassNeeds(Edge[] edges)
    {
        var count = 0;
        foreach (var edge in edges) if (edge.IsClassNeed) count++;
        return count;
    }

    // An edge's place in the order as one number: from and type in the high half, to in the low half.
    private static long EdgeOrder(int from, EdgeType type, int to) => ((long)(from * TypeCount + (int)type) << 32) | (uint)to;

    private static (int From, int To) Ends(long order) => ((int)(order >> 32) / TypeCount, (int)(order & uint.MaxValue));

    public int NodeCount => _nodes.Length;
    public int EdgeCount => _edges.Length;
    public IReadOnlyList<Node> Nodes => _nodes;
    public IReadOnlyList<Edge> Edges => _edges;

    public int IndexOf(string id) => _lookup.TryGetValue(id, out var i) ? i : -1;
    public Node NodeAt(int index) => _nodes[index];
    public Edge EdgeAt(int edge) => _edges[edge];
    public int EdgeFrom(int edge) => _edgeFrom[edge];
    public int EdgeTo(int edge) => _edgeTo[edge];
    public NodeKind KindOf(int index) => _kinds[index];
    public EdgeType TypeOf(int edge) => _edgeTypes[edge];

    // Kept as the graph changes, so that a graph without needs of a class as a whole (most large ones) never looks.
    private int _classNeedCount;

    /// <summary>How many edges are needs of a class as a whole (<see cref="NeedReach.Class"/>).</summary>
    public int ClassNeedCount => _classNeedCount;

    /// <summary>Whether the edge is a need of a class as a whole, which no member inherits (<see cref="NeedReach.Class"/>).</summary>
    public bool IsClassNeed(int edge) => _classNeedCount > 0 && _edges[edge].Reach == NeedReach.Class;

    /// <summary>
    /// All lower-cased names, each ended by a NUL; see <see cref="NameAt"/>. A node's names are adjacent, but the
    /// nodes are not in number order, and some names (those an edit dropped) belong to no node.
    /// </summary>
    public ReadOnlySpan<char> SearchText => _nameTable.Text.Items.AsSpan(0, _nameTable.TextLength);

    /// <summary>The name holding a position of <see cref="SearchText"/>: its start, its length and its node, or -1 for a name no node has now.</summary>
    public (int Start, int Length, int Node) NameAt(int position)
    {
        var starts = _nameTable.Starts.Items;
        var k = Array.BinarySearch(starts, 0, _nameTable.Count + 1, position);
        if (k < 0) k = ~k - 1;
        return (starts[k], starts[k + 1] - starts[k] - 1, _nameTable.Owners[k]);
    }

    /// <summary>Node v's names as name numbers: <c>first .. last - 1</c>, for <see cref="Name"/>.</summary>
    public (int First, int Last) NamesOf(int node) => (_nameTable.NodeNames[2 * node], _nameTable.NodeNames[2 * node + 1]);

    /// <summary>Name number k, lower-cased.</summary>
    public ReadOnlySpan<char> Name(int k)
    {
        var starts = _nameTable.Starts.Items;
        return _nameTable.Text.Items.AsSpan(starts[k], starts[k + 1] - starts[k] - 1);
    }

    /// <summary>The index of the names, built on first use (a million nodes take about a second), then kept up to date by <see cref="Apply"/>.</summary>
    public NameIndex Names => LazyInitializer.EnsureInitialized(ref _names, ref _namesLock, () => NameIndex.Build(this));

    /// <summary>True once <see cref="Names"/> has been built for this read model or carried over from the one it was edited from.</summary>
    public bool HasNameIndex => _names is not null;

    /// <summary>
    /// The index of kinds, fields, latest statuses and stating documents (<see cref="FilterIndex"/>), built on first use
    /// (one pass over the nodes), then kept up to date by <see cref="Apply"/>.
    /// </summary>
    public FilterIndex Filters => LazyInitializer.EnsureInitialized(ref _filters, ref _filtersLock, () => FilterIndex.Build(this));

    /// <summary>
    /// The ids of the nodes whose Chinese name is <paramref name="nameZh"/>, in id order, from an index built on first
    /// use (one pass over the nodes), then kept up to date by <see cref="Apply"/>.
    /// </summary>
    public IReadOnlyList<string> IdsNamed(string nameZh) =>
        LazyInitializer.EnsureInitialized(ref _chineseNames, ref _chineseNamesLock, () => ChineseNameLookup.Build(_nodes)).IdsNamed(nameZh);

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
        return edges.AsSpan(offsets[node], offsets[node + 1] - offsets[node]);
    }

    /// <summary>Edge numbers of one type leaving (forward) or entering (backward) a node.</summary>
    public ReadOnlySpan<int> EdgesOf(int node, Direction direction, EdgeType type)
    {
        var all = EdgesOf(node, direction);
        var start = FirstOfTypeAtLeast(all, type);
        return all[start..FirstOfTypeAtLeast(all, type + 1)];
    }

    /// <summary>The node at the far end of an edge, seen from a traversal in the given direction.</summary>
    public int Neighbour(int edge, Direction direction) => direction == Direction.Forward ? _edgeTo[edge] : _edgeFrom[edge];

    // A node's edges are sorted by type: the first of them whose type is at least the given one (a binary search
    // past a few, since a hub may have thousands).
    private int FirstOfTypeAtLeast(ReadOnlySpan<int> edges, EdgeType type)
    {
        var (lo, hi) = (0, edges.Length);
        while (hi - lo > 8)
        {
            var mid = (lo + hi) >>> 1;
            if (_edgeTypes[edges[mid]] < type) lo = mid + 1;
            else hi = mid;
        }
        while (lo < hi && _edgeTypes[edges[lo]] < type) lo++;
        return lo;
    }

    private static (int[] Offsets, int[] Edges) BuildAdjacency(int[] owner, EdgeType[] types, int nodeCount)
    {
        var offsets = new int[nodeCount + 1];
        foreach (var v in owner) offsets[v + 1]++;
        for (var v = 1; v < offsets.Length; v++) offsets[v] += offsets[v - 1];
        var fill = offsets[..^1];
        var edges = new int[owner.Length];
        // Edges are in (from, type, to) order, so filling each node's list type by type in edge order leaves each
        // type's run sorted by its other end in both directions: results come out in a stable, id-ordered sequence
        // without a sort.
        for (var type = 0; type < TypeCount; type++)
        {
            for (var e = 0; e < owner.Length; e++)
            {
                if ((int)types[e] == type) edges[fill[owner[e]]++] = e;
            }
        }
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
    /// The name table for <paramref name="nodes"/> in node order, every name owned. A node's names are copied from
    /// <paramref name="from"/> (a table of the same nodes) when given, else lower-cased anew.
    /// </summary>
    private static NameTable BuildNameTable(Node[] nodes, NameTable? from)
    {
        var (length, count) = (0, 0);
        for (var v = 0; v < nodes.Length; v++)
        {
            if (from is { } table)
            {
                var (first, last) = (table.NodeNames[2 * v], table.NodeNames[2 * v + 1]);
                length += table.Starts.Items[last] - table.Starts.Items[first];
                count += last - first;
            }
            else
            {
                length += nodes[v].NameZh.Length + nodes[v].NameEn.Length + 2;
                foreach (var alias in nodes[v].Aliases) length += alias.Length + 1;
                count += NameCount(nodes[v]);
            }
        }

        var text = new char[length];
        var starts = new int[count + 1];
        var owners = new int[count];
        var nodeNames = new int[2 * nodes.Length];
        var (at, name) = (0, 0);
        for (var v = 0; v < nodes.Length; v++)
        {
            nodeNames[2 * v] = name;
            if (from is { } table)
            {
                var (first, last) = (table.NodeNames[2 * v], table.NodeNames[2 * v + 1]);
                var start = table.Starts.Items[first];
                var span = table.Starts.Items[last] - start;
                table.Text.Items.AsSpan(start, span).CopyTo(text.AsSpan(at));
                for (var k = first; k < last; k++)
                {
                    starts[name] = table.Starts.Items[k] - start + at;
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
            nodeNames[2 * v + 1] = name;
        }
        starts[count] = at;
        return new NameTable(new AppendOnlyArray<char>(text, length), length, new AppendOnlyArray<int>(starts, count + 1), count, owners, nodeNames, 0);

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
