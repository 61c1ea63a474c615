using CsCheck;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Tests.Support;

namespace Roadmap.Tests.Core.Analysis;

/// <summary>
/// The bottleneck ranking an edit carries over must be the ranking worked out afresh on the edited graph. Random
/// roadmaps with alternatives, variants and program cover, then random edits in a row: nodes created, deleted under
/// their edges, re-judged or given another kind, edges added, deleted, regrouped or given another source.
/// </summary>
public class BottleneckRankingProperties
{
    private static readonly string[] Ids =
    [
        "program:g0", "program:g1", "product:p0", "product:p1", "product:p2", "product:p3", "product:p4",
        "component:c0", "component:c1", "component:c2", "component:c3", "technology:t0", "technology:t1", "document:d0",
    ];

    private static readonly Source Clause = new("document:d0", "1", "q");

    private static readonly Gen<string> Id = Gen.Int[0, Ids.Length - 1].Select(i => Ids[i]);

    // Mostly the kind the id says, sometimes another one, so that an edit can change a node's kind.
    private static readonly Gen<Node> NodeGen = Gen.Select(Id, Gen.Int[0, 9], Gen.Int[0, 4], Gen.Int[1, 3], (id, kind, status, version) =>
        TestGraphs.NodeFor(id) with
        {
            Kind = kind < 8 ? TestGraphs.KindOf(id) : (NodeKind)(kind % Enum.GetValues<NodeKind>().Length),
            Assessments = status == 4 ? [] : [new Assessment((AssessmentStatus)status, 2020, Clause)],
            Version = version,
        });

    // Program edges as programs have them, the rest REQUIRES, USES_TECHNOLOGY or VARIANT_OF, some in groups.
    private static readonly Gen<Edge> EdgeGen = Gen.Select(Id, Id, Gen.Int[0, 3], Gen.Int[0, 2], (from, to, type, group) =>
    {
        var edgeType = TestGraphs.KindOf(from) == NodeKind.Program
            ? (TestGraphs.KindOf(to) == NodeKind.Program ? EdgeType.Includes : EdgeType.Targets)
            : type switch { 0 => EdgeType.VariantOf, 1 => EdgeType.UsesTechnology, _ => EdgeType.Requires };
        return new Edge(from, edgeType, to, [Clause], group == 0 || edgeType is EdgeType.Targets or EdgeType.Includes ? null : $"g{group}");
    });

    private static readonly Gen<GraphData> Graph = Gen.Select(NodeGen.Array[0, 14], EdgeGen.Array[0, 30], (nodes, edges) =>
        PlainGraphEdits.WithoutDanglingEdges(nodes.DistinctBy(n => n.Id), edges.Where(e => e.From != e.To).DistinctBy(e => e.Key)));

    private static Gen<GraphEdit> EditOf(GraphData graph)
    {
        var nodeChanges = new List<Gen<Change<Node>>> { NodeGen.Select(after => new Change<Node>(graph.Nodes.FirstOrDefault(n => n.Id == after.Id), after)) };
        if (graph.Nodes.Count > 0)
        {
            var existing = Gen.Int[0, graph.Nodes.Count - 1].Select(i => graph.Nodes[i]);
            nodeChanges.Add(existing.Select(node => new Change<Node>(node, null)));
        }
        var edgeChanges = new List<Gen<Change<Edge>>>
        {
            EdgeGen.Where(e => e.From != e.To).Select(after => new Change<Edge>(graph.Edges.FirstOrDefault(e => e.Key == after.Key), after)),
        };
        if (graph.Edges.Count > 0)
        {
            var existing = Gen.Int[0, graph.Edges.Count - 1].Select(i => graph.Edges[i]);
            edgeChanges.Add(existing.Select(edge => new Change<Edge>(edge, null)));
            edgeChanges.Add(existing.Select(edge => new Change<Edge>(edge, edge with { Group = edge.Group is null ? "g1" : null, Version = edge.Version + 1 })));
            edgeChanges.Add(existing.Select(edge => new Change<Edge>(edge, edge with { Sources = [.. edge.Sources, Clause], Version = edge.Version + 1 })));
        }
        var (nodeChange, edgeChange) = (Gen.OneOf([.. nodeChanges]), Gen.OneOf([.. edgeChanges]));
        return Gen.Select(nodeChange.Array[0, 3], edgeChange.Array[0, 3], (nodes, edges) =>
            new GraphEdit("random", [.. nodes.DistinctBy(c => (c.Before ?? c.After)!.Id)], [.. edges.DistinctBy(c => (c.Before ?? c.After)!.Key)]));
    }

    // A graph and up to four edits, each planned on the graph the ones before it leave.
    private static readonly Gen<(GraphData Graph, GraphEdit[] Edits)> EditedGraph =
        Graph.SelectMany(graph => Gen.Int[1, 4].SelectMany(count => EditsFrom(graph, count)).Select(edits => (graph, edits)));

    private static Gen<GraphEdit[]> EditsFrom(GraphData graph, int count) =>
        count == 0 ? Gen.Const(Array.Empty<GraphEdit>())
        : EditOf(graph).SelectMany(edit => EditsFrom(PlainGraphEdits.ApplyTo(graph, edit), count - 1).Select(rest => (GraphEdit[])[edit, .. rest]));

    [Fact]
    public void A_ranking_carried_through_edits_equals_one_worked_out_on_the_edited_graph()
    {
        EditedGraph.Sample(sample =>
        {
            var (graph, edits) = sample;
            var index = new GraphIndex(graph);
            _ = index.Bottlenecks;
            var plain = graph;
            foreach (var edit in edits)
            {
                index = index.Apply(edit);
                plain = PlainGraphEdits.ApplyTo(plain, edit);
                index.HasBottleneckRanking.ShouldBeTrue("an edit carries the ranking over");
                var fresh = new GraphIndex(plain);
                ShouldBeAlike(index, fresh);
            }
        }, iter: 3000);
    }

    [Fact]
    public void The_ranking_counts_what_a_plain_search_of_each_node_finds()
    {
        Graph.Sample(data =>
        {
            var graph = new GraphIndex(data);
            var expected = new List<(string Id, int Products, int Programs, int Blocked)>();
            var order = new List<int>();
            for (var v = 0; v < graph.NodeCount; v++)
            {
                var node = graph.NodeAt(v);
                if (node.Kind == NodeKind.Document) continue;
                var dependents = DependentsOf(graph, node.Id);
                var (products, programs) = (dependents.Count(n => n.Kind == NodeKind.Product), dependents.Count(n => n.Kind == NodeKind.Program));
                if (products + programs == 0) continue;
                using (Analytics.BlockedMarks(graph, [v], order)) { }
                expected.Add((node.Id, products, programs, order.Count(w => w != v && graph.KindOf(w) == NodeKind.Product)));
            }
            var ranked = expected.OrderByDescending(r => r.Products + r.Programs).ThenByDescending(r => r.Blocked).ThenBy(r => r.Id, StringComparer.Ordinal);
            Analytics.RankBottlenecks(graph).Select(b => (b.Node.Id, b.DependentProducts, b.DependentPrograms, b.BlockedProducts)).ShouldBe(ranked);
        }, iter: 2000);
    }

    // Every node with a path of edges to the node, found by following the edges' ids.
    private static List<Node> DependentsOf(GraphIndex graph, string id)
    {
        var found = new HashSet<string>(StringComparer.Ordinal) { id };
        var queue = new Queue<string>([id]);
        while (queue.TryDequeue(out var next))
        {
            foreach (var edge in graph.Edges.Where(e => e.To == next && found.Add(e.From))) queue.Enqueue(edge.From);
        }
        found.Remove(id);
        return [.. found.Select(d => graph.NodeAt(graph.IndexOf(d)))];
    }

    [Fact]
    public void An_edit_to_a_graph_never_ranked_leaves_the_ranking_unbuilt()
    {
        var index = new GraphIndex(TestGraphs.Build("product:ct>component:tube"));
        var tube = TestGraphs.NodeFor("component:anode");

        var edited = index.Apply(new GraphEdit("createNode", [new Change<Node>(null, tube)], []));

        edited.HasBottleneckRanking.ShouldBeFalse();
        Analytics.MeasureOf(edited, edited.IndexOf("component:tube")).DependentProducts.ShouldBe(1);
    }

    private static void ShouldBeAlike(GraphIndex carried, GraphIndex fresh)
    {
        var expected = Analytics.RankBottlenecks(fresh);
        var actual = carried.Bottlenecks.Ranked;
        actual.Select(Row).ShouldBe(expected.Select(Row));
        for (var v = 0; v < fresh.NodeCount; v++)
        {
            var row = carried.Bottlenecks.Of(v);
            row?.Node.ShouldBeSameAs(fresh.NodeAt(v));
            (row is null ? null : Row(row)).ShouldBe(expected.FirstOrDefault(b => b.Node.Id == fresh.NodeAt(v).Id) is { } b ? Row(b) : null);
        }
    }

    private static string Row(Bottleneck b) => $"{b.Node.Id} v{b.Node.Version} {b.DependentProducts}/{b.DependentPrograms}/{b.BlockedProducts} {b.LatestStatus}";
}
