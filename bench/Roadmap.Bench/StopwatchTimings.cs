using System.Diagnostics;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;

namespace Roadmap.Bench;

/// <summary>One question's Stopwatch timing: the median of its timed runs, after one untimed run.</summary>
public sealed record StopwatchTiming(double MedianMs, int Runs);

/// <summary>
/// Roadmap's traversals timed with a Stopwatch in the process that has already loaded the graph: at 10M nodes a
/// BenchmarkDotNet run would load the graph again per benchmark and take hours, so bench/run.sh times the 1M and 10M
/// graphs this way, like for like, for the ratio of each traversal at 10M to its time at 1M.
/// </summary>
public static class StopwatchTimings
{
    // The ranking reads every node's dependents, seconds at 10M: fewer runs than the traversals that touch a few thousand.
    private const int RankingRuns = 3;

    public static Dictionary<string, StopwatchTiming> Measure(GraphIndex graph, BenchQueries queries, int runs) => new()
    {
        ["impact"] = Time(runs, () => RoadmapQuestions.Impact(graph, queries).Impacted.Count),
        ["dependencies"] = Time(runs, () => RoadmapQuestions.Dependencies(graph, queries).Nodes.Count),
        ["paths"] = Time(runs, () => RoadmapQuestions.Paths(graph, queries).Count),
        ["search"] = Time(runs, () => RoadmapQuestions.Search(graph, queries).Count),
        ["bottlenecks: first ranking"] = Time(Math.Min(runs, RankingRuns), () => Analytics.RankBottlenecks(graph).Count),
    };

    private static StopwatchTiming Time(int runs, Func<int> question)
    {
        question();
        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            question();
            samples[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(samples);
        return new StopwatchTiming(samples[runs / 2], runs);
    }
}
