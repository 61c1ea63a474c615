using BenchmarkDotNet.Attributes;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage;

namespace Roadmap.Bench;

/// <summary>
/// The service's questions on generated roadmaps of each scale (directories under ROADMAP_BENCH_DATA, named in
/// ROADMAP_BENCH_SCALES), answered by the engine and, in the same class and process, by SQLite recursive CTEs over
/// the same graph's file. bench/run.sh has already checked that both give the same answers.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class ScaleBenchmarks
{
    public static IEnumerable<string> Scales() =>
        (Environment.GetEnvironmentVariable("ROADMAP_BENCH_SCALES") ?? "10k").Split(',', StringSplitOptions.RemoveEmptyEntries);

    [ParamsSource(nameof(Scales))]
    public string Scale { get; set; } = "";

    private GraphIndex _graph = null!;
    private BenchQueries _queries = null!;
    private SqliteQuestions _sqlite = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = DataSet.AtScale(Scale);
        _queries = data.ReadQueries();
        _graph = data.LoadGraph();
        _sqlite = new SqliteQuestions(data.DatabasePath, _queries);
        // The name index is built on the first search; build it here so no iteration pays for it.
        _ = _graph.Names;
        // Likewise the filter index, built on the first filter (its build is timed on its own: "filter index build").
        _ = _graph.Filters;
        // And the bottleneck ranking, which the two edits below carry over (the first ranking is timed on its own).
        _ = _graph.Bottlenecks;
        (_addEdge, _addNode) = RankingEdits(_graph);
    }

    [GlobalCleanup]
    public void Cleanup() => _sqlite.Dispose();

    private GraphEdit _addEdge = null!;
    private GraphEdit _addNode = null!;

    // A product given one more component, and a new component under a product: each applied to the loaded graph
    // every time, with its ranking carried through the edit.
    private static (GraphEdit AddEdge, GraphEdit AddNode) RankingEdits(GraphIndex graph)
    {
        var source = new Source(graph.Nodes.First(n => n.Kind == NodeKind.Document).Id, "1", "bench");
        var product = graph.Nodes.First(n => n.Kind == NodeKind.Product).Id;
        var required = graph.EdgesOf(graph.IndexOf(product), Direction.Forward).ToArray().Select(e => graph.EdgeTo(e)).ToHashSet();
        var component = Enumerable.Range(0, graph.NodeCount).First(v => graph.KindOf(v) == NodeKind.Component && !required.Contains(v));
        var addEdge = new GraphEdit("addEdge", [], [new Change<Edge>(null, new Edge(product, EdgeType.Requires, graph.NodeAt(component).Id, [source]))]);
        var node = new Node { Id = "component:bench-ranked", Kind = NodeKind.Component, NameZh = "基准部件", NameEn = "bench part", Sources = [source] };
        var addNode = new GraphEdit("createNode", [new Change<Node>(null, node)], [new Change<Edge>(null, new Edge(product, EdgeType.Requires, node.Id, [source]))]);
        return (addEdge, addNode);
    }

    [Benchmark(Description = "impact")]
    public int Impact() => RoadmapQuestions.Impact(_graph, _queries).Impacted.Count;

    [Benchmark(Description = "dependencies")]
    public int Dependencies() => RoadmapQuestions.Dependencies(_graph, _queries).Nodes.Count;

    [Benchmark(Description = "paths")]
    public int Paths() => RoadmapQuestions.Paths(_graph, _queries).Count;

    [Benchmark(Description = "search")]
    public int Search() => RoadmapQuestions.Search(_graph, _queries).Count;

    [Benchmark(Description = "search, by a scan of every name (before the name index)")]
    public int SearchScan() => NameSearch.Rank(_graph, _queries.SearchText, null).Take(BenchQueries.SearchFirst).Count();

    // The ranking a graph's first bottlenecks query pays for; later queries read it from the cache ("bottlenecks (query)").
    [Benchmark(Description = "bottlenecks: first ranking")]
    public int BottlenecksRanking() => Analytics.RankBottlenecks(_graph).Count;

    [Benchmark(Description = "bottlenecks: ranking after an edit (incremental)")]
    public int BottlenecksAfterEdge() => _graph.Apply(_addEdge).Bottlenecks.Ranked.Count;

    [Benchmark(Description = "bottlenecks: ranking after a new node (incremental)")]
    public int BottlenecksAfterNode() => _graph.Apply(_addNode).Bottlenecks.Ranked.Count;

    [Benchmark(Description = "bottlenecks (query)")]
    public int Bottlenecks() => Analytics.Bottlenecks(_graph, new HashSet<NodeKind> { NodeKind.Component }, null, 20).Count;

    [Benchmark(Description = "filter")]
    public int Filter() => RoadmapQuestions.Filter(_graph).Count;

    [Benchmark(Description = "filter: every node asked")]
    public int FilterScan() => NodeSelection.Scan(_graph, RoadmapQuestions.ProductsWithoutComponents).Count;

    [Benchmark(Description = "filter: kind and field")]
    public int FieldFilter() => RoadmapQuestions.FieldFilter(_graph).Count;

    [Benchmark(Description = "filter: kind and field, every node asked")]
    public int FieldFilterScan() => NodeSelection.Scan(_graph, RoadmapQuestions.ImagingProducts).Count;

    [Benchmark(Description = "filter index build")]
    public FilterIndex FilterIndexBuild() => FilterIndex.Build(_graph);

    [Benchmark(Description = "counts")]
    public int Counts() => RoadmapQuestions.Counts(_graph).Count;

    [Benchmark(Description = "counts: kind and field, by status")]
    public int FieldCounts() => RoadmapQuestions.FieldCounts(_graph).Count;

    [Benchmark(Description = "sqlite: filter kind and field")]
    public long SqliteFieldFilter() => _sqlite.FieldFilterCount();

    [Benchmark(Description = "sqlite: counts kind and field, by status")]
    public int SqliteFieldCounts() => _sqlite.FieldCounts().Count;

    [Benchmark(Description = "sqlite: filter")]
    public long SqliteFilter() => _sqlite.FilterCount();

    [Benchmark(Description = "sqlite: counts")]
    public int SqliteCounts() => _sqlite.Counts().Count;

    [Benchmark(Description = "sqlite: impact")]
    public long SqliteImpact() => _sqlite.ImpactCount();

    [Benchmark(Description = "sqlite: dependencies")]
    public long SqliteDependencies() => _sqlite.DependenciesCount();

    [Benchmark(Description = "sqlite: paths")]
    public int SqlitePaths() => _sqlite.Paths().Count;

    [Benchmark(Description = "sqlite: search")]
    public int SqliteSearch() => _sqlite.Search().Count;
}
