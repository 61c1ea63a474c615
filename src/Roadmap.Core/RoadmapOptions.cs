namespace Roadmap.Core;

/// <summary>
/// Where the graph comes from. Every setting has a default that works from a checkout with no configuration:
/// the seeds are found by walking up from the working directory, the database file lands beside it.
/// Bound from the configuration keys <c>Seeds:Path</c> and <c>Store:Embedded:DatabasePath</c>.
/// </summary>
public sealed class RoadmapOptions
{
    /// <summary>The seeds directory (holding <c>graph/</c> and <c>documents/</c>); null means "find it".</summary>
    public string? SeedsPath { get; set; }

    /// <summary>The embedded store's SQLite file.</summary>
    public string DatabasePath { get; set; } = "roadmap.db";

    public string ResolveSeedsPath()
    {
        if (!string.IsNullOrWhiteSpace(SeedsPath))
        {
            return Directory.Exists(SeedsPath) ? Path.GetFullPath(SeedsPath)
                : throw new DirectoryNotFoundException($"Seeds:Path '{SeedsPath}' does not exist.");
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seeds");
                if (Directory.Exists(Path.Combine(candidate, "graph"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException("No seeds/graph directory found above the working directory; set Seeds:Path.");
    }
}
