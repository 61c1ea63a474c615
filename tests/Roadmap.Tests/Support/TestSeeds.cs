using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;

namespace Roadmap.Tests.Support;

/// <summary>
/// The small test graph whose answers the tests know, kept once: the seeds directory Support/TestSeeds (a diamond,
/// a three-level chain, a variant, a technology, an assessment and a target; 8 nodes, 7 edges). The API factories
/// serve it, the CLI and the durability tests run on it, and the store tests load it from here.
/// </summary>
internal static class TestSeeds
{
    private static readonly Lazy<GraphData> Loaded = new(Load);

    /// <summary>The directory, as the build copies it next to the test binaries.</summary>
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Support", "TestSeeds");

    /// <summary>The graph the directory loads into, loaded once.</summary>
    public static GraphData Graph => Loaded.Value;

    /// <summary>A copy of the directory in a new temporary one, for a test that changes the seed files.</summary>
    public static string CopyToTemp(string prefix)
    {
        var copy = Directory.CreateTempSubdirectory(prefix).FullName;
        foreach (var dir in new[] { "graph", "documents" })
        {
            Directory.CreateDirectory(System.IO.Path.Combine(copy, dir));
            foreach (var file in Directory.EnumerateFiles(System.IO.Path.Combine(Path, dir))) File.Copy(file, System.IO.Path.Combine(copy, dir, System.IO.Path.GetFileName(file)));
        }
        return copy;
    }

    private static GraphData Load()
    {
        var result = SeedLoader.Load(Path);
        return result.Issues.Count == 0 ? result.Graph : throw new InvalidDataException("The test seeds are invalid:\n" + string.Join("\n", result.Issues));
    }
}
