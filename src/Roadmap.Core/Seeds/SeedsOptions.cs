namespace Roadmap.Core.Seeds;

/// <summary>
/// Where the seeds are (configuration section <c>Seeds</c>). The default, no path, finds them by walking up from
/// the working directory and from the assembly, so a checkout runs with no configuration.
/// </summary>
public sealed class SeedsOptions
{
    public const string Section = "Seeds";

    /// <summary>The seeds directory (holding <c>graph/</c> and <c>documents/</c>); null means "find it".</summary>
    public string? Path { get; set; }

    /// <summary>The seeds directory as a full path; throws when the configured one does not exist or none is found.</summary>
    public string Resolve()
    {
        if (!string.IsNullOrWhiteSpace(Path))
        {
            return Directory.Exists(Path) ? System.IO.Path.GetFullPath(Path)
                : throw new DirectoryNotFoundException($"Seeds:Path '{Path}' does not exist.");
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "seeds");
                if (Directory.Exists(System.IO.Path.Combine(candidate, "graph"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException("No seeds/graph directory found above the working directory; set Seeds:Path.");
    }
}
