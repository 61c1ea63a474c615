using CsCheck;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage;

namespace Roadmap.Tests.Core.Analysis;

/// <summary>The traversals against brute-force answers on random small graphs, cycles and parallel routes included.</summary>
public class GraphAlgorithmsProperties
{
    private static readonly Gen<(int Nodes, (int From, int To)[] Edges)> RandomGraph =
        Gen.Int[2, 8].SelectMany(n => Gen.Select(Gen.Int[0, n - 1], Gen.Int[0, n - 1]).Where(e => e.Item1 != e.Item2).Array[0, 20]
            .Select(edges => (n, edges.Distinct().ToArray())));

    private static GraphIndex ToIndex(int nodes, (int From, int To)[] edges)
    {
        var data = TestGraphs.Build(edges.Select(e => $"component:n{e.From}>component:n{e.To}").ToArray());
        var all = Enumerable.Range(0, nodes).Select(i => TestGraphs.NodeFor($"component:n{i}"))
            .ExceptBy(data.Nodes.Select(n => n.Id), n => n.Id).Concat(data.Nodes).ToList();
        return new GraphIndex(new GraphData(all, data.Edges));
    }

    private static List<List<int>> AllSimplePaths(int nodes, (int From, int To)[] edges, int from, int to, int maxLength)
    {
        var found = new List<List<int>>();
        void Walk(List<int> path)
        {
            var last = path[^1];
            if (last == to && path.Count > 1) { found.Add([.. path]); return; }
            if (path.Count - 1 == maxLength) return;
            foreach (var (a, b) in edges.Where(e => e.From == last && !path.Contains(e.To)))
            {
                path.Add(b);
                Walk(path);
                path.RemoveAt(path.Count - 1);
            }
        }
        Walk([from]);
        return found;
    }

    [Fact]
    public void Paths_are_the_shortest_simple_paths_that_brute_force_finds()
    {
        RandomGraph.Select(Gen.Int[1, 6], Gen.Int[1, 5]).Sample(((int Nodes, (int From, int To)[] Edges) g, int maxLength, int limit) =>
        {
            var index = ToIndex(g.Nodes, g.Edges);
            var expected = AllSimplePaths(g.Nodes, g.Edges, 0, 1, maxLength).Select(p => p.Count - 1).Order().Take(limit).ToList();

            var actual = GraphAlgorithms.Paths(index, "component:n0", "component:n1", maxLength, limit);

            actual.Select(p => p.Length).ShouldBe(expected);
            foreach (var path in actual)
            {
                path.Nodes.Select(n => n.Id).Distinct().Count().ShouldBe(path.Nodes.Count);
                for (var i = 0; i < path.Edges.Count; i++)
                {
                    path.Edges[i].From.ShouldBe(path.Nodes[i].Id);
                    path.Edges[i].To.ShouldBe(path.Nodes[i + 1].Id);
                }
            }
        }, iter: 2000);
    }

    [Fact]
    public void Reach_finds_exactly_the_nodes_within_max_depth()
    {
        RandomGraph.Select(Gen.Int[1, 5]).Sample(((int Nodes, (int From, int To)[] Edges) g, int maxDepth) =>
        {
            var index = ToIndex(g.Nodes, g.Edges);
            var depth = new Dictionary<int, int> { [0] = 0 };
            var frontier = new List<int> { 0 };
            for (var d = 1; d <= maxDepth; d++)
            {
                frontier = frontier.SelectMany(v => g.Edges.Where(e => e.From == v).Select(e => e.To)).Where(w => !depth.ContainsKey(w)).Distinct().ToList();
                foreach (var w in frontier) depth[w] = d;
            }

            var result = GraphAlgorithms.Reach(index, "component:n0", Direction.Forward, maxDepth);

            result.Nodes.Select(n => n.Id).Order().ShouldBe(depth.Keys.Select(k => $"component:n{k}").Order());
            var impact = GraphAlgorithms.Impact(index, ["component:n0"], maxDepth);
            impact.Impacted.ShouldAllBe(i => i.Path.Length == i.Distance);
        }, iter: 2000);
    }

    // Names from a small alphabet, so that needles match often, at word starts, inside words and in Chinese.
    private static readonly Gen<string> Name = Gen.Char["ab 1超声"].Array[0, 6].Select(c => new string(c));

    [Fact]
    public void Search_ranks_as_a_search_of_each_name_would()
    {
        Gen.Select(Name.Array[1, 3].Array[1, 8], Gen.Char["aB 超1"].Array[0, 3].Select(c => new string(c)), Gen.Int[1, 10])
            .Sample((string[][] names, string text, int first) =>
            {
                var nodes = names.Select((n, i) => TestGraphs.NodeFor($"component:n{i}") with
                {
                    NameZh = n[0], NameEn = n.Length > 1 ? n[1] : "", Aliases = n.Skip(2).ToList(),
                }).ToList();
                var index = new GraphIndex(new GraphData(nodes, []));

                // The ranking spelt out per node and per name: exact, prefix, word start, anywhere; then length, then id.
                var needle = text.Trim().ToLowerInvariant();
                var expected = index.Nodes
                    .Select(node => (node, best: new[] { node.NameZh, node.NameEn }.Concat(node.Aliases).Select(x => x.ToLowerInvariant())
                        .Where(x => x.Contains(needle, StringComparison.Ordinal))
                        .Select(x => (Rank: x.Length == needle.Length ? 0 : x.StartsWith(needle, StringComparison.Ordinal) ? 1
                            : !char.IsAsciiLetterOrDigit(x[x.IndexOf(needle, StringComparison.Ordinal) - 1]) || !char.IsAsciiLetterOrDigit(x[x.IndexOf(needle, StringComparison.Ordinal)]) ? 2 : 3, x.Length))
                        .DefaultIfEmpty((Rank: int.MaxValue, Length: int.MaxValue)).Min()))
                    .Where(h => h.best.Rank != int.MaxValue)
                    .OrderBy(h => h.best).ThenBy(h => h.node.Id, StringComparer.Ordinal)
                    .Select(h => h.node.Id).ToList();

                GraphAlgorithms.Search(index, text, null, first).Select(n => n.Id).ShouldBe(expected.Take(first));
                // Through the name index, a page at a time from each page's last key: the same hits, each once.
                var page = NameSearch.Page(index, text, null, null, first);
                var rest = page.Hits.Count > 0 ? NameSearch.Page(index, text, null, page.Hits[^1].Key, int.MaxValue).Hits : [];
                page.Hits.Concat(rest).Select(h => h.Node.Id).ShouldBe(expected);
                page.TotalCount.ShouldBe(expected.Count);
                page.HasNextPage.ShouldBe(expected.Count > first);
            });
    }
}
