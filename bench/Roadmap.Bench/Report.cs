namespace Roadmap.Bench;

/// <summary>Writes BENCHMARKS.md and its chart from the results of one run of bench/run.sh.</summary>
public static class BenchmarkReport
{
    public static void Write(string resultsDirectory, string outputPath) => throw new NotImplementedException();
}
