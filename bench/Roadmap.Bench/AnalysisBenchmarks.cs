using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage;

namespace Roadmap.Bench;

/// <summary>
/// Each analysis on the seed graph, in memory. The baseline is the peer measured in the same run: the
/// "what needs this component" question answered by SQLite itself, with a recursive CTE over the embedded
/// store's own database file, so the ratios say what the in-memory read model buys.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    // The component with the most dependents within depth 8 (among those of highest in-degree), so the searches
    // touch as much of the graph as any; picked as for the generated graphs, so that it follows the seeds.
    private string _highFanIn = null!;

    private GraphIndex _graph = null!;
    private SqliteConnection _sqlite = null!;
    private SqliteCommand _dependents = null!;

    [GlobalSetup]
    public void Setup()
    {
        var seeds = new SeedsOptions().Resolve();
        var loaded = SeedLoader.Load(seeds);
        if (!loaded.IsValid) throw new InvalidOperationException(loaded.Issues[0].ToString());
        var database = Path.Combine(Path.GetTempPath(), $"roadmap-bench-{Environment.ProcessId}.db");
        var file = new SqliteGraphFile(database);
        file.Import(loaded.Graph, "bench");
        _graph = new GraphIndex(file.Read());
        _highFanIn = SyntheticRoadmap.PickQueries(_graph).HighFanIn;
        Console.WriteLine($"// high fan-in component: {_highFanIn}");

        _sqlite = new SqliteConnection($"Data Source={database}");
        _sqlite.Open();
        _dependents = _sqlite.CreateCommand();
        _dependents.CommandText = """
            WITH RECURSIVE up(id, depth) AS (
                SELECT $id, 0
                UNION
                SELECT e.from_id, up.depth + 1 FROM edges e JOIN up ON e.to_id = up.id WHERE up.depth < 8)
            SELECT count(DISTINCT id) FROM up
            """;
        _dependents.Parameters.AddWithValue("$id", _highFanIn);
    }

    [GlobalCleanup]
    public void Cleanup() => _sqlite.Dispose();

    [Benchmark(Baseline = true, Description = "peer: SQLite recursive CTE, dependents depth 8")]
    public long SqliteDependents() => (long)_dependents.ExecuteScalar()!;

    [Benchmark(Description = "impact depth 8, with severity")]
    public int Impact() => GraphAlgorithms.Impact(_graph, [_highFanIn], 8).Impacted.Count;

    [Benchmark(Description = "impact, assumeGaps")]
    public int ImpactAssumingGaps() => GraphAlgorithms.Impact(_graph, [.. Analytics.AssessedGaps(_graph)], 8).Impacted.Count;

    [Benchmark(Description = "dependents depth 8")]
    public int Dependents() => GraphAlgorithms.Reach(_graph, _highFanIn, Direction.Backward, 8).Nodes.Count;

    [Benchmark(Description = "bottlenecks: rank every node (uncached)")]
    public int BottlenecksRanking() => Analytics.RankBottlenecks(_graph).Count;

    [Benchmark(Description = "bottlenecks: a query on the cached ranking")]
    public int Bottlenecks() => Analytics.Bottlenecks(_graph, new HashSet<NodeKind> { NodeKind.Component }, null, 20).Count;

    [Benchmark(Description = "changes 2016 to 2021")]
    public int Changes() => Analytics.Changes(_graph, 2016, 2021).Count;

    [Benchmark(Description = "compareDocuments 000 vs 003")]
    public int Compare() => Analytics.CompareDocuments(_graph, "document:13fyp-medical-device-st", "document:14fyp-medical-equipment")!.Both.Count;

    [Benchmark(Description = "roadmap of CT, depth 6")]
    public int RoadmapOfCt() => Analytics.Roadmap(_graph, "product:ct", 6)!.Edges.Count;

    [Benchmark(Description = "export roadmap of CT as Mermaid")]
    public int ExportMermaid()
    {
        var roadmap = Analytics.Roadmap(_graph, "product:ct", 6)!;
        return Export.Write(ExportFormat.Mermaid, [.. roadmap.Layers.SelectMany(l => l.Nodes)], roadmap.Edges).Length;
    }
}
