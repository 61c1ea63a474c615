using CsCheck;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;
using Roadmap.Tests.Support;

namespace Roadmap.Tests.Core.Analysis;

/// <summary>
/// A filter answered from the read model's indexes must give exactly what asking every node gives, in the same
/// order: random filters (every indexed condition, text, AND, OR, NOT, needs) on the seed graphs and on random
/// graphs, before and after random edits. The random graphs include nodes whose kind does not match their id's
/// prefix, which only a graph built without the rules holds, so that a kind is not always one run of node numbers.
/// </summary>
public class NodeSelectionProperties
{
    private static readonly string[] Texts = ["c1", "球", "tube", "p", "zz"];
    private static readonly NodeGroupKey[] GroupBy = [NodeGroupKey.Kind, NodeGroupKey.Field, NodeGroupKey.Status];

    private static readonly string[] PoolIds =
        [.. Enumerable.Range(0, 4).Select(i => $"component:c{i}"), "technology:t0", "technology:t1", "product:p0", "product:p1", "program:g0", "document:d0", "document:d1"];

    private static readonly string[] PoolDocuments = ["document:d0", "document:d1", "document:elsewhere"];

    [Fact]
    public void Filters_on_the_seed_graphs_give_the_scans_answer()
    {
        foreach (var graph in new[] { SeedLoader.Load(Repo.Seeds).Graph, TestSeeds.Graph })
        {
            var index = new GraphIndex(graph);
            var ids = graph.Nodes.Select(n => n.Id).Append("component:missing").ToArray();
            var documents = graph.Nodes.Where(n => n.Kind == NodeKind.Document).Select(n => n.Id).Append("document:missing").ToArray();
            FilterOf(ids, documents, 3).Sample(filter => ShouldAgreeWithTheScan(index, filter), iter: 3000);
        }
    }

    [Fact]
    public void Filters_on_random_graphs_give_the_scans_answer_before_and_after_edits()
    {
        // The second edit is generated on the first one's result, as an editor would plan it.
        var cases = Graph.SelectMany(graph => EditOf(graph).SelectMany(first => EditOf(PlainGraphEdits.ApplyTo(graph, first)).SelectMany(second =>
            FilterOf(PoolIds, PoolDocuments, 3).Select(filter => (graph, edits: new[] { first, second }, filter)))));
        cases.Sample(sample =>
        {
            var (graph, edits, filter) = sample;
            var index = new GraphIndex(graph);
            ShouldAgreeWithTheScan(index, filter);
            foreach (var edit in edits)
            {
                // Each edit applies to an index whose filter index is built, so what is checked is the carried one.
                index = index.Apply(edit);
                index.HasFilterIndex.ShouldBeTrue("an edit carries the filter index over");
                graph = PlainGraphEdits.ApplyTo(graph, edit);
                ShouldAgreeWithTheScan(index, filter);
                var rebuilt = new GraphIndex(graph);
                Ids(index, NodeSelection.Select(index, filter)).ShouldBe(Ids(rebuilt, NodeSelection.Scan(rebuilt, filter)));
            }
        }, iter: 1500);
    }

    [Fact]
    public void An_indexed_condition_narrows_the_nodes_asked()
    {
        var index = new GraphIndex(SeedLoader.Load(Repo.Seeds).Graph);
        var products = index.Nodes.Count(n => n.Kind == NodeKind.Product);
        var imaging = index.Nodes.Count(n => n.Field == Field.Imaging);
        var imagingProducts = index.Nodes.Count(n => n.Field == Field.Imaging && n.Kind == NodeKind.Product);

        NodeSelection.CandidateCount(index, new NodeFilter { Kinds = new HashSet<NodeKind> { NodeKind.Product } }).ShouldBe(products);
        NodeSelection.CandidateCount(index, new NodeFilter { Fields = new HashSet<Field> { Field.Imaging } }).ShouldBe(imaging);
        NodeSelection.CandidateCount(index, new NodeFilter
        {
            And = [new NodeFilter { Kinds = new HashSet<NodeKind> { NodeKind.Product } }, new NodeFilter { Fields = new HashSet<Field> { Field.Imaging } }],
        }).ShouldBe(imagingProducts);
        products.ShouldBeLessThan(index.NodeCount);
        NodeSelection.CandidateCount(index, new NodeFilter { Not = new NodeFilter { Kinds = new HashSet<NodeKind> { NodeKind.Product } } }).ShouldBeNull();
        NodeSelection.CandidateCount(index, new NodeFilter
        {
            Or = [new NodeFilter { Kinds = new HashSet<NodeKind> { NodeKind.Product } }, new NodeFilter { Text = "CT" }],
        }).ShouldBeNull("one member of the OR has no index, so the OR cannot narrow");
    }

    private static void ShouldAgreeWithTheScan(GraphIndex index, NodeFilter filter)
    {
        // Each list holds its nodes alone, also where a kind's nodes are not one run and after edits: a list with a node
        // too many would still give the right answers (the filter is asked of every candidate), only slower.
        foreach (var kind in Enum.GetValues<NodeKind>())
        {
            NodeSelection.CandidateCount(index, new NodeFilter { Kinds = new HashSet<NodeKind> { kind } }).ShouldBe(index.Nodes.Count(n => n.Kind == kind), kind.ToString());
        }
        foreach (var field in Enum.GetValues<Field>())
        {
            NodeSelection.CandidateCount(index, new NodeFilter { Fields = new HashSet<Field> { field } }).ShouldBe(index.Nodes.Count(n => n.Field == field), field.ToString());
        }
        foreach (var status in Enum.GetValues<AssessmentStatus>())
        {
            NodeSelection.CandidateCount(index, new NodeFilter { LatestStatus = new HashSet<AssessmentStatus> { status } })
                .ShouldBe(index.Nodes.Count(n => n.LatestAssessment?.Status == status), status.ToString());
        }
        foreach (var document in index.Nodes.SelectMany(NodeSelection.StatingDocuments).Distinct())
        {
            NodeSelection.CandidateCount(index, new NodeFilter { StatedIn = new HashSet<string> { document } })
                .ShouldBe(index.Nodes.Count(n => NodeSelection.StatingDocuments(n).Contains(document)), document);
        }
        var scan = NodeSelection.Scan(index, filter);
        NodeSelection.Select(index, filter).ShouldBe(scan, filter.Canonical());
        // The counts read the same candidates: they must be the scan's matches, grouped.
        var expected = scan.Select(index.NodeAt)
            .GroupBy(n => (n.Kind, n.Field, n.LatestAssessment?.Status))
            .Select(g => (g.Key.Kind, g.Key.Field, g.Key.Status, g.Count()))
            .OrderBy(c => c.Kind).ThenBy(c => c.Field).ThenBy(c => c.Status);
        NodeSelection.Count(index, filter, GroupBy)
            .Select(c => (c.Key.Kind!.Value, c.Key.Field, c.Key.Status, c.Count))
            .OrderBy(c => c.Value).ThenBy(c => c.Field).ThenBy(c => c.Status)
            .ShouldBe(expected, filter.Canonical());
    }

    private static List<string> Ids(GraphIndex index, List<int> nodes) => [.. nodes.Select(v => index.NodeAt(v).Id)];

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : class => Gen.Int[0, 2].SelectMany(i => i == 0 ? gen.Select(x => (T?)x) : Gen.Const((T?)null));

    private static Gen<IReadOnlySet<T>> SetOf<T>(Gen<T> gen) => gen.Array[0, 3].Select(a => (IReadOnlySet<T>)a.ToHashSet());

    private static Gen<string> OneOf(string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static Gen<NodeFilter> FilterOf(string[] ids, string[] documents, int depth)
    {
        var leaf = Gen.Select(
            Maybe(SetOf(OneOf(ids))), Maybe(SetOf(Gen.Enum<NodeKind>())), Maybe(SetOf(Gen.Enum<Field>())),
            Maybe(SetOf(Gen.Enum<AssessmentStatus>())), Maybe(SetOf(OneOf(documents))), Maybe(OneOf(Texts)),
            (someIds, kinds, fields, statuses, statedIn, text) => new NodeFilter
            {
                Ids = someIds, Kinds = kinds, Fields = fields, LatestStatus = statuses, StatedIn = statedIn, Text = text,
            });
        if (depth == 0) return leaf;
        var nested = FilterOf(ids, documents, depth - 1);
        return Gen.Select(leaf, Gen.Int[0, 6], nested.Array[0, 3], nested, (filter, shape, members, one) => shape switch
        {
            0 or 1 => filter,
            2 => filter with { And = members },
            3 => filter with { Or = members },
            4 => filter with { Not = one },
            5 => filter with { Needs = new RelationFilter(Some: one, None: members.FirstOrDefault()) },
            _ => filter with { And = members, Or = [one] },
        });
    }

    private static readonly Gen<Node> NodeGen = Gen.Select(
        OneOf(PoolIds), Gen.Int[0, 9], Gen.Enum<NodeKind>(), Gen.Enum<Field>().Array[0, 1],
        Gen.Select(Gen.Enum<AssessmentStatus>(), Gen.Int[2015, 2022], OneOf(PoolDocuments)).Array[0, 2], OneOf(PoolDocuments).Array[0, 2], Gen.Int[1, 3],
        (id, odd, otherKind, field, assessments, sources, version) => new Node
        {
            Id = id,
            Kind = odd == 0 ? otherKind : TestGraphs.KindOf(id),
            NameZh = "球" + id,
            NameEn = id.Replace(":", " tube ", StringComparison.Ordinal),
            Field = field.Length == 0 ? null : field[0],
            Assessments = [.. assessments.Select(a => new Assessment(a.Item1, a.Item2, new Source(a.Item3, "1", "q")))],
            Sources = [.. sources.Select(d => new Source(d, "2", "q"))],
            Version = version,
        });

    private static readonly Gen<Edge> EdgeGen = Gen.Select(OneOf(PoolIds), Gen.Enum<EdgeType>(), OneOf(PoolIds),
        (from, type, to) => new Edge(from, type, to, [new Source("document:d0", "1", "q")]));

    private static readonly Gen<GraphData> Graph = Gen.Select(NodeGen.Array[0, 11], EdgeGen.Array[0, 20], (nodes, edges) =>
        PlainGraphEdits.WithoutDanglingEdges(nodes.DistinctBy(n => n.Id), edges.DistinctBy(e => e.Key)));

    // Node changes (create or replace, delete) and edge changes (add, delete), or an edit of edges alone.
    private static Gen<GraphEdit> EditOf(GraphData graph)
    {
        var nodeChanges = new List<Gen<Change<Node>>> { NodeGen.Select(after => new Change<Node>(graph.Nodes.FirstOrDefault(n => n.Id == after.Id), after)) };
        if (graph.Nodes.Count > 0) nodeChanges.Add(Gen.Int[0, graph.Nodes.Count - 1].Select(i => new Change<Node>(graph.Nodes[i], null)));
        var edgeChanges = new List<Gen<Change<Edge>>> { EdgeGen.Select(after => new Change<Edge>(graph.Edges.FirstOrDefault(e => e.Key == after.Key), after)) };
        if (graph.Edges.Count > 0) edgeChanges.Add(Gen.Int[0, graph.Edges.Count - 1].Select(i => new Change<Edge>(graph.Edges[i], null)));
        return Gen.Select(Gen.OneOf([.. nodeChanges]).Array[0, 3], Gen.OneOf([.. edgeChanges]).Array[0, 3], (nodes, edges) =>
            new GraphEdit("random", [.. nodes.DistinctBy(c => (c.Before ?? c.After)!.Id)], [.. edges.DistinctBy(c => (c.Before ?? c.After)!.Key)]));
    }
}
