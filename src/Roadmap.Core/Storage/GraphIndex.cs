using Roadmap.Core.Model;

namespace Roadmap.Core.Storage;

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
    private readonly int[] _edgeGroupSlot;
    private readonly int[] _groupSizes;

    public GraphIndex(GraphData data)
    {
        _nodes = data.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal).ToArray();
        _indexById = new Dictionary<string, int>(_nodes.Length, StringComparer.Ordinal);
        for (var i = 0; i < _nodes.Length; i++) _indexById.Add(_nodes[i].Id, i);

        _edges = data.Edges
            .Where(e => _indexById.ContainsKey(e.From) && _indexById.ContainsKey(e.To))
            .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.Type).ThenBy(e => e.To, StringComparer.Ordinal)
            .ToArray();
        _edgeFrom = _edges.Select(e => _indexById[e.From]).ToArray();
        _edgeTo = _edges.Select(e => _indexById[e.To]).ToArray();
        _kinds = _nodes.Select(n => n.Kind).ToArray();
        _edgeTypes = _edges.Select(e => e.Type).ToArray();
        (_outOffsets, _outEdges) = BuildAdjacency(_edgeFrom, _edgeTo);
        (_inOffsets, _inEdges) = BuildAdjacency(_edgeTo, _edgeFrom);

        // Alternatives: every (node, group) pair gets a slot; an edge in a group points at its slot.
        _edgeGroupSlot = new int[_edges.Length];
        var slots = new Dictionary<(int, string), int>();
        var sizes = new List<int>();
        for (var e = 0; e < _edges.Length; e++)
        {
            _edgeGroupSlot[e] = -1;
            if (_edges[e].Group is not { } group) continue;
            if (!slots.TryGetValue((_edgeFrom[e], group), out var slot))
            {
                slot = sizes.Count;
                slots.Add((_edgeFrom[e], group), slot);
                sizes.Add(0);
            }
            _edgeGroupSlot[e] = slot;
            sizes[slot]++;
        }
        _groupSizes = [.. sizes];

        var text = new System.Text.StringBuilder();
        var starts = new List<int>();
        var owners = new List<int>();
        for (var v = 0; v < _nodes.Length; v++)
        {
            foreach (var name in new[] { _nodes[v].NameZh, _nodes[v].NameEn }.Concat(_nodes[v].Aliases))
            {
                starts.Add(text.Length);
                owners.Add(v);
                text.Append(name.ToLowerInvariant()).Append('\0');
            }
        }
        starts.Add(text.Length);
        _searchText = new char[text.Length];
        text.CopyTo(0, _searchText, text.Length);
        _nameStarts = [.. starts];
        _nameNodes = [.. owners];
    }

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
    internal ReadOnlySpan<char> SearchText => _searchText;

    /// <summary>The name holding a position of <see cref="SearchText"/>: its start, its length and its node.</summary>
    internal (int Start, int Length, int Node) NameAt(int position)
    {
        var k = Array.BinarySearch(_nameStarts, position);
        if (k < 0) k = ~k - 1;
        return (_nameStarts[k], _nameStarts[k + 1] - _nameStarts[k] - 1, _nameNodes[k]);
    }

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

    private (int[] Offsets, int[] Edges) BuildAdjacency(int[] owner, int[] other)
    {
        var offsets = new int[_nodes.Length * TypeCount + 1];
        for (var e = 0; e < _edges.Length; e++) offsets[owner[e] * TypeCount + (int)_edges[e].Type + 1]++;
        for (var s = 1; s < offsets.Length; s++) offsets[s] += offsets[s - 1];
        var fill = offsets[..^1].ToArray();
        var edges = new int[_edges.Length];
        // Edges are sorted by (from, type, to); for the backward direction sort each slot by the other end so
        // that results come out in a stable, id-ordered sequence.
        foreach (var e in Enumerable.Range(0, _edges.Length).OrderBy(e => other[e]))
        {
            edges[fill[owner[e] * TypeCount + (int)_edges[e].Type]++] = e;
        }
        return (offsets, edges);
    }
}
