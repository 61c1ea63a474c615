using BenchmarkDotNet.Attributes;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;

namespace Roadmap.Bench;

/// <summary>
/// The what-if questions on the generated roadmaps (ROADMAP_BENCH_DATA, ROADMAP_BENCH_SCALES), each beside what it
/// costs to ask impact twice, once per scenario: compareScenarios is two impacts and a comparison; blockers looks
/// down from one node instead of out from every gap. The base keeps the high-fan-in component unavailable on top of
/// the generated judgements; the alternative resolves it (the docs' localisation what-if).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class ScenarioBenchmarks
{
    [ParamsSource(nameof(Scales))]
    public string Scale { get; set; } = "";

    public static IEnumerable<string> Scales() => ScaleBenchmarks.Scales();

    private GraphIndex _graph = null!;
    private BenchQueries _queries = null!;
    private Scenario _base = null!;
    private Scenario _alternative = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = DataSet.AtScale(Scale);
        _queries = data.ReadQueries();
        _graph = data.LoadGraph();
        _base = new Scenario { Gaps = [_queries.HighFanIn], AssumeGaps = true };
        _alternative = new Scenario { AssumeGaps = true, Resolved = [_queries.HighFanIn] };
    }

    [Benchmark(Baseline = true, Description = "two impact calls (base, alternative)")]
    public int TwoImpacts() =>
        ScenarioAnalysis.Impact(_graph, _base, BenchQueries.ImpactDepth).Impacted.Count + ScenarioAnalysis.Impact(_graph, _alternative, BenchQueries.ImpactDepth).Impacted.Count;

    [Benchmark(Description = "compareScenarios")]
    public int CompareScenarios() =>
        ScenarioAnalysis.Compare(ScenarioAnalysis.Impact(_graph, _base, BenchQueries.ImpactDepth), ScenarioAnalysis.Impact(_graph, _alternative, BenchQueries.ImpactDepth))
            .Kinds.Sum(k => k.All.Count());

    [Benchmark(Description = "blockers (a program, base scenario)")]
    public int BlockersOfProgram() => ScenarioAnalysis.Blockers(_graph, _queries.DependencyRoot, _base, 20, 3)!.GapCount;

    [Benchmark(Description = "blockers (the high-fan-in component's first dependent)")]
    public int BlockersOfDependent() => ScenarioAnalysis.Blockers(_graph, _graph.EdgeAt(_graph.EdgesOf(_graph.IndexOf(_queries.HighFanIn), Direction.Backward)[0]).From, _base, 20, 3)!.GapCount;
}
