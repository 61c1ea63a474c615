using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage;

namespace Roadmap.Tests.Core.Analysis;

public class GraphAlgorithmsTests
{
    // program:p targets product:x and product:y; both need component:c (a diamond); c needs material m, which uses technology t.
    private static readonly GraphIndex Diamond = new(TestGraphs.Build(
        "program:p>product:x", "program:p>product:y",
        "product:x>component:c", "product:y>component:c",
        "component:c>component:m", "component:m>technology:t"));

    [Fact]
    public void Dependencies_follow_edges_forward_breadth_first_and_visit_a_diamond_once()
    {
        var result = GraphAlgorithms.Reach(Diamond, "program:p", Direction.Forward, 10);

        result.Nodes.Select(n => n.Id).ShouldBe(["program:p", "product:x", "product:y", "component:c", "component:m", "technology:t"]);
        result.Edges.Count.ShouldBe(6);
        result.Truncated.ShouldBeFalse();
    }

    [Fact]
    public void Dependencies_stop_at_max_depth_and_say_so()
    {
        var result = GraphAlgorithms.Reach(Diamond, "program:p", Direction.Forward, 2);

        result.Nodes.Select(n => n.Id).ShouldBe(["program:p", "product:x", "product:y", "component:c"]);
        result.Edges.Select(e => (e.From, e.To)).ShouldBe(
            [("program:p", "product:x"), ("program:p", "product:y"), ("product:x", "component:c"), ("product:y", "component:c")]);
        result.Truncated.ShouldBeTrue();
    }

    [Fact]
    public void Truncated_is_false_when_the_depth_bound_cuts_nothing()
    {
        GraphAlgorithms.Reach(Diamond, "component:c", Direction.Forward, 2).Truncated.ShouldBeFalse();
    }

    [Fact]
    public void Dependents_follow_edges_backward()
    {
        var result = GraphAlgorithms.Reach(Diamond, "component:m", Direction.Backward, 10);

        result.Nodes.Select(n => n.Id).ShouldBe(["component:m", "component:c", "product:x", "product:y", "program:p"]);
    }

    [Fact]
    public void Reach_terminates_on_cycles()
    {
        var cycle = new GraphIndex(TestGraphs.Build("component:a>component:b", "component:b>component:c", "component:c>component:a"));

        var result = GraphAlgorithms.Reach(cycle, "component:a", Direction.Forward, 10);

        result.Nodes.Select(n => n.Id).ShouldBe(["component:a", "component:b", "component:c"]);
        result.Edges.Count.ShouldBe(3);
    }

    [Fact]
    public void Unknown_id_gives_an_empty_subgraph()
    {
        var result = GraphAlgorithms.Reach(Diamond, "product:nope", Direction.Forward, 3);

        result.Root.ShouldBeNull();
        result.Nodes.ShouldBeEmpty();
    }

    [Fact]
    public void Paths_come_shortest_first_and_stay_simple()
    {
        // Two routes from p to t: p>x>c>m>t (4) and a shortcut p>y>t (2); and a cycle c>m>c that must not be walked twice.
        var graph = new GraphIndex(TestGraphs.Build(
            "program:p>product:x", "program:p>product:y", "product:x>component:c", "component:c>component:m",
            "component:m>component:c", "component:m>technology:t", "product:y>technology:t"));

        var paths = GraphAlgorithms.Paths(graph, "program:p", "technology:t", 10, 10);

        paths.Select(p => string.Join(">", p.Nodes.Select(n => n.Id))).ShouldBe([
            "program:p>product:y>technology:t",
            "program:p>product:x>component:c>component:m>technology:t",
        ]);
        paths.ShouldAllBe(p => p.Edges.Count == p.Nodes.Count - 1);
    }

    [Fact]
    public void Paths_respect_max_length_and_limit()
    {
        GraphAlgorithms.Paths(Diamond, "program:p", "technology:t", 3, 10).ShouldBeEmpty();
        GraphAlgorithms.Paths(Diamond, "program:p", "technology:t", 4, 10).Count.ShouldBe(2);
        GraphAlgorithms.Paths(Diamond, "program:p", "technology:t", 4, 1).Count.ShouldBe(1);
    }

    [Fact]
    public void Paths_do_not_run_against_the_edges()
    {
        GraphAlgorithms.Paths(Diamond, "technology:t", "program:p", 10, 10).ShouldBeEmpty();
    }

    [Fact]
    public void Path_search_gives_up_within_its_budget_on_a_path_explosion()
    {
        // A ladder of 12 diamonds has 4096 paths of 24 edges; a small step budget must stop the search early.
        var edges = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            edges.Add($"component:n{i}>component:a{i}");
            edges.Add($"component:n{i}>component:b{i}");
            edges.Add($"component:a{i}>component:n{i + 1}");
            edges.Add($"component:b{i}>component:n{i + 1}");
        }
        var ladder = new GraphIndex(TestGraphs.Build([.. edges]));

        var tooShort = GraphAlgorithms.SearchPaths(ladder, "component:n0", "component:n12", 23, 100);
        var toTheLimit = GraphAlgorithms.SearchPaths(ladder, "component:n0", "component:n12", 24, 100);
        var cutShort = GraphAlgorithms.SearchPaths(ladder, "component:n0", "component:n12", 24, 100, budget: 60);

        (tooShort.Paths.Count, tooShort.Complete).ShouldBe((0, true));
        // Stopping at the limit asked for is not being cut short; running out of steps with paths unseen is.
        (toTheLimit.Paths.Count, toTheLimit.Complete).ShouldBe((100, true));
        cutShort.Paths.Count.ShouldBeInRange(1, 99);
        cutShort.Complete.ShouldBeFalse();
    }

    [Fact]
    public void Impact_reports_each_dependent_once_at_its_shortest_distance_with_the_chain_as_evidence()
    {
        var report = GraphAlgorithms.Impact(Diamond, ["component:m"], 10);

        report.Gaps.Select(n => n.Id).ShouldBe(["component:m"]);
        report.OfKind(NodeKind.Component).Select(i => (i.Node.Id, i.Distance)).ShouldBe([("component:c", 1)]);
        report.OfKind(NodeKind.Product).Select(i => (i.Node.Id, i.Distance)).ShouldBe([("product:x", 2), ("product:y", 2)]);
        var program = report.OfKind(NodeKind.Program).ShouldHaveSingleItem();
        program.Distance.ShouldBe(3);
        program.Path.Nodes.Select(n => n.Id).ShouldBe(["program:p", "product:x", "component:c", "component:m"]);
        program.Path.Edges.Select(e => e.From).ShouldBe(["program:p", "product:x", "component:c"]);
    }

    [Fact]
    public void Impact_measures_from_the_nearest_of_several_gaps_and_lists_unknown_ids()
    {
        var report = GraphAlgorithms.Impact(Diamond, ["technology:t", "component:c", "component:nope"], 10);

        report.UnknownIds.ShouldBe(["component:nope"]);
        report.Impacted.Single(i => i.Node.Id == "product:x").Distance.ShouldBe(1);
        report.Impacted.ShouldNotContain(i => i.Node.Id == "component:c"); // a gap is not its own impact
        report.Impacted.Single(i => i.Node.Id == "component:m").Distance.ShouldBe(1);
    }

    [Fact]
    public void Impact_stops_at_max_depth()
    {
        var report = GraphAlgorithms.Impact(Diamond, ["technology:t"], 2);

        report.Impacted.Select(i => i.Node.Id).ShouldBe(["component:m", "component:c"]);
    }

    [Fact]
    public void A_variant_is_hit_through_its_general_node()
    {
        var graph = new GraphIndex(TestGraphs.Build(
            "product:surgical-robot>component:force-sensor",
            "product:orthopaedic-robot>VARIANT_OF>product:surgical-robot"));

        var report = GraphAlgorithms.Impact(graph, ["component:force-sensor"], 8);

        report.OfKind(NodeKind.Product).Select(i => (i.Node.Id, i.Distance)).ShouldBe([("product:surgical-robot", 1), ("product:orthopaedic-robot", 2)]);
    }

    [Fact]
    public void A_page_of_prefix_matches_counts_a_node_with_several_such_names_once_and_counts_every_match()
    {
        var nodes = new[] { ("component:a", "ab", "abc", "abd"), ("component:b", "abx", "zz", ""), ("component:c", "xab", "zz", ""), ("component:d", "ab1", "ab", "") }
            .Select(n => TestGraphs.NodeFor(n.Item1) with { NameZh = n.Item2, NameEn = n.Item3, Aliases = n.Item4 == "" ? [] : [n.Item4] }).ToList();
        var graph = new GraphIndex(new GraphData(nodes, []));

        var page = NameSearch.Page(graph, "ab", null, null, 2);

        page.Hits.Select(h => (h.Node.Id, h.Match)).ShouldBe([("component:a", SearchMatch.Exact), ("component:d", SearchMatch.Exact)]);
        page.HasNextPage.ShouldBeTrue();
        page.TotalCount.ShouldBe(4);
        NameSearch.Page(graph, "ab", null, page.Hits[^1].Key, 2).Hits.Select(h => (h.Node.Id, h.Match)).ShouldBe([("component:b", SearchMatch.Prefix), ("component:c", SearchMatch.Substring)]);
    }

    [Fact]
    public void Search_ranks_exact_then_prefix_then_word_start_then_substring_and_honours_kinds()
    {
        var graph = new GraphIndex(new GraphData(
        [
            TestGraphs.NodeFor("product:ct") with { NameEn = "CT" },
            TestGraphs.NodeFor("product:pet-ct") with { NameEn = "PET-CT" },
            TestGraphs.NodeFor("component:ct-tube") with { NameEn = "CT tube", Aliases = ["CT球管"] },
            TestGraphs.NodeFor("product:traction") with { NameEn = "traction equipment" },
        ], []));

        GraphAlgorithms.Search(graph, "ct", null, 10).Select(n => n.Id).ShouldBe(["product:ct", "component:ct-tube", "product:pet-ct", "product:traction"]);
        GraphAlgorithms.Search(graph, "ct", new HashSet<NodeKind> { NodeKind.Product }, 10).Select(n => n.Id).ShouldBe(["product:ct", "product:pet-ct", "product:traction"]);
        GraphAlgorithms.Search(graph, "球管", null, 10).Select(n => n.Id).ShouldBe(["component:ct-tube"]);
        GraphAlgorithms.Search(graph, "ct", null, 1).Count.ShouldBe(1);
    }
}
