using Roadmap.Core.Editing;
using Roadmap.Core.Graph;

namespace Roadmap.Core.Storage;

/// <summary>A node or edge one change touched, and how.</summary>
public sealed record ChangedItem(string Id, ChangeKind Change);

/// <summary>One committed change, as the change feed reports it: one per single mutation, one per change of a set.</summary>
/// <param name="Revision">The sequence of the change's last audit entry; the graph is at this revision once it is in.</param>
/// <param name="Operation">The mutation, such as <c>upsertNode</c>.</param>
/// <param name="At">When it was committed.</param>
/// <param name="Actor">The name of the key that made it.</param>
/// <param name="Nodes">The nodes it touched.</param>
/// <param name="Edges">The edges it touched, by id.</param>
public sealed record GraphChange(long Revision, string Operation, DateTimeOffset At, string Actor, IReadOnlyList<ChangedItem> Nodes, IReadOnlyList<ChangedItem> Edges)
{
    public static GraphChange Of(GraphEdit edit, long revision, string actor, DateTimeOffset at) => new(revision, edit.Operation, at, actor,
        [.. edit.Nodes.Select(c => new ChangedItem((c.Before ?? c.After)!.Id, ChangeKinds.Of(c)))],
        [.. edit.Edges.Select(c => new ChangedItem((c.Before ?? c.After)!.Key.ToString(), ChangeKinds.Of(c)))]);

    /// <summary>The changes the audit entries record, oldest first: the entries one change wrote share its change id and follow each other.</summary>
    public static IEnumerable<GraphChange> FromAudit(IEnumerable<AuditEntry> entries)
    {
        var group = new List<AuditEntry>();
        foreach (var entry in entries)
        {
            if (group.Count > 0 && group[0].ChangeId != entry.ChangeId)
            {
                yield return Of(group);
                group.Clear();
            }
            group.Add(entry);
        }
        if (group.Count > 0) yield return Of(group);
    }

    private static GraphChange Of(List<AuditEntry> group)
    {
        var nodes = new List<ChangedItem>();
        var edges = new List<ChangedItem>();
        foreach (var e in group)
        {
            var item = new ChangedItem(e.Target, e.Before is null ? ChangeKind.Created : e.After is null ? ChangeKind.Deleted : ChangeKind.Updated);
            // Node ids are slugs without spaces; an edge's id is 'from -TYPE-> to'.
            (e.Target.Contains(' ', StringComparison.Ordinal) ? edges : nodes).Add(item);
        }
        // The edit lists nodes before edges; the audit log wrote edges first (a cascade removes them before their node).
        var last = group[^1];
        return new GraphChange(last.Sequence, last.Operation, last.At, last.Actor, nodes, edges);
    }
}
