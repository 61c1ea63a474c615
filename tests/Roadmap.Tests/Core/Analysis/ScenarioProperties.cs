using CsCheck;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;

namespace Roadmap.Tests.Core.Analysis;

/// <summary>blockers is impact asked from the other end: on random scenarios, the two agree on every node asked about.</summary>
public class ScenarioProperties
{
    private static readonly Lazy<GraphIndex> Seeds = new(() => new GraphIndex(SeedLoader.Load(Repo.Seeds).Graph));

    private static Gen<Scenario> ScenarioOver(IReadOnlyList<string> ids) =>
        Gen.Select(Gen.Int[0, ids.Count - 1].Array[0, 6], Gen.Bool, Gen.Int[0, ids.Count - 1].Array[0, 6], Gen.Int[2013, 2023].Array[0, 1])
            .Select((gaps, assume, resolved, year) => new Scenario
            {
                Gaps = [.. gaps.Select(i => ids[i])],
                AssumeGaps = assume,
                Resolved = [.. resolved.Select(i => ids[i])],
                AsOfYear = year.Length > 0 ? year[0] : null,
            });

    /// <summary>
    /// impact lists a node with severity X exactly when blockers says X and its nearest gap lies within maxDepth (impact
    /// reports that far only; blockers looks all the way down); a gap-set member is impact's gap and blockers' BLOCKED.
    /// </summary>
    private static void Agree(GraphIndex graph, Scenario scenario, IEnumerable<string> asked)
    {
        var impact = ScenarioAnalysis.Impact(graph, scenario, TraversalLimits.MaxDepth);
        var hit = impact.Impacted.ToDictionary(i => i.Node.Id);
        var gaps = impact.Gaps.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in asked)
        {
            var blockers = ScenarioAnalysis.Blockers(graph, id, scenario, 100, 1)!;
            var why = $"{id} under gaps [{string.Join(",", scenario.Gaps)}] assume {scenario.AssumeGaps} resolved [{string.Join(",", scenario.Resolved)}] as of {scenario.AsOfYear}";
            blockers.InGapSet.ShouldBe(gaps.Contains(id), why);
            if (blockers.InGapSet)
            {
                blockers.Severity.ShouldBe(ImpactSeverity.Blocked, why);
                continue;
            }
            var nearest = blockers.Gaps.Count > 0 ? blockers.Gaps[0].Distance : (int?)null;
            if (hit.TryGetValue(id, out var listed))
            {
                blockers.Severity.ShouldBe(listed.Severity, why);
                nearest.ShouldBe(listed.Distance, why);
            }
            else
            {
                (blockers.Severity is null || nearest > TraversalLimits.MaxDepth).ShouldBeTrue(why);
            }
        }
    }

    [Fact]
    public void Blockers_agree_with_impact_on_the_seed_graph()
    {
        var graph = Seeds.Value;
        var ids = graph.Nodes.Where(n => n.Kind != NodeKind.Document).Select(n => n.Id).ToList();
        Gen.Select(ScenarioOver(ids), Gen.Int[0, ids.Count - 1].Array[10, 25]).Sample((scenario, asked) => Agree(graph, scenario, asked.Select(i => ids[i])), iter: 60);
    }

    private static readonly string[] Ids =
    [
        "program:g0", "program:g1", "product:p0", "product:p1", "product:p2", "product:p3",
        "component:c0", "component:c1", "component:c2", "component:c3", "component:c4", "technology:t0", "technology:t1", "technology:t2",
    ];

    // Random roadmaps of the allowed shapes: each edge typed as the kinds allow, some grouped, some nodes judged.
    private static readonly Gen<GraphIndex> RandomRoadmap =
        Gen.Select(Gen.Select(Gen.Int[0, Ids.Length - 1], Gen.Int[0, Ids.Length - 1], Gen.Int[0, 3], Gen.Bool, Gen.Int[0, 3]).Array[0, 30],
                   Gen.Select(Gen.Int[0, 4], Gen.Int[2014, 2022]).Array[Ids.Length])
            .Select((specs, judgements) =>
            {
                var edges = new List<Edge>();
                foreach (var (from, to, group, variant, wholeClass) in specs)
                {
                    if (from == to) continue;
                    var (a, b) = (Ids[from], Ids[to]);
                    var type = variant && TestGraphs.KindOf(a) == TestGraphs.KindOf(b) && TestGraphs.KindOf(a) != NodeKind.Program ? EdgeType.VariantOf
                        : TestGraphs.KindOf(a) == NodeKind.Program && TestGraphs.KindOf(b) == NodeKind.Program ? EdgeType.Includes
                        : TestGraphs.TypeFor(a, b);
                    if (!NodeKinds.Allows(type, TestGraphs.KindOf(a), TestGraphs.KindOf(b)) || edges.Any(e => e.From == a && e.Type == type && e.To == b)) continue;
                    var grouped = type is EdgeType.Requires or EdgeType.UsesTechnology && group > 0 ? $"g{group}" : null;
                    // About one need in four is the class's as a whole; it keeps that reach only on a node with members.
                    edges.Add(new Edge(a, type, b, [new Source("document:test", "1", "test")], grouped,
                        wholeClass == 0 && type is EdgeType.Requires or EdgeType.UsesTechnology ? NeedReach.Class : NeedReach.EveryMember));
                }
                var classes = edges.Where(e => e.Type == EdgeType.VariantOf).Select(e => e.To).ToHashSet(StringComparer.Ordinal);
                edges = [.. edges.Select(e => e.IsClassNeed && !classes.Contains(e.From) ? e with { Reach = NeedReach.EveryMember } : e)];
                // The alternatives of a group share a reach (the rules refuse a mix): the first's.
                var groupReach = edges.Where(e => e.Group is not null).GroupBy(e => (e.From, e.Group)).ToDictionary(g => g.Key, g => g.First().Reach);
                edges = [.. edges.Select(e => e.Group is null ? e : e with { Reach = groupReach[(e.From, e.Group)] })];
                var nodes = Ids.Select((id, i) => TestGraphs.NodeFor(id) with
                {
                    Assessments = judgements[i].Item1 == 4 ? [] : [new Assessment((AssessmentStatus)judgements[i].Item1, judgements[i].Item2, new Source("document:test", "1", "test"))],
                }).ToList();
                return new GraphIndex(new GraphData(nodes, edges));
            });

    [Fact]
    public void Blockers_agree_with_impact_on_generated_graphs()
    {
        Gen.Select(RandomRoadmap, ScenarioOver(Ids)).Sample((graph, scenario) => Agree(graph, scenario, Ids), iter: 300);
    }
}
