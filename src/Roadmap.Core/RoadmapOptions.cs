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

    /// <summary>When the embedded store loads the seeds into its file (<c>Store:Embedded:SeedImport</c>).</summary>
    public SeedImport SeedImport { get; set; } = SeedImport.WhenUnedited;

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

public enum SeedImport
{
    /// <summary>
    /// Import into a new file, and re-import when the seeds changed, unless the file holds edits made through the
    /// API: those are never overwritten (export them with <c>roadmap export --format yaml</c> and commit them).
    /// </summary>
    WhenUnedited,

    /// <summary>Serve the file as it is (a generated benchmark graph, or a file curated elsewhere).</summary>
    Never,
}
