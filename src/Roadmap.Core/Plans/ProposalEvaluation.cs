using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;

namespace Roadmap.Core.Plans;

/// <summary>What the curation states from one plan, in the terms the proposals are scored in.</summary>
public sealed record CuratedFacts(
    IReadOnlyDictionary<string, Node> Nodes, IReadOnlySet<string> Mentions, IReadOnlySet<EdgeKey> Edges,
    IReadOnlySet<(string Node, AssessmentStatus Status)> Assessments, IReadOnlySet<(string Node, double Value, string? Unit)> Targets);

/// <summary>Recall and precision of one kind: curated facts found, proposals that match one.</summary>
public sealed record KindScore(ProposalKind Kind, int Curated, int Found, int Proposed, int Correct, IReadOnlyList<string> Misses, IReadOnlyList<string> FalseProposals)
{
    public double Recall => Curated == 0 ? 1 : (double)Found / Curated;
    public double Precision => Proposed == 0 ? 1 : (double)Correct / Proposed;
}

/// <summary>One plan held out: its scores per kind and the proposals made.</summary>
public sealed record HoldOutResult(string DocumentId, IReadOnlyList<KindScore> Scores, ProposalSet Proposals, TimeSpan Elapsed);

/// <summary>
/// The hold-out evaluation: take out of the curated graph what only one plan states (its nodes; from nodes other plans
/// also state, its sources, judgements and targets; its edges), propose from that plan's text with the rest as the
/// vocabulary, and score the proposals against the curation. Matching is strict: a node by its folded nameZh or an
/// alias; an edge by both ends (proposed nodes mapped to curated ones by name) and its type; a judgement by node and
/// status; a target by node, value and unit; a mention by node.
/// </summary>
public static class ProposalEvaluation
{
    /// <summary>The graph without what only <paramref name="documentId"/> states, and what it states.</summary>
    public static (GraphData Vocabulary, CuratedFacts Facts) HoldOut(GraphData graph, string documentId)
    {
        bool Ours(Source s) => s.DocumentId == documentId;
        var removed = new Dictionary<string, Node>(StringComparer.Ordinal);
        var mentions = new HashSet<string>(StringComparer.Ordinal);
        var assessments = new HashSet<(string, AssessmentStatus)>();
        var targets = new HashSet<(string, double, string?)>();
        var kept = new List<Node>();
        foreach (var node in graph.Nodes)
        {
            if (node.Kind == NodeKind.Document) { kept.Add(node); continue; }
            foreach (var a in node.Assessments.Where(a => Ours(a.Source))) assessments.Add((node.Id, a.Status));
            foreach (var q in node.Targets.Concat(node.Goals).Where(q => Ours(q.Source))) targets.Add((node.Id, q.Value, q.Unit));
            var all = node.AllSources.ToList();
            if (all.Count > 0 && all.All(Ours)) { removed[node.Id] = node; continue; }
            if (all.Any(Ours)) mentions.Add(node.Id);
            kept.Add(node with
            {
                Sources = [.. node.Sources.Where(s => !Ours(s))],
                Assessments = [.. node.Assessments.Where(a => !Ours(a.Source)).Select(a => a with { Context = [.. a.Context.Where(c => !Ours(c))] })],
                Targets = [.. node.Targets.Where(q => !Ours(q.Source))],
                Goals = [.. node.Goals.Where(q => !Ours(q.Source))],
            });
        }
        var edges = new HashSet<EdgeKey>();
        var keptEdges = new List<Edge>();
        foreach (var edge in graph.Edges)
        {
            if (edge.Sources.Any(Ours)) edges.Add(edge.Key);
            if (removed.ContainsKey(edge.From) || removed.ContainsKey(edge.To) || edge.Sources.All(Ours)) continue;
            keptEdges.Add(edge with { Sources = [.. edge.Sources.Where(s => !Ours(s))] });
        }
        // A class that lost every member cannot keep a need of reach class.
        var hasMembers = keptEdges.Where(e => e.Type == EdgeType.VariantOf).Select(e => e.To).ToHashSet(StringComparer.Ordinal);
        keptEdges = [.. keptEdges.Select(e => e.Reach == NeedReach.Class && !hasMembers.Contains(e.From) ? e with { Reach = NeedReach.EveryMember } : e)];
        return (new GraphData(kept, keptEdges), new CuratedFacts(removed, mentions, edges, assessments, targets));
    }

    /// <summary>Holds out one plan, proposes from its text and scores the proposals.</summary>
    public static HoldOutResult Evaluate(GraphData graph, string documentId)
    {
        var (vocabulary, facts) = HoldOut(graph, documentId);
        var document = graph.Nodes.Single(n => n.Id == documentId);
        var index = new GraphIndex(vocabulary);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var set = PlanProposer.Propose(index, document);
        watch.Stop();
        return new HoldOutResult(documentId, Score(set, facts), set, watch.Elapsed);
    }

    /// <summary>Scores proposals against curated facts, per kind.</summary>
    public static IReadOnlyList<KindScore> Score(ProposalSet set, CuratedFacts facts)
    {
        // Proposed nodes to curated ones, by folded nameZh or alias.
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in facts.Nodes.Values)
        {
            foreach (var name in node.Aliases.Prepend(node.NameZh)) byName.TryAdd(QuoteFolding.Fold(name), node.Id);
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in set.Proposals)
        {
            if (p.Node is { } n && byName.TryGetValue(QuoteFolding.Fold(n.NameZh), out var curated)) map[n.Id] = curated;
        }
        string Map(string id) => map.GetValueOrDefault(id, id);
        string Describe(Proposal p) => $"{p.Rule}: {Payload(p)} [{p.Section}] \"{p.Quote}\"";

        KindScore ScoreKind<T>(ProposalKind kind, IReadOnlySet<T> curated, Func<Proposal, T> key, Func<T, string> show) where T : notnull
        {
            var found = new HashSet<T>();
            var correct = 0;
            var wrong = new List<string>();
            var proposed = 0;
            foreach (var p in set.Proposals.Where(p => p.Kind == kind))
            {
                proposed++;
                var k = key(p);
                if (curated.Contains(k)) { correct++; found.Add(k); }
                else wrong.Add(Describe(p));
            }
            var misses = curated.Where(c => !found.Contains(c)).Select(show).Order(StringComparer.Ordinal).ToList();
            return new KindScore(kind, curated.Count, found.Count, proposed, correct, misses, wrong);
        }

        var nodeIds = facts.Nodes.Keys.ToHashSet(StringComparer.Ordinal);
        return
        [
            ScoreKind(ProposalKind.Node, nodeIds, p => map.GetValueOrDefault(p.Node!.Id, ""), id => $"{id} ({facts.Nodes[id].NameZh})"),
            ScoreKind(ProposalKind.Edge, facts.Edges, p => new EdgeKey(Map(p.Edge!.From), p.Edge.Type, Map(p.Edge.To)), e => e.ToString()),
            ScoreKind(ProposalKind.Assessment, facts.Assessments, p => (Map(p.Assessment!.Node), p.Assessment.Status),
                a => $"{a.Item1} {EnumNames.ToConstant(a.Status)}"),
            ScoreKind(ProposalKind.Target, facts.Targets, p => (Map(p.Target!.Node), p.Target.Value, p.Target.Unit),
                t => $"{t.Item1} {ProposalJson.Number(t.Value)} {t.Unit}"),
            ScoreKind(ProposalKind.Source, facts.Mentions, p => p.Source!.Node, id => id),
        ];
    }

    /// <summary>What a proposal proposes, in one line.</summary>
    public static string Payload(Proposal p) => p.Kind switch
    {
        ProposalKind.Node => $"{p.Node!.Id} {EnumNames.ToConstant(p.Node.Kind)} {p.Node.NameZh}",
        ProposalKind.Edge => $"{p.Edge!.From} -{EnumNames.ToConstant(p.Edge.Type)}-> {p.Edge.To}{(p.Edge.Group is { } g ? " group " + g : "")}{(p.Edge.Reach == NeedReach.Class ? " reach class" : "")}",
        ProposalKind.Assessment => $"{p.Assessment!.Node} {EnumNames.ToConstant(p.Assessment.Status)}",
        ProposalKind.Target => $"{p.Target!.Node} {p.Target.Metric} {EnumNames.ToConstant(p.Target.Comparator)} {ProposalJson.Number(p.Target.Value)} {p.Target.Unit} {p.Target.DueYear}",
        _ => p.Source!.Node,
    };

    /// <summary>A rule's family, without the marks a proposal adds to it (+en-untranslated, +head-noun, +alternative).</summary>
    public static string RuleFamily(string rule) => rule.Split('+')[0];
}
