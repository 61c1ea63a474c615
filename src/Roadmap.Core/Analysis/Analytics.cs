using Roadmap.Core.Graph;
using Roadmap.Core.Storage;

namespace Roadmap.Core.Analysis;

/// <summary>
/// The roadmap analyses on top of the traversals: what a gap blocks outright, which nodes hold back the most,
/// how judgements changed between plans, how two plans differ, and one node's roadmap laid out by layer.
/// </summary>
public static class Analytics
{
    /// <summary>The statuses that put a node in the gap set when an impact analysis assumes the plans' own gaps.</summary>
    public static bool IsGapStatus(AssessmentStatus? status) => status is AssessmentStatus.DomesticGap or AssessmentStatus.ImportDependent;

    /// <summary>The nodes whose latest judgement is a domestic gap or import dependence.</summary>
    public static IEnumerable<string> AssessedGaps(GraphIndex graph) =>
        graph.Nodes.Where(n => IsGapStatus(n.LatestAssessment?.Status)).Select(n => n.Id);

    /// <summary>
    /// Which nodes a gap set blocks outright. A node is blocked when a hard requirement is blocked (an ungrouped
    /// REQUIRES or USES_TECHNOLOGY edge that is not a need of the class as a whole), when the general node it is a VARIANT_OF is blocked by its needs, when
    /// every alternative of one of its groups is blocked, or, for a program, when everything it TARGETS or INCLUDES
    /// is blocked. Worked out from the gaps outward with one counter per alternative group and per program: each
    /// edge is looked at once. The blocked nodes are marked (1 for a gap, 0 for a node blocked through it) and listed
    /// in <paramref name="order"/>. The marks are pooled and the counters start from their full size when first
    /// touched, so the work is proportional to the gaps' dependents, not to the graph.
    /// </summary>
    internal static NodeMarks BlockedMarks(GraphIndex graph, IEnumerable<int> gaps, List<int> order)
    {
        var blocked = NodeMarks.Rent(graph.NodeCount);
        using var groupLeft = NodeMarks.Rent(graph.GroupCount);
        using var coverLeft = NodeMarks.Rent(graph.NodeCount);
        order.Clear();
        foreach (var gap in gaps)
        {
            if (blocked.Has(gap)) continue;
            blocked.Set(gap, 1);
            order.Add(gap);
        }
        for (var head = 0; head < order.Count; head++)
        {
            var u = order[head];
            var uIsGap = blocked.Get(u) == 1;
            foreach (var e in graph.EdgesOf(u, Direction.Backward))
            {
                var v = graph.EdgeFrom(e);
                if (blocked.Has(v)) continue;
                var blocks = graph.TypeOf(e) switch
                {
                    // A variant inherits its general node's needs, not its judgement: a class the plans call
                    // import-dependent as a whole does not block each of its members, only puts them at risk.
                    EdgeType.VariantOf => !uIsGap,
                    // Typical of the class, not a need of each member: it puts the class at risk, never blocks it.
                    _ when graph.IsClassNeed(e) => false,
                    EdgeType.Targets or EdgeType.Includes => Decrement(coverLeft, v, CoverCount(graph, v)) == 0,
                    _ when graph.GroupSlot(e) is var slot and >= 0 => Decrement(groupLeft, slot, graph.GroupSize(slot)) == 0,
                    _ => true,
                };
                if (!blocks) continue;
                blocked.Set(v, 0);
                order.Add(v);
            }
        }
        return blocked;
    }

    private static int CoverCount(GraphIndex graph, int program) =>
        graph.EdgesOf(program, Direction.Forward, EdgeType.Targets).Length + graph.EdgesOf(program, Direction.Forward, EdgeType.Includes).Length;

    private static int Decrement(NodeMarks counters, int index, int initial)
    {
        var left = counters.Get(index, initial) - 1;
        counters.Set(index, left);
        return left;
    }

    /// <summary>
    /// Nodes ranked by how much of the roadmap needs them (products plus programs that depend on them, directly or
    /// not), then by how many products a gap in them alone would block, then by id.
    /// </summary>
    public static IReadOnlyList<Bottleneck> Bottlenecks(GraphIndex graph, IReadOnlySet<NodeKind>? kinds, IReadOnlySet<AssessmentStatus>? statuses, int first) =>
        AllBottlenecks(graph)
            .Where(b => kinds is null || kinds.Contains(b.Node.Kind))
            .Where(b => statuses is null || (b.LatestStatus is { } s && statuses.Contains(s)))
            .Take(first)
            .ToList();

    private static IReadOnlyList<Bottleneck> AllBottlenecks(GraphIndex graph) => graph.Bottlenecks.Ranked;

    /// <summary>One node's bottleneck measures (what orders a node list by them), from the same ranking.</summary>
    public static Bottleneck MeasureOf(GraphIndex graph, int node) =>
        graph.Bottlenecks.Of(node) ?? new Bottleneck(graph.NodeAt(node), 0, 0, 0, graph.NodeAt(node).LatestAssessment?.Status);

    /// <summary>
    /// Ranks every node afresh; one backward search and one blocking pass per node, each touching only that node's
    /// dependents, so the cost is the sum of the dependent sets (not n times the graph). <see cref="Bottlenecks"/>
    /// asks the read model's own ranking instead (<see cref="GraphIndex.Bottlenecks"/>), built once and kept up to date by edits.
    /// </summary>
    public static IReadOnlyList<Bottleneck> RankBottlenecks(GraphIndex g) => BottleneckRanking.Build(g).Ranked;

    /// <summary>
    /// Nodes whose judgement in <paramref name="toYear"/> differs from the one in force in <paramref name="fromYear"/>,
    /// counting only nodes that a plan judged in between (a node nobody re-judged has not changed).
    /// </summary>
    public static IReadOnlyList<StatusChange> Changes(GraphIndex graph, int fromYear, int toYear)
    {
        var changes = new List<StatusChange>();
        foreach (var node in graph.Nodes)
        {
            var before = node.StatusAt(fromYear);
            var after = node.StatusAt(toYear);
            if (before is null || after is null || after.Year <= fromYear || before.Status == after.Status) continue;
            changes.Add(new StatusChange(node, before, after));
        }
        return changes
            .OrderBy(c => c.Direction).ThenByDescending(c => Math.Abs(c.To.Status - c.From.Status)).ThenBy(c => c.Node.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Which nodes each of two plans cites (in a source, assessment, target or goal), which edges each states, the
    /// targets and goals of a node both cite that share a metric and differ, and the nodes they judge differently.
    /// </summary>
    public static DocumentComparison? CompareDocuments(GraphIndex graph, string a, string b)
    {
        var (docA, docB) = (Find(graph, a), Find(graph, b));
        if (docA?.Kind != NodeKind.Document || docB?.Kind != NodeKind.Document) return null;
        var (both, onlyA, onlyB) = (new List<Node>(), new List<Node>(), new List<Node>());
        foreach (var node in graph.Nodes.Where(n => n.Kind != NodeKind.Document))
        {
            var (inA, inB) = (Cites(node, a), Cites(node, b));
            if (inA && inB) both.Add(node);
            else if (inA) onlyA.Add(node);
            else if (inB) onlyB.Add(node);
        }
        var (edgesBoth, edgesOnlyA, edgesOnlyB) = (new List<Edge>(), new List<Edge>(), new List<Edge>());
        foreach (var edge in graph.Edges)
        {
            var (inA, inB) = (edge.Sources.Any(s => s.DocumentId == a), edge.Sources.Any(s => s.DocumentId == b));
            if (inA && inB) edgesBoth.Add(edge);
            else if (inA) edgesOnlyA.Add(edge);
            else if (inB) edgesOnlyB.Add(edge);
        }
        var targets = new List<TargetChange>();
        var assessments = new List<AssessmentChange>();
        foreach (var node in both)
        {
            var quantities = node.Targets.Concat(node.Goals).ToList();
            foreach (var inA in quantities.Where(q => q.Source.DocumentId == a))
            {
                foreach (var inB in quantities.Where(q => q.Source.DocumentId == b && q.Metric == inA.Metric))
                {
                    if ((inA.Comparator, inA.Value, inA.MaxValue, inA.Unit) != (inB.Comparator, inB.Value, inB.MaxValue, inB.Unit)) targets.Add(new TargetChange(node, inA, inB));
                }
            }
            // A plan judges a node once (seeds/README.md); the worst stands if it ever judges twice.
            var judgedA = node.Assessments.Where(x => x.Source.DocumentId == a).MinBy(x => x.Status);
            var judgedB = node.Assessments.Where(x => x.Source.DocumentId == b).MinBy(x => x.Status);
            if (judgedA is not null && judgedB is not null && judgedA.Status != judgedB.Status) assessments.Add(new AssessmentChange(node, judgedA, judgedB));
        }
        return new DocumentComparison(docA, docB, both, onlyA, onlyB, Sorted(edgesBoth), Sorted(edgesOnlyA), Sorted(edgesOnlyB), targets, assessments);
    }

    private static List<Edge> Sorted(List<Edge> edges) =>
        [.. edges.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.Type).ThenBy(e => e.To, StringComparer.Ordinal)];

    /// <summary>Whether a plan states anything about a node.</summary>
    public static bool Cites(Node node, string documentId) => node.AllSources.Any(s => s.DocumentId == documentId);

    private static readonly NodeKind[] LayerOrder = [NodeKind.Program, NodeKind.Product, NodeKind.Component, NodeKind.Technology];

    /// <summary>
    /// One node's roadmap: what it depends on (forward, up to <paramref name="maxDepth"/>) and the programs that
    /// deploy it (backward along program edges only), laid out by layer with targets and periods, and on a time axis
    /// (<see cref="RoadmapTimeline.Lay"/>); the graph must hold the documents its nodes cite for their years.
    /// </summary>
    public static NodeRoadmap? Roadmap(GraphIndex graph, string id, int maxDepth)
    {
        var root = graph.IndexOf(id);
        if (root < 0) return null;
        var down = GraphAlgorithms.Reach(graph, id, Direction.Forward, maxDepth);
        var nodes = down.Nodes.ToList();
        var edges = down.Edges.ToList();
        var included = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);

        // Programs that deploy the node, and the programs that include those: the top layer of the chart.
        var queue = new Queue<(int Node, int Depth)>([(root, 0)]);
        while (queue.TryDequeue(out var item))
        {
            if (item.Depth == maxDepth) continue;
            foreach (var e in graph.EdgesOf(item.Node, Direction.Backward))
            {
                var edge = graph.EdgeAt(e);
                if (edge.Type is not (EdgeType.Targets or EdgeType.Includes)) continue;
                edges.Add(edge);
                if (included.Add(edge.From))
                {
                    nodes.Add(graph.NodeAt(graph.EdgeFrom(e)));
                    queue.Enqueue((graph.EdgeFrom(e), item.Depth + 1));
                }
            }
        }

        var layers = LayerOrder
            .Select(kind => new RoadmapLayer(kind, nodes.Where(n => n.Kind == kind).OrderBy(n => n.Id, StringComparer.Ordinal).ToList()))
            .Where(layer => layer.Nodes.Count > 0)
            .ToList();
        var targets = nodes.Where(n => n.Kind == NodeKind.Product).SelectMany(n => n.Targets.Select(t => new RoadmapTarget(n, t))).ToList();
        var periods = nodes.Where(n => n.Kind == NodeKind.Program && n.Period is not null)
            .Select(n => new RoadmapPeriod(n, n.Period!)).OrderBy(p => p.Period.Start).ThenBy(p => p.Program.Id, StringComparer.Ordinal).ToList();
        var (years, lanes) = RoadmapTimeline.Lay(graph, layers.SelectMany(l => l.Nodes));
        return new NodeRoadmap(graph.NodeAt(root), layers, edges.Distinct().ToList(), targets, periods, down.Truncated, years, lanes);
    }

    private static Node? Find(GraphIndex graph, string id) => graph.IndexOf(id) is var i and >= 0 ? graph.NodeAt(i) : null;
}
