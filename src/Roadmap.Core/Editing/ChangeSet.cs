using Roadmap.Core.Errors;
using Roadmap.Core.Graph;

namespace Roadmap.Core.Editing;

/// <summary>One change of a change set: its mutation's name and how it plans its edit against a graph.</summary>
/// <param name="Operation">The single mutation it stands for, such as <c>upsertNode</c>.</param>
/// <param name="Plan">The edit against a graph, or a <see cref="RoadmapException"/> with the refusal's code.</param>
public sealed record PlannedChange(string Operation, Func<GraphIndex, GraphEdit> Plan);

/// <summary>A change the set could not make: its place in the set, its mutation and the refusal.</summary>
public sealed record ChangeRefusal(int Index, string Operation, ErrorCode Code, string Message, IReadOnlyDictionary<string, object?> Details);

/// <summary>The edit one change of a set plans, with its place in the set.</summary>
public sealed record PlannedEdit(int Index, GraphEdit Edit);

/// <summary>
/// A change set planned against one graph: the edit of each change (each planned against the graph as the earlier
/// ones left it), every refusal, and the graph as it would be after all of them.
/// </summary>
public sealed record ChangeSetPlan(GraphIndex Before, IReadOnlyList<PlannedEdit> Edits, IReadOnlyList<ChangeRefusal> Refusals, GraphIndex After)
{
    public bool IsRefused => Refusals.Count > 0;
}

/// <summary>What a change set did (or, in a dry run or when refused, would have done).</summary>
/// <param name="Plan">The edits, the refusals, and the graph before and after.</param>
/// <param name="Sequences">The sequence of each committed edit's last audit entry, in order; empty unless committed.</param>
/// <param name="Revision">The graph's revision after the commit, or as it stands when nothing was committed.</param>
/// <param name="DryRun">Whether the set was only checked.</param>
public sealed record ChangeSetResult(ChangeSetPlan Plan, IReadOnlyList<long> Sequences, long Revision, bool DryRun)
{
    public bool Committed => Sequences.Count > 0;
}

public static class ChangeSetPlanner
{
    /// <summary>The most changes one set may hold: each is planned against a fresh read model, and all are held in one transaction.</summary>
    public const int MaxChanges = 1000;

    /// <summary>
    /// Plans every change in order. A refused change is recorded and skipped, and planning goes on against the graph
    /// as the changes before it left it, so that a dry run reports every refusal at once, not only the first.
    /// </summary>
    public static ChangeSetPlan Plan(GraphIndex graph, IReadOnlyList<PlannedChange> changes)
    {
        var edits = new List<PlannedEdit>(changes.Count);
        var refusals = new List<ChangeRefusal>();
        var current = graph;
        for (var i = 0; i < changes.Count; i++)
        {
            try
            {
                var edit = changes[i].Plan(current);
                edits.Add(new PlannedEdit(i, edit));
                current = current.Apply(edit);
            }
            catch (RoadmapException e)
            {
                refusals.Add(new ChangeRefusal(i, changes[i].Operation, e.Code, e.Message, e.Details));
            }
        }
        return new ChangeSetPlan(graph, edits, refusals, current);
    }
}
