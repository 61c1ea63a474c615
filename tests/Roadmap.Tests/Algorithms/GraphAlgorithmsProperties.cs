using CsCheck;
using Roadmap.Core.Analysis;
using Roadmap.Core.Model;
using Roadmap.Core.Storage;

namespace Roadmap.Tests.Algorithms;

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
}
