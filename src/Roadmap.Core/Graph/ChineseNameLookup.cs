using System.Collections.Immutable;

namespace Roadmap.Core.Graph;

/// <summary>
/// The ids of the nodes with each Chinese name, for the rule that no two nodes of one kind share one: an edit is
/// checked by one lookup instead of a pass over every node. It holds ids, not node numbers, so an edit that adds or
/// deletes a node changes only the entries of the names it touches: those go into a small persistent map beside the
/// dictionary, which is never written after it is built, and the whole is rebuilt once they outnumber an eighth of the graph.
/// </summary>
internal sealed class ChineseNameLookup
{
    // Most names have one node (of each kind, the rules say), so one id a name, without an array for it.
    private readonly Dictionary<string, string> _single;
    private readonly Dictionary<string, string[]> _shared;
    private readonly ImmutableDictionary<string, string[]> _changed;

    private ChineseNameLookup(Dictionary<string, string> single, Dictionary<string, string[]> shared, ImmutableDictionary<string, string[]> changed) =>
        (_single, _shared, _changed) = (single, shared, changed);

    /// <summary>One pass over the nodes, which come in id order.</summary>
    public static ChineseNameLookup Build(IReadOnlyList<Node> nodes)
    {
        var single = new Dictionary<string, string>(nodes.Count, StringComparer.Ordinal);
        var shared = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (shared.TryGetValue(node.NameZh, out var ids)) shared[node.NameZh] = [.. ids, node.Id];
            else if (single.Remove(node.NameZh, out var first)) shared[node.NameZh] = [first, node.Id];
            else single[node.NameZh] = node.Id;
        }
        return new ChineseNameLookup(single, shared, ImmutableDictionary.Create<string, string[]>(StringComparer.Ordinal));
    }

    /// <summary>The ids of the nodes named <paramref name="nameZh"/>, in id order.</summary>
    public IReadOnlyList<string> IdsNamed(string nameZh) => Current(_changed, nameZh);

    /// <summary>The lookup after <paramref name="edit"/>, of which <paramref name="previous"/> is the graph before and <paramref name="nodes"/> the nodes after.</summary>
    public ChineseNameLookup Apply(GraphIndex previous, GraphEdit edit, IReadOnlyList<Node> nodes)
    {
        var changed = _changed;
        foreach (var change in edit.Nodes)
        {
            var id = (change.After ?? change.Before)!.Id;
            var before = previous.IndexOf(id) is var old and >= 0 ? previous.NodeAt(old).NameZh : null;
            if (before == change.After?.NameZh) continue;
            if (before is not null) changed = changed.SetItem(before, [.. Current(changed, before).Where(other => other != id)]);
            if (change.After is { } after)
            {
                var ids = Current(changed, after.NameZh).Append(id).ToArray();
                Array.Sort(ids, StringComparer.Ordinal);
                changed = changed.SetItem(after.NameZh, ids);
            }
        }
        if (changed.Count > nodes.Count / 8 + 8) return Build(nodes);
        return new ChineseNameLookup(_single, _shared, changed);
    }

    private string[] Current(ImmutableDictionary<string, string[]> changed, string nameZh) =>
        changed.TryGetValue(nameZh, out var ids) || _shared.TryGetValue(nameZh, out ids) ? ids
        : _single.TryGetValue(nameZh, out var id) ? [id] : [];
}
