using Roadmap.Core.Graph;

namespace Roadmap.Core.Analysis;

/// <summary>
/// The what-if analyses: impact under a scenario, two scenarios compared, and one node's blockers (impact asked from
/// the other end). Blocking is <see cref="Analytics.BlockedMarks"/>'s everywhere, so the three agree.
/// </summary>
public static class ScenarioAnalysis
{
    private static readonly NodeKind[] KindOrder = [NodeKind.Product, NodeKind.Program, NodeKind.Component, NodeKind.Technology];

    public static ImpactReport Impact(GraphIndex graph, Scenario scenario, int maxDepth) =>
        WithUnknown(GraphAlgorithms.Impact(graph, scenario.GapIds(graph), maxDepth), scenario.Resolved.Where(id => graph.IndexOf(id) < 0));

    /// <summary>The report with the resolved ids that name no node added to its unknown ids.</summary>
    public static ImpactReport WithUnknown(ImpactReport report, IEnumerable<string> unknownResolved) =>
        report with { UnknownIds = [.. report.UnknownIds.Concat(unknownResolved).Distinct(StringComparer.Ordinal)] };

    /// <summary>
    /// Per kind, the nodes that fare better or worse from <paramref name="before"/> to <paramref name="after"/>. A node
    /// of the gap set counts as BLOCKED (it is unavailable), so a resolved gap is unblocked.
    /// </summary>
    public static ScenarioComparison Compare(ImpactReport before, ImpactReport after)
    {
        var (was, now) = (SeverityById(before), SeverityById(after));
        var changes = new List<ScenarioChange>();
        foreach (var id in was.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var (b, a) = (was.GetValueOrDefault(id), now.GetValueOrDefault(id));
            if (b.Severity == a.Severity) continue;
            var better = a.Severity is null || (b.Severity == ImpactSeverity.Blocked && a.Severity == ImpactSeverity.AtRisk);
            var explained = better ? b : a;
            changes.Add(new ScenarioChange(explained.Node!, b.Severity, a.Severity, explained.Path!));
        }
        var kinds = KindOrder.Select(kind =>
        {
            var of = changes.Where(c => c.Node.Kind == kind).ToList();
            return new ScenarioKindComparison(kind,
                [.. of.Where(c => c is { Before: ImpactSeverity.Blocked, After: null })],
                [.. of.Where(c => c is { Before: ImpactSeverity.Blocked, After: ImpactSeverity.AtRisk })],
                [.. of.Where(c => c is { Before: ImpactSeverity.AtRisk, After: null })],
                [.. of.Where(c => c is { Before: null })],
                [.. of.Where(c => c is { Before: ImpactSeverity.AtRisk, After: ImpactSeverity.Blocked })]);
        }).ToList();
        return new ScenarioComparison(before, after, kinds);
    }

    private static Dictionary<string, (Node? Node, ImpactSeverity? Severity, GraphPath? Path)> SeverityById(ImpactReport report)
    {
        var byId = new Dictionary<string, (Node?, ImpactSeverity?, GraphPath?)>(StringComparer.Ordinal);
        foreach (var gap in report.Gaps) byId[gap.Id] = (gap, ImpactSeverity.Blocked, new GraphPath([gap], []));
        foreach (var hit in report.Impacted) byId[hit.Node.Id] = (hit.Node, hit.Severity, hit.Path);
        return byId;
    }

    /// <summary>
    /// What holds a node back under a scenario, worked out on the node's dependencies alone (its forward closure,
    /// to any depth): whether it is blocked depends on nothing else. Null for an unknown id. The gaps are listed
    /// nearest first (then by id), the first <paramref name="firstGaps"/> of them with up to
    /// <paramref name="chainsPerGap"/> chains each; <see cref="Blockers.GapCount"/> counts them all.
    /// </summary>
    public static Blockers? Blockers(GraphIndex graph, string id, Scenario scenario, int firstGaps, int chainsPerGap)
    {
        var start = graph.IndexOf(id);
        if (start < 0) return null;

        // The closure, breadth first over states (ClassNeeds.States): a node reached only as a general node (by
        // VARIANT_OF) does not pass on its class-wide needs; each node's distance is that of a chain the rule allows.
        using var states = new ClassNeeds.States(graph);
        states.Start(start);
        var edges = new List<Edge>();
        using var edgeTaken = NodeMarks.Rent(graph.ClassNeedCount > 0 ? graph.EdgeCount : 0);
        for (var head = 0; head < states.Order.Count; head++)
        {
            var s = states.Order[head];
            var (v, limited) = (states.NodeOf(s), states.IsLimited(s));
            foreach (var e in graph.EdgesOf(v, Direction.Forward))
            {
                if (limited && !ClassNeeds.MayLeave(graph, e, Direction.Forward)) continue;
                if (graph.ClassNeedCount == 0 || edgeTaken.TrySet(e))
                {
                        edges.Add(graph.EdgeAt(e));
                }
                states.Visit(s, e, graph.EdgeTo(e), ClassNeeds.Limits(graph, e, Direction.Forward));
            }
        }
        var closure = states.Nodes;
        var distance = closure.Select(v => states.Depth(states.FirstState(v))).ToList();
        var sub = new GraphIndex(new GraphData([.. closure.Select(graph.NodeAt)], edges));
        var inGapSet = scenario.Membership();
        var gapPositions = Enumerable.Range(0, closure.Count).Where(p => inGapSet(graph.NodeAt(closure[p]))).ToList();
        using var blocked = Analytics.BlockedMarks(sub, gapPositions.Select(p => sub.IndexOf(graph.NodeAt(closure[p]).Id)), []);

        var root = graph.NodeAt(start);
        var rootIsGap = inGapSet(root);
        ImpactSeverity? severity = rootIsGap || blocked.Has(sub.IndexOf(id)) ? ImpactSeverity.Blocked
            : gapPositions.Count > 0 ? ImpactSeverity.AtRisk
            : null;

        var below = gapPositions.Where(p => p != 0).OrderBy(p => distance[p]).ThenBy(p => graph.NodeAt(closure[p]).Id, StringComparer.Ordinal).ToList();
        var gaps = below.Take(firstGaps).Select(p =>
        {
            var gap = graph.NodeAt(closure[p]);
            var chains = GraphAlgorithms.Paths(sub, id, gap.Id, TraversalLimits.MaxPathLength, chainsPerGap);
            return new BlockingGap(gap, distance[p], chains.Count > 0 ? chains : [FirstChain(graph, states, closure[p])]);
        }).ToList();

        return new Blockers(root, severity, rootIsGap, gaps, below.Count, SavingGroups(sub, blocked), EffectiveStatus(sub, id, scenario, inGapSet));
    }

    // The breadth-first chain, for a gap farther than a path search goes.
    private static GraphPath FirstChain(GraphIndex graph, ClassNeeds.States states, int gap)
    {
        var chain = states.Chain(states.FirstState(gap));
        chain.Reverse();
        return new GraphPath([graph.NodeAt(graph.EdgeFrom(chain[0])), .. chain.Select(e => graph.NodeAt(graph.EdgeTo(e)))], [.. chain.Select(graph.EdgeAt)]);
    }

    // An alternative group that is partly blocked, at a node that is not: the alternative left is what saves it.
    private static List<SavingGroup> SavingGroups(GraphIndex sub, NodeMarks blocked)
    {
        var groups = new List<SavingGroup>();
        for (var u = 0; u < sub.NodeCount; u++)
        {
            if (blocked.Has(u)) continue;
            var bySlot = new Dictionary<int, (string Name, List<Node> Available, List<Node> Blocked)>();
            foreach (var e in sub.EdgesOf(u, Direction.Forward))
            {
                if (sub.GroupSlot(e) is not (var slot and >= 0)) continue;
                if (!bySlot.TryGetValue(slot, out var members)) bySlot[slot] = members = (sub.EdgeAt(e).Group!, [], []);
                (blocked.Has(sub.EdgeTo(e)) ? members.Blocked : members.Available).Add(sub.NodeAt(sub.EdgeTo(e)));
            }
            foreach (var (name, available, hit) in bySlot.Values)
            {
                if (hit.Count > 0 && available.Count > 0) groups.Add(new SavingGroup(sub.NodeAt(u), name, available, hit));
            }
        }
        return groups.OrderBy(g => g.Owner.Id, StringComparer.Ordinal).ThenBy(g => g.Group, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The node's readiness rolled up through its needs: the worst of its own judgement and of what it needs, where a
    /// hard need counts with its own readiness, an alternative group with its best member's, a VARIANT_OF with the
    /// general node's needs (not its judgement), a need of the class as a whole not at all, and a program with the
    /// best of what it covers. A gap-set member counts
    /// as DOMESTIC_GAP (unless judged import-dependent), a resolved one as at least BREAKTHROUGH (localised); a node no
    /// plan judges sets no bound. Null when nothing below is judged.
    /// </summary>
    private static AssessmentStatus? EffectiveStatus(GraphIndex sub, string rootId, Scenario scenario, Func<Node, bool> inGapSet)
    {
        var resolved = scenario.Resolved.ToHashSet(StringComparer.Ordinal);
        var memo = new Dictionary<int, AssessmentStatus?>();
        var needsMemo = new Dictionary<int, AssessmentStatus?>();
        var visiting = new HashSet<int>();
        return Effective(sub.IndexOf(rootId));

        AssessmentStatus? Own(int v)
        {
            var node = sub.NodeAt(v);
            var judged = scenario.JudgementOf(node)?.Status;
            if (inGapSet(node)) return Analytics.IsGapStatus(judged) ? judged : AssessmentStatus.DomesticGap;
            if (resolved.Contains(node.Id)) return judged is { } j && j > AssessmentStatus.Breakthrough ? j : AssessmentStatus.Breakthrough;
            return judged;
        }

        AssessmentStatus? Effective(int v)
        {
            if (memo.TryGetValue(v, out var known)) return known;
            var value = Worst(Own(v), Needs(v));
            memo[v] = value;
            return value;
        }

        // What a node's needs bound its readiness to; inherited (through VARIANT_OF), without the class-wide needs
        // its members do not inherit (ClassNeeds). A class-wide need bounds no one: it puts the class at risk, but
        // what every member can reach is what the class can.
        AssessmentStatus? Needs(int v)
        {
            if (needsMemo.TryGetValue(v, out var known)) return known;
            // A cycle sets no bound on itself.
            if (!visiting.Add(v)) return null;
            AssessmentStatus? worst = null;
            var groups = new Dictionary<int, (bool Unbounded, AssessmentStatus? Best)>();
            AssessmentStatus? coverBest = null;
            var coverUnbounded = false;
            var covers = false;
            foreach (var e in sub.EdgesOf(v, Direction.Forward))
            {
                var w = sub.EdgeTo(e);
                switch (sub.TypeOf(e))
                {
                    case EdgeType.VariantOf:
                        worst = Worst(worst, Needs(w));
                        break;
                    case EdgeType.Targets or EdgeType.Includes:
                        covers = true;
                        var covered = Effective(w);
                        if (covered is null) coverUnbounded = true;
                        else if (coverBest is null || covered > coverBest) coverBest = covered;
                        break;
                    case var _ when sub.IsClassNeed(e):
                        break;
                    default:
                        var need = Effective(w);
                        if (sub.GroupSlot(e) is var slot and >= 0)
                        {
                            var (unbounded, best) = groups.GetValueOrDefault(slot);
                            groups[slot] = need is null ? (true, best) : (unbounded, best is null || need > best ? need : best);
                        }
                        else worst = Worst(worst, need);
                        break;
                }
            }
            foreach (var (unbounded, best) in groups.Values) if (!unbounded) worst = Worst(worst, best);
            if (covers && !coverUnbounded) worst = Worst(worst, coverBest);
            visiting.Remove(v);
            needsMemo[v] = worst;
            return worst;
        }
    }

    private static AssessmentStatus? Worst(AssessmentStatus? a, AssessmentStatus? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
