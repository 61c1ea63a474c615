using System.Collections.Frozen;

namespace Roadmap.Core.Storage.Neo4j;

/// <summary>
/// The Cypher statements of the Neo4j store, one per operation, read from the files of <c>cypher/queries</c>
/// that the build embeds in this assembly. Statements take parameters only: no user input is ever spliced in.
/// </summary>
public static class CypherQueries
{
    private static readonly FrozenDictionary<string, string> Statements = typeof(CypherQueries).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith("cypher/", StringComparison.Ordinal))
        .ToFrozenDictionary(
            name => Path.GetFileNameWithoutExtension(name),
            name =>
            {
                using var stream = typeof(CypherQueries).Assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            });

    public static IReadOnlyCollection<string> Names => Statements.Keys;

    /// <summary>The constraints and indexes of <c>cypher/schema.cypher</c>, statements ended by ';'.</summary>
    public static string Schema { get; } = ReadResource("cypher-schema/schema.cypher");

    /// <summary>The statements of <c>cypher/schema.cypher</c>, one by one, comments removed.</summary>
    public static IEnumerable<string> SchemaStatements() =>
        string.Join('\n', Schema.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)))
            .Split(';').Select(s => s.Trim()).Where(s => s.Length > 0);

    private static string ReadResource(string name)
    {
        using var stream = typeof(CypherQueries).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The statement of <c>cypher/queries/{name}.cypher</c>.</summary>
    public static string Get(string name) =>
        Statements.TryGetValue(name, out var statement) ? statement : throw new KeyNotFoundException($"No cypher/queries/{name}.cypher");
}
