using CsCheck;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;

namespace Roadmap.Tests.Core.Analysis;

/// <summary>
/// Needs of a class as a whole (reach CLASS) and the roll-up over a class's members, on a graph shaped like the
/// plans' in vitro diagnostics column: the class needs microfluidics as a whole, a chip every member needs, and one
/// member (the analyser) needs a photomultiplier of its own; a program targets the class.
/// </summary>
public class ClassNeedsTests
{
    private static readonly GraphIndex Ivd = new(TestGraphs.Build(
        "product:ivd>CLASS>technology:microfluidics",
        "product:ivd>component:chip",
        "product:kit>VARIANT_OF>product:ivd",
        "product:analyser>VARIANT_OF>product:ivd",
        "product:analyser>component:pmt",
        "product:benchtop-analyser>VARIANT_OF>product:analyser",
        "program:column>product:ivd",
        "program:kits>product:kit"));

    private static readonly Scenario GapIn = new() { Gaps = ["technology:microfluidics"] };

    [Fact]
    public void A_gap_in_a_class_need_puts_the_class_at_risk_and_leaves_its_members_alone()
    {
        var impact = ScenarioAnalysis.Impact(Ivd, GapIn, 10);

        impact.Impacted.Select(i => (i.Node.Id, i.Severity)).ShouldBe([("product:ivd", ImpactSeverity.AtRisk), ("program:column", ImpactSeverity.AtRisk)]);
    }

    [Fact]
    public void A_gap_in_a_need_of_every_member_blocks_the_class_and_every_member()
    {
        var impact = ScenarioAnalysis.Impact(Ivd, new Scenario { Gaps = ["component:chip"] }, 10);

        impact.Impacted.Where(i => i.Node.Kind == NodeKind.Product).Select(i => (i.Node.Id, i.Severity)).OrderBy(x => x.Id, StringComparer.Ordinal).ShouldBe(
        [
            ("product:analyser", ImpactSeverity.Blocked), ("product:benchtop-analyser", ImpactSeverity.Blocked),
            ("product:ivd", ImpactSeverity.Blocked), ("product:kit", ImpactSeverity.Blocked),
        ]);
    }

    [Fact]
    public void Blockers_of_a_member_do_not_see_the_class_need_and_blockers_of_the_class_do()
    {
        var member = ScenarioAnalysis.Blockers(Ivd, "product:kit", GapIn, 10, 3)!;
        member.Severity.ShouldBeNull();
        member.Gaps.ShouldBeEmpty();

        var @class = ScenarioAnalysis.Blockers(Ivd, "product:ivd", GapIn, 10, 3)!;
        @class.Severity.ShouldBe(ImpactSeverity.AtRisk);
        @class.Gaps.Select(g => g.Gap.Id).ShouldBe(["technology:microfluidics"]);
    }

    [Fact]
    public void A_member_reaches_its_class_needs_of_every_member_but_not_its_class_wide_ones()
    {
        var kit = GraphAlgorithms.Reach(Ivd, "product:kit", Direction.Forward, 10);
        kit.Nodes.Select(n => n.Id).ShouldBe(["product:kit", "product:ivd", "component:chip"]);

        var microfluidics = GraphAlgorithms.Reach(Ivd, "technology:microfluidics", Direction.Backward, 10);
        microfluidics.Nodes.Select(n => n.Id).ShouldBe(["technology:microfluidics", "product:ivd", "program:column"]);

        GraphAlgorithms.Paths(Ivd, "product:kit", "technology:microfluidics", 6, 10).ShouldBeEmpty();
        GraphAlgorithms.Paths(Ivd, "program:column", "technology:microfluidics", 6, 10).Count.ShouldBe(1);
    }

    [Fact]
    public void Dependencies_with_members_roll_up_what_the_members_need_and_name_the_member()
    {
        var result = GraphAlgorithms.Reach(Ivd, "product:ivd", Direction.Forward, 10, new TraversalControls(Members: true));
        result.Levels.Select(l => (l.Node.Id, l.Depth, Through: l.Through?.Id)).OrderBy(x => x.Id, StringComparer.Ordinal).ShouldBe(
        [
            ("component:chip", 1, null), ("component:pmt", 2, "product:analyser"), ("product:analyser", 1, null),
            ("product:benchtop-analyser", 2, null), ("product:ivd", 0, null), ("product:kit", 1, null), ("technology:microfluidics", 1, null),
        ]);
        result.Edges.ShouldContain(e => e.Type == EdgeType.VariantOf && e.From == "product:benchtop-analyser", "the VARIANT_OF hops stay visible");
        GraphAlgorithms.Reach(Ivd, "product:ivd", Direction.Forward, 10).Nodes.Select(n => n.Id).ShouldNotContain("component:pmt");
    }

    [Fact]
    public void Dependents_with_members_name_the_variant_a_dependent_needs()
    {
        var graph = new GraphIndex(TestGraphs.Build(
            "component:hv-generator-high-heat>VARIANT_OF>component:hv-generator", "product:dsa>component:hv-generator-high-heat", "product:ct>component:hv-generator"));

        var result = GraphAlgorithms.Reach(graph, "component:hv-generator", Direction.Backward, 10, new TraversalControls(Kinds: new HashSet<NodeKind> { NodeKind.Product }, Members: true));

        result.Levels.Select(l => (l.Node.Id, l.Through?.Id)).ShouldBe([("product:ct", null), ("product:dsa", "component:hv-generator-high-heat")]);
    }

    private static readonly string[] Ids =
    [
        "product:p0", "product:p1", "product:p2", "product:p3", "product:p4",
        "component:c0", "component:c1", "component:c2", "component:c3", "technology:t0", "technology:t1",
    ];

    // Random class trees: VARIANT_OF among products and among components, needs of either reach anywhere.
    private static readonly Gen<GraphIndex> RandomClassTrees =
        Gen.Select(Gen.Int[0, Ids.Length - 1], Gen.Int[0, Ids.Length - 1], Gen.Int[0, 2]).Array[0, 26].Select(specs =>
        {
            var edges = new List<Edge>();
            foreach (var (from, to, how) in specs)
            {
                var (a, b) = (Ids[from], Ids[to]);
                if (a == b) continue;
                var type = how == 0 && TestGraphs.KindOf(a) == TestGraphs.KindOf(b) && TestGraphs.KindOf(a) != NodeKind.Technology ? EdgeType.VariantOf : TestGraphs.TypeFor(a, b);
                if (!NodeKinds.Allows(type, TestGraphs.KindOf(a), TestGraphs.KindOf(b)) || edges.Any(e => e.From == a && e.Type == type && e.To == b)) continue;
                edges.Add(new Edge(a, type, b, [new Source("document:test", "1", "test")], Reach: how == 2 && type != EdgeType.VariantOf ? NeedReach.Class : NeedReach.EveryMember));
            }
            return new GraphIndex(new GraphData([.. Ids.Select(TestGraphs.NodeFor)], edges));
        });

    private static string Describe(GraphIndex graph) =>
        string.Join("; ", graph.Edges.Select(e => $"{e.From} {e.Type}{(e.IsClassNeed ? "(class)" : "")} {e.To}"));

    private static HashSet<string> Members(GraphIndex graph, string id) =>
        [.. GraphAlgorithms.Reach(graph, id, Direction.Backward, 20, new TraversalControls(Via: new HashSet<EdgeType> { EdgeType.VariantOf })).Nodes.Select(n => n.Id).Where(m => m != id)];

    private static HashSet<string> Reached(GraphIndex graph, string id, Direction direction) =>
        [.. GraphAlgorithms.Reach(graph, id, direction, 20).Nodes.Select(n => n.Id)];

    [Fact]
    public void Dependencies_with_members_are_the_class_own_and_each_member_own_each_named_by_a_member_that_needs_it()
    {
        RandomClassTrees.Sample(graph =>
        {
            foreach (var id in Ids)
            {
                var members = Members(graph, id);
                var rolled = GraphAlgorithms.Reach(graph, id, Direction.Forward, 20, new TraversalControls(Members: true));
                var expected = Reached(graph, id, Direction.Forward);
                foreach (var member in members) expected.UnionWith(Reached(graph, member, Direction.Forward));
                rolled.Nodes.Select(n => n.Id).ToHashSet().SetEquals(expected).ShouldBeTrue($"{id}: {string.Join(",", rolled.Nodes.Select(n => n.Id))} vs {string.Join(",", expected)}");
                foreach (var level in rolled.Levels.Where(l => l.Through is not null))
                {
                    members.ShouldContain(level.Through!.Id);
                    Reached(graph, level.Through.Id, Direction.Forward).ShouldContain(level.Node.Id);
                }
                foreach (var level in rolled.Levels.Where(l => l.Through is null && l.Node.Id != id && !members.Contains(l.Node.Id)))
                {
                    Reached(graph, id, Direction.Forward).ShouldContain(level.Node.Id, $"a level without a member is the class's own: {id} in {Describe(graph)}");
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void Dependents_with_members_are_what_needs_the_node_or_any_of_its_variants()
    {
        RandomClassTrees.Sample(graph =>
        {
            foreach (var id in Ids)
            {
                var members = Members(graph, id);
                var rolled = GraphAlgorithms.Reach(graph, id, Direction.Backward, 20, new TraversalControls(Members: true));
                var expected = Reached(graph, id, Direction.Backward);
                foreach (var member in members) expected.UnionWith(Reached(graph, member, Direction.Backward));
                rolled.Nodes.Select(n => n.Id).ToHashSet().SetEquals(expected).ShouldBeTrue(id);
                foreach (var level in rolled.Levels.Where(l => l.Through is not null))
                {
                    members.ShouldContain(level.Through!.Id);
                    Reached(graph, level.Through.Id, Direction.Backward).ShouldContain(level.Node.Id);
                }
            }
        }, iter: 300);
    }
}
