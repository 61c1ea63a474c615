using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage;

namespace Roadmap.Tests.Core.Storage;

/// <summary>
/// One suite for the store interface: the same questions on the small test graph, with the same answers expected,
/// from the embedded store, from the Neo4j store against the Query API stub, and from the Neo4j store against a
/// real server when NEO4J_URL is set (skipped, and reported as skipped, otherwise).
/// </summary>
public abstract class StoreConformanceTests
{
    protected abstract Task<IGraphStore> StoreAsync();

    private static readonly CancellationToken None = CancellationToken.None;

    [StoreFact]
    public async Task Nodes_by_id_leave_out_unknown_ids()
    {
        var store = await StoreAsync();

        var found = await store.GetNodesAsync(["product:ct", "product:none"], None);

        found.Keys.ShouldBe(["product:ct"]);
        found["product:ct"].Assessments.ShouldHaveSingleItem().Status.ShouldBe(AssessmentStatus.Foundation);
        found["product:ct"].Targets.ShouldHaveSingleItem().Value.ShouldBe(256);
    }

    [StoreFact]
    public async Task A_filtered_ordered_page_and_counts_come_out_alike()
    {
        var store = await StoreAsync();
        var filter = new NodeFilter { Kinds = new HashSet<NodeKind> { NodeKind.Component, NodeKind.Product }, NeededBy = new RelationFilter(Some: new NodeFilter()) };
        var order = new[] { new NodeOrder(NodeOrderField.NameEn, OrderDirection.Desc) };

        var page = await store.QueryNodesAsync(new NodeQuery(filter, order, First: 3), None);
        var counts = await store.CountNodesAsync(filter, [NodeGroupKey.Kind], None);

        page.Nodes.Select(n => n.Id).ShouldBe(["component:vacuum-bearing", "component:rotating-anode-target", "product:photon-counting-ct"]);
        (page.TotalCount, page.HasPreviousPage, page.HasNextPage).ShouldBe((5, false, true));
        counts.Select(c => (c.Key.Kind, c.Count)).ShouldBe([(NodeKind.Component, 3), (NodeKind.Product, 2)]);
    }

    [StoreFact]
    public async Task Pages_follow_id_order_with_a_total()
    {
        var page = await (await StoreAsync()).ListNodesAsync(new HashSet<NodeKind> { NodeKind.Component }, 1, 5, None);

        page.TotalCount.ShouldBe(3);
        page.Nodes.Select(n => n.Id).ShouldBe(["component:rotating-anode-target", "component:vacuum-bearing"]);
    }

    [StoreFact]
    public async Task Search_ranks_alike()
    {
        var page = await (await StoreAsync()).SearchAsync("CT", null, null, 10, None);

        page.Hits.Select(h => h.Node.Id).ShouldBe(["product:ct", "component:ct-tube", "product:photon-counting-ct", "technology:image-reconstruction"]);
    }

    [StoreFact]
    public async Task Edges_come_out_and_in()
    {
        var store = await StoreAsync();

        var needs = await store.GetEdgesAsync(["component:ct-tube"], Direction.Forward, None);
        var neededBy = await store.GetEdgesAsync(["component:ct-tube"], Direction.Backward, None);

        needs["component:ct-tube"].Select(e => e.To).Order().ShouldBe(["component:rotating-anode-target", "component:vacuum-bearing"]);
        neededBy["component:ct-tube"].ShouldHaveSingleItem().Sources.ShouldHaveSingleItem().Quote.ShouldBe("关键部件：大热容量球管");
    }

    [StoreFact]
    public async Task Reach_is_bounded_and_says_when_it_is_truncated()
    {
        var store = await StoreAsync();

        var down = await store.ReachAsync("product:ct", Direction.Forward, 1, TraversalControls.None, None);
        var up = await store.ReachAsync("component:vacuum-bearing", Direction.Backward, 10, TraversalControls.None, None);

        down.Nodes.Select(n => n.Id).ShouldBe(["product:ct", "component:ct-tube", "technology:image-reconstruction"]);
        down.Truncated.ShouldBeTrue();
        up.Nodes.Select(n => n.Id).ShouldBe(["component:vacuum-bearing", "component:ct-tube", "product:ct", "product:photon-counting-ct", "program:demo"]);
        up.Truncated.ShouldBeFalse();
    }

    [StoreFact]
    public async Task Paths_come_shortest_first()
    {
        var paths = await (await StoreAsync()).PathsAsync("program:demo", "component:vacuum-bearing", 6, 10, TraversalControls.None, None);

        paths.Paths.Select(p => p.Length).ShouldBe([3, 4]);
        paths.Complete.ShouldBeTrue();
    }

    [StoreFact]
    public async Task Impact_has_the_same_severities_and_unknown_ids()
    {
        var store = await StoreAsync();

        var report = await store.ImpactAsync(["component:vacuum-bearing", "component:none"], 8, false, None);
        var assumed = await store.ImpactAsync([], 8, true, None);

        report.UnknownIds.ShouldBe(["component:none"]);
        report.Impacted.Select(i => (i.Node.Id, i.Distance, i.Severity)).ShouldBe([
            ("component:ct-tube", 1, ImpactSeverity.Blocked),
            ("product:ct", 2, ImpactSeverity.Blocked),
            ("product:photon-counting-ct", 3, ImpactSeverity.Blocked),
            ("program:demo", 3, ImpactSeverity.Blocked),
        ]);
        assumed.Gaps.Select(n => n.Id).ShouldBe(["product:photon-counting-ct"]);
        assumed.Impacted.ShouldHaveSingleItem().Severity.ShouldBe(ImpactSeverity.AtRisk);
    }

    [StoreFact]
    public async Task Whole_graph_analyses_agree()
    {
        var store = await StoreAsync();

        (await store.BottlenecksAsync(new HashSet<NodeKind> { NodeKind.Component }, null, 1, None)).ShouldHaveSingleItem().Node.Id.ShouldBe("component:ct-tube");
        (await store.ChangesAsync(2019, 2021, None)).ShouldBeEmpty();
        (await store.CompareDocumentsAsync("document:test-plan", "document:test-plan", None))!.Both.Count.ShouldBe(7);
        var roadmap = (await store.RoadmapAsync("product:ct", 6, None))!;
        roadmap.Layers.Select(l => l.Kind).ShouldBe([NodeKind.Program, NodeKind.Product, NodeKind.Component, NodeKind.Technology]);
        roadmap.Edges.Count.ShouldBe(5);
    }

    [StoreFact]
    public async Task Stats_count_by_kind_and_type()
    {
        var stats = await (await StoreAsync()).StatsAsync(None);

        (stats.NodeCount, stats.EdgeCount, stats.ByKind[NodeKind.Component], stats.ByEdgeType[EdgeType.Requires]).ShouldBe((8, 7, 3, 3));
    }
}

public sealed class EmbeddedStoreConformanceTests : StoreConformanceTests
{
    protected override Task<IGraphStore> StoreAsync() => Task.FromResult<IGraphStore>(EmbeddedGraphStore.FromGraph(TestSeeds.Graph));
}
