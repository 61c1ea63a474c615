using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage;

namespace Roadmap.Cli.Commands;

/// <summary>The options every command takes (<c>--seeds</c>, <c>--database</c>) and the settings built from them.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Seeds = new("--seeds") { Description = "The seeds directory (default: found above the working directory).", Recursive = true };

    public static readonly Option<string?> Database = new("--database") { Description = "The embedded store's SQLite file (default: roadmap.db).", Recursive = true };

    public static SeedsOptions SeedsOf(ParseResult parse) => new() { Path = parse.GetValue(Seeds) };

    public static EmbeddedStoreOptions StoreOf(ParseResult parse) => new() { DatabasePath = parse.GetValue(Database) ?? new EmbeddedStoreOptions().DatabasePath };

    /// <summary>The environment (plain and <c>ROADMAP_</c>-prefixed), with <c>--seeds</c> and <c>--database</c> on top.</summary>
    public static IConfiguration ConfigurationOf(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Seeds) is { } seeds) overrides["Seeds:Path"] = seeds;
        if (parse.GetValue(Database) is { } database) overrides["Store:Embedded:DatabasePath"] = database;
        return new ConfigurationBuilder().AddEnvironmentVariables().AddEnvironmentVariables("ROADMAP_").AddInMemoryCollection(overrides).Build();
    }
}
