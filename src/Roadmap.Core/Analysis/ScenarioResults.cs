using Roadmap.Core.Graph;

namespace Roadmap.Core.Analysis;

/// <summary>How one node fares in a scenario comparison.</summary>
/// <param name="Node">The node whose severity changes.</param>
/// <param name="Before">Its severity in the base scenario; null when not hit.</param>
/// <param name="After">Its severity in the alternative; null when not hit.</param>
/// <param name="Path">The chain that explains the change: the base's chain for a node that fares better, the alternative's for one that fares worse.</param>
public sealed record ScenarioChange(Node Node, ImpactSeverity? Before, ImpactSeverity? After, GraphPath Path);

/// <summary>The changes of one kind of node between two scenarios.</summary>
public sealed record ScenarioKindComparison(
    NodeKind Kind, IReadOnlyList<ScenarioChange> Unblocked, IReadOnlyList<ScenarioChange> Relieved, IReadOnlyList<ScenarioChange> Cleared,
    IReadOnlyList<ScenarioChange> NewlyHit, IReadOnlyList<ScenarioChange> Worsened)
{
    public IEnumerable<ScenarioChange> All => Unblocked.Concat(Relieved).Concat(Cleared).Concat(NewlyHit).Concat(Worsened);
}

/// <summary>What changes from a base scenario to an alternative: both reports, and per kind the nodes that fare better or worse.</summary>
public sealed record ScenarioComparison(ImpactReport Base, ImpactReport Alternative, IReadOnlyList<ScenarioKindComparison> Kinds);

/// <summary>One gap a node needs, how far down, and the chains from the node to it (shortest first).</summary>
public sealed record BlockingGap(Node Gap, int Distance, IReadOnlyList<GraphPath> Chains);

/// <summary>
/// An alternative group below a node that keeps it from being blocked: some of its members are blocked, the others
/// are not. <paramref name="Owner"/> is the node whose edges form the group.
/// </summary>
public sealed record SavingGroup(Node Owner, string Group, IReadOnlyList<Node> Available, IReadOnlyList<Node> Blocked);

/// <summary>
/// What holds one node back under a scenario: its severity (null when no gap is below it), the gaps it needs, the
/// alternative groups that save it, and its readiness rolled up through its needs.
/// </summary>
public sealed record Blockers(Node Node, ImpactSeverity? Severity, bool InGapSet, IReadOnlyList<BlockingGap> Gaps, int GapCount, IReadOnlyList<SavingGroup> SavingGroups, AssessmentStatus? EffectiveStatus);
