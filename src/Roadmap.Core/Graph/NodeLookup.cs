using System.Collections.Immutable;

namespace Roadmap.Core.Graph;

/// <summary>
/// The read model's id lookup: each id has a slot that never moves, and each slot holds the node's current number.
/// An edit that adds or deletes a node moves the numbers after it, which rewrites the slot numbers (one pass over a
/// flat array) instead of rebuilding a dictionary of every id; ids added since the last rebuild sit in a small
/// persistent map beside the dictionary, which is never written after it is built, so older read models stay valid.
/// </summary>
internal sealed class NodeLookup
{
    private readonly Dictionary<string, int> _built;
    private readonly ImmutableDictionary<string, int> _added;
    // Slot to node number; -1 when no node has the slot's id now.
    private readonly int[] _numbers;
    private readonly int _emptySlots;

    /// <summary>The lookup for nodes in id order.</summary>
    public NodeLookup(IReadOnlyList<Node> nodes)
    {
        _built = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++) _built.Add(nodes[i].Id, i);
        _added = ImmutableDictionary.Create<string, int>(StringComparer.Ordinal);
        _numbers = new int[nodes.Count];
        for (var i = 0; i < _numbers.Length; i++) _numbers[i] = i;
    }

    private NodeLookup(Dictionary<string, int> built, ImmutableDictionary<string, int> added, int[] numbers, int emptySlots) =>
        (_built, _added, _numbers, _emptySlots) = (built, added, numbers, emptySlots);

    public bool TryGetValue(string id, out int number)
    {
        if (_built.TryGetValue(id, out var slot) || _added.TryGetValue(id, out slot))
        {
            number = _numbers[slot];
            return number >= 0;
        }
        number = -1;
        return false;
    }

    /// <summary>
    /// The lookup after an edit: every number moved by <paramref name="renumbering"/>, the removed ids gone and the
    /// inserted ones at their numbers. <paramref name="nodes"/> (the nodes after the edit) serve a rebuild, done once
    /// the slots of ids gone and the ids outside the dictionary outweigh an eighth of the graph.
    /// </summary>
    public NodeLookup Apply(Renumbering renumbering, IEnumerable<string> removed, (string Id, int Number)[] inserted, Node[] nodes)
    {
        var fresh = inserted.Count(i => !_built.ContainsKey(i.Id) && !_added.ContainsKey(i.Id));
        var numbers = GC.AllocateUninitializedArray<int>(_numbers.Length + fresh);
        renumbering.Apply(_numbers, numbers);
        var (added, emptySlots) = (_added, _emptySlots);
        foreach (var id in removed)
        {
            numbers[SlotOf(id)] = -1;
            emptySlots++;
        }
        var next = _numbers.Length;
        foreach (var (id, number) in inserted)
        {
            if (_built.TryGetValue(id, out var slot) || added.TryGetValue(id, out slot))
            {
                emptySlots--;
            }
            else
            {
                slot = next++;
                added = added.Add(id, slot);
            }
            numbers[slot] = number;
        }
        if (added.Count + emptySlots > nodes.Length / 8 + 8) return new NodeLookup(nodes);
        return new NodeLookup(_built, added, numbers, emptySlots);
    }

    private int SlotOf(string id) => _built.TryGetValue(id, out var slot) ? slot : _added[id];
}
