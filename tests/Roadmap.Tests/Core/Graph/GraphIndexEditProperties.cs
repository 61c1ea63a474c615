using CsCheck;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage;
using Roadmap.Tests.Support;

namespace Roadmap.Tests.Core.Graph;

/// <summary>
/// An index updated by an edit must be indistinguishable from one built afresh over the edited graph: same node
/// and edge numbering, adjacency, alternative groups, names and name searches. Random graphs, random edits, including
/// edits a validator would refuse (a node deleted under its edges, a create over an existing id, an edge to a missing node).
/// </summary>
public class GraphIndexEditProperties
{
    private static readonly string[] Ids = [.. Enumerable.Range(0, 7).Select(i => $"component:c{i}"), "technology:t0", "technology:t1", "product:p0"];
    private static readonly string[] Names = ["球管", "CT tube", "探测器", "detector"];
    private static readonly Source Clause = new("document:d", "1", "q");

    private static readonly Gen<string> Id = Gen.Int[0, Ids.Length - 1].Select(i => Ids[i]);

    private static readonly Gen<Node> NodeGen = Gen.Select(Id, Gen.Int[0, Names.Length - 1], Gen.Int[0, Names.Length - 1], Gen.Int[1, 3],
        (id, zh, en, version) => new Node
        {
            Id = id, Kind = TestGraphs.KindOf(id), NameZh = Names[zh] + id, NameEn = Names[en], Aliases = zh == en ? [Names[zh]] : [],
            Sources = [Clause], Version = version,
        });

    private static readonly Gen<Edge> EdgeGen = Gen.Select(Id, Gen.Enum<EdgeType>(), Id, Gen.Int[0, 2], Gen.Int[1, 3],
        (from, type, to, group, version) => new Edge(from, type, to, [Clause], group == 0 ? null : $"g{group}") { Version = version });

    private static readonly Gen<GraphData> Graph = Gen.Select(NodeGen.Array[0, 10], EdgeGen.Array[0, 25], (nodes, edges) =>
    {
        var unique = nodes.DistinctBy(n => n.Id).ToList();
        return PlainGraphEdits.WithoutDanglingEdges(unique, edges.DistinctBy(e => e.Key));
    });

    private static Gen<GraphEdit> EditOf(GraphData graph)
    {
        var nodeChanges = new List<Gen<Change<Node>>> { NodeGen.Select(after => new Change<Node>(graph.Nodes.FirstOrDefault(n => n.Id == after.Id), after)) };
        if (graph.Nodes.Count > 0)
        {
            var existing = Gen.Int[0, graph.Nodes.Count - 1].Select(i => graph.Nodes[i]);
            nodeChanges.Add(existing.Select(node => new Change<Node>(node, null)));
            // Only the version changes: the names are the same, so the search text can be shared.
            nodeChanges.Add(existing.Select(node => new Change<Node>(node, node with { Version = node.Version + 1 })));
        }
        var edgeChanges = new List<Gen<Change<Edge>>> { EdgeGen.Select(after => new Change<Edge>(graph.Edges.FirstOrDefault(e => e.Key == after.Key), after)) };
        if (graph.Edges.Count > 0)
        {
            var existing = Gen.Int[0, graph.Edges.Count - 1].Select(i => graph.Edges[i]);
            edgeChanges.Add(existing.Select(edge => new Change<Edge>(edge, null)));
            edgeChanges.Add(existing.Select(edge => new Change<Edge>(edge, edge with { Group = edge.Group is null ? "g9" : null, Version = edge.Version + 1 })));
        }
        var (nodeChange, edgeChange) = (Gen.OneOf([.. nodeChanges]), Gen.OneOf([.. edgeChanges]));
        return Gen.Select(nodeChange.Array[0, 3], edgeChange.Array[0, 3], (nodes, edges) =>
            new GraphEdit("random", [.. nodes.DistinctBy(c => (c.Before ?? c.After)!.Id)], [.. edges.DistinctBy(c => (c.Before ?? c.After)!.Key)]));
    }

    [Fact]
    public void An_edited_index_equals_one_built_from_the_edited_graph()
    {
        Graph.SelectMany(graph => EditOf(graph).Select(edit => (graph, edit))).Sample(sample =>
        {
            var (graph, edit) = sample;
            var updated = WithNameIndex(new GraphIndex(graph)).Apply(edit);
            var rebuilt = new GraphIndex(PlainGraphEdits.ApplyTo(graph, edit));
            ShouldBeAlike(updated, rebuilt);
        }, iter: 2000);
    }

    [Fact]
    public void Edits_in_a_row_stay_equal_to_a_rebuild()
    {
        Graph.SelectMany(graph => EditOf(graph).SelectMany(first => EditOf(PlainGraphEdits.ApplyTo(graph, first)).Select(second => (graph, first, second)))).Sample(sample =>
        {
            // The second edit is planned on the first one's result: numbering shifted by the first must carry through.
            var (graph, first, second) = sample;
            var updated = WithNameIndex(new GraphIndex(graph)).Apply(first).Apply(second);
            ShouldBeAlike(updated, new GraphIndex(PlainGraphEdits.ApplyTo(PlainGraphEdits.ApplyTo(graph, first), second)));
        }, iter: 1000);
    }

    // A graph and edits, each planned on the result of the ones before it.
    private static Gen<(GraphData Start, List<GraphEdit> Edits)> Chain(int length) => length == 0
        ? Graph.Select(graph => (graph, new List<GraphEdit>()))
        : Chain(length - 1).SelectMany(chain => EditOf(chain.Edits.Aggregate(chain.Start, PlainGraphEdits.ApplyTo)).Select(edit => (chain.Start, (List<GraphEdit>)[.. chain.Edits, edit])));

    [Fact]
    public void Long_runs_of_edits_and_two_edits_of_one_index_stay_equal_to_rebuilds()
    {
        // Long enough for the dropped names to outgrow the kept ones and for the id lookup to be rebuilt on the way.
        Chain(12).SelectMany(chain => EditOf(chain.Start).Select(sibling => (chain.Start, chain.Edits, sibling))).Sample(sample =>
        {
            var (graph, edits, sibling) = sample;
            var (index, data) = (WithNameIndex(new GraphIndex(graph)), graph);
            foreach (var edit in edits)
            {
                // An edit applied to an index that another edit has already been applied to must leave that other result alone.
                var (next, branch) = (index.Apply(edit), index.Apply(sibling));
                ShouldBeAlike(branch, new GraphIndex(PlainGraphEdits.ApplyTo(data, sibling)));
                data = PlainGraphEdits.ApplyTo(data, edit);
                ShouldBeAlike(next, new GraphIndex(data));
                index = next;
            }
        }, iter: 300);
    }

    [Fact]
    public void An_edit_that_touches_no_name_or_edge_shares_the_search_text_and_adjacency()
    {
        var graph = TestGraphs.Build("product:ct>component:tube", "component:tube>technology:anode");
        var index = new GraphIndex(graph);
        var tube = index.NodeAt(index.IndexOf("component:tube"));

        var updated = index.Apply(new GraphEdit("addSource", [new Change<Node>(tube, tube with { Sources = [.. tube.Sources, Clause], Version = 2 })], []));

        updated.NodeAt(updated.IndexOf("component:tube")).Version.ShouldBe(2);
        index.NodeAt(index.IndexOf("component:tube")).Version.ShouldBe(1, "the old snapshot is unchanged");
        updated.Edges.ShouldBeSameAs(index.Edges);
        updated.SearchText.ToString().ShouldBe(index.SearchText.ToString());
        ShouldBeAlike(updated, new GraphIndex(new GraphData([.. updated.Nodes], graph.Edges)));
    }

    // Builds the name indexes before an edit, so that the edit carries them over rather than a search building them anew.
    private static GraphIndex WithNameIndex(GraphIndex index)
    {
        _ = index.Names;
        _ = index.IdsNamed("");
        return index;
    }

    // Every Chinese name the generated nodes can have.
    private static readonly string[] ChineseNames = [.. Names.SelectMany(name => Ids.Select(id => name + id))];

    // Needles that hit the generated names in Chinese, in English, across a name's id part and not at all.
    private static readonly string[] Needles = ["球管", "探", "ct", "tube", "t0", "c3", "器c", "or", "超声"];

    private static void ShouldBeAlike(GraphIndex actual, GraphIndex expected)
    {
        if (actual.HasNameIndex)
        {
            actual.Names.Entries.OrderBy(e => e.Key).Select(e => (e.Key, string.Join(",", e.Value)))
                .ShouldBe(expected.Names.Entries.OrderBy(e => e.Key).Select(e => (e.Key, string.Join(",", e.Value))));
            actual.Names.SortedNames.ShouldBe(expected.Names.SortedNames);
            foreach (var needle in Needles)
            {
                var all = Roadmap.Core.Analysis.NameSearch.Rank(expected, needle, null).Select(h => (h.Node.Id, h.Match, h.Length)).ToList();
                Roadmap.Core.Analysis.NameSearch.Page(actual, needle, null, null, 100).Hits.Select(h => (h.Node.Id, h.Match, h.Length)).ShouldBe(all, needle);
                // Short pages, which prefix matches alone can fill (a node whose nameEn and alias are alike counts once).
                foreach (var size in new[] { 1, 2, 3 })
                {
                    Roadmap.Core.Analysis.NameSearch.Page(actual, needle, null, null, size).Hits.Select(h => (h.Node.Id, h.Match, h.Length)).ShouldBe(all.Take(size), needle);
                }
            }
        }
        actual.Nodes.Select(n => n.Id).ShouldBe(expected.Nodes.Select(n => n.Id));
        foreach (var nameZh in ChineseNames) actual.IdsNamed(nameZh).ShouldBe(expected.IdsNamed(nameZh), nameZh);
        for (var v = 0; v < expected.NodeCount; v++)
        {
            actual.NodeAt(v).ShouldBeSameAs(expected.NodeAt(v));
            actual.KindOf(v).ShouldBe(expected.KindOf(v));
            actual.IndexOf(expected.NodeAt(v).Id).ShouldBe(v);
            foreach (var direction in new[] { Direction.Forward, Direction.Backward })
            {
                actual.EdgesOf(v, direction).ToArray().ShouldBe(expected.EdgesOf(v, direction).ToArray());
                foreach (var type in Enum.GetValues<EdgeType>())
                {
                    actual.EdgesOf(v, direction, type).ToArray().ShouldBe(expected.EdgesOf(v, direction, type).ToArray());
                }
            }
        }
        actual.IndexOf("component:missing").ShouldBe(-1);
        actual.EdgeCount.ShouldBe(expected.EdgeCount);
        for (var e = 0; e < expected.EdgeCount; e++)
        {
            actual.EdgeAt(e).ShouldBeSameAs(expected.EdgeAt(e));
            (actual.EdgeFrom(e), actual.EdgeTo(e), actual.TypeOf(e)).ShouldBe((expected.EdgeFrom(e), expected.EdgeTo(e), expected.TypeOf(e)));
            actual.GroupSlot(e).ShouldBe(expected.GroupSlot(e));
        }
        actual.GroupCount.ShouldBe(expected.GroupCount);
        for (var slot = 0; slot < expected.GroupCount; slot++) actual.GroupSize(slot).ShouldBe(expected.GroupSize(slot));
        // An edit appends names and leaves dropped ones in the text, owned by no node: each node's names, where the
        // text says they are, and what a scan of the text finds must agree with a fresh index, not the text itself.
        for (var v = 0; v < expected.NodeCount; v++) NamesOf(actual, v).ShouldBe(NamesOf(expected, v));
        for (var position = 0; position < actual.SearchText.Length; position++)
        {
            var (start, length, node) = actual.NameAt(position);
            if (node >= 0) NamesOf(actual, node).ShouldContain(actual.SearchText.Slice(start, length).ToString());
        }
        foreach (var needle in Needles.Append(""))
        {
            Roadmap.Core.Analysis.NameSearch.Rank(actual, needle, null).Select(h => (h.Node.Id, h.Match, h.Length))
                .ShouldBe(Roadmap.Core.Analysis.NameSearch.Rank(expected, needle, null).Select(h => (h.Node.Id, h.Match, h.Length)), needle);
        }
    }

    private static List<string> NamesOf(GraphIndex graph, int node)
    {
        var (first, last) = graph.NamesOf(node);
        return [.. Enumerable.Range(first, last - first).Select(k => graph.Name(k).ToString())];
    }
}
