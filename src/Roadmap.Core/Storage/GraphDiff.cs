using Roadmap.Core.Editing;

namespace Roadmap.Core.Storage;

/// <summary>The net change to one node or edge over a window of the audit log.</summary>
/// <param name="Id">A node id, or an edge's id (<c>from -TYPE-&gt; to</c>).</param>
/// <param name="Change">Created (absent before the window), deleted (absent after it) or updated.</param>
/// <param name="Edits">How many audit entries in the window touched it.</param>
/// <param name="LastRevision">The sequence of the last of them.</param>
/// <param name="LastChangedAt">When the last of them was committed.</param>
public sealed record DiffEntry(string Id, ChangeKind Change, int Edits, long LastRevision, DateTimeOffset LastChangedAt);

/// <summary>What the edits in a window changed: each node and edge once, with its net change, in id order.</summary>
public sealed record GraphDiff(DateTimeOffset Since, DateTimeOffset? Until, IReadOnlyList<DiffEntry> Nodes, IReadOnlyList<DiffEntry> Edges, int Entries, long FromRevision, long ToRevision)
{
    /// <summary>
    /// Folds audit entries, oldest first, into net changes: a thing's state before the window is its first entry's
    /// before, after the window its last entry's after. One both created and deleted inside the window left nothing
    /// behind and is left out.
    /// </summary>
    public static GraphDiff From(DateTimeOffset since, DateTimeOffset? until, IEnumerable<AuditEntry> entries)
    {
        var first = new Dictionary<string, AuditEntry>(StringComparer.Ordinal);
        var last = new Dictionary<string, AuditEntry>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        long from = 0, to = 0;
        foreach (var entry in entries)
        {
            total++;
            if (from == 0) from = entry.Sequence;
            to = entry.Sequence;
            first.TryAdd(entry.Target, entry);
            last[entry.Target] = entry;
            counts[entry.Target] = counts.GetValueOrDefault(entry.Target) + 1;
        }
        var nodes = new List<DiffEntry>();
        var edges = new List<DiffEntry>();
        foreach (var (target, latest) in last.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var existedBefore = first[target].Before is not null;
            var existsAfter = latest.After is not null;
            if (!existedBefore && !existsAfter) continue;
            var change = !existedBefore ? ChangeKind.Created : !existsAfter ? ChangeKind.Deleted : ChangeKind.Updated;
            var entry = new DiffEntry(target, change, counts[target], latest.Sequence, latest.At);
            // Node ids are slugs without spaces; an edge's id is 'from -TYPE-> to'.
            (target.Contains(' ', StringComparison.Ordinal) ? edges : nodes).Add(entry);
        }
        return new GraphDiff(since, until, nodes, edges, total, from, to);
    }
}
