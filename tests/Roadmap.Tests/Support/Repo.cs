namespace Roadmap.Tests.Support;

/// <summary>Where the repository's files are, found from the test binaries' location.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Roadmap.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Roadmap.sln not found above " + AppContext.BaseDirectory);
    }
}
