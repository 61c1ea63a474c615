using System.Text.Json;
using System.Text.RegularExpressions;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Tests.Core.Storage.Neo4j;

/// <summary>The Cypher files of the Neo4j store: the statements the code runs, the schema, and the lint schema.</summary>
public partial class CypherFilesTests
{
    private static string StoreSource => Path.Combine(Repo.Root, "src", "Roadmap.Core", "Storage", "Neo4j");

    /// <summary>The first argument of a call that names a query: client.RunAsync("stats", …), Read(a ? "edges_out" : "edges_in", …), Statement("import_nodes", …).</summary>
    [GeneratedRegex("""\b(?:RunAsync|Read|Statement)\(\s*(?<argument>[^,;()]*?)\s*,""")]
    private static partial Regex QueryArgument();

    /// <summary>A statement of a transaction: statements.Add(("import_nodes", parameters)).</summary>
    [GeneratedRegex("""\(\(\s*(?<argument>"[^"]*")\s*,""")]
    private static partial Regex TransactionStatement();

    [GeneratedRegex(@"""(?<value>[^""\\]*)""")]
    private static partial Regex StringLiteral();

    /// <summary>Every query name the Neo4j store's code passes, read from its source.</summary>
    private static SortedSet<string> NamesTheCodeRuns()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(StoreSource, "*.cs"))
        {
            var text = File.ReadAllText(file);
            foreach (var call in QueryArgument().Matches(text).Concat(TransactionStatement().Matches(text)))
            {
                foreach (Match literal in StringLiteral().Matches(call.Groups["argument"].Value)) names.Add(literal.Groups["value"].Value);
            }
        }
        return names;
    }

    [Fact]
    public void Every_query_name_the_store_code_runs_resolves_to_an_embedded_statement()
    {
        var names = NamesTheCodeRuns();
        names.ShouldNotBeEmpty($"no query names found in {StoreSource}: has the call pattern changed?");

        var unresolved = names.Where(name =>
        {
            try
            {
                return string.IsNullOrWhiteSpace(CypherQueries.Get(name));
            }
            catch (KeyNotFoundException)
            {
                return true;
            }
        });

        unresolved.ShouldBeEmpty($"run by the code, but no cypher/queries file is embedded under that name (found: {string.Join(", ", names)})");
    }

    [Fact]
    public void Every_query_file_is_run_by_the_store_code()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Repo.Root, "cypher", "queries"), "*.cypher").Select(f => Path.GetFileNameWithoutExtension(f)!);

        files.Except(NamesTheCodeRuns(), StringComparer.Ordinal).ShouldBeEmpty("dead query files: no code in src/Roadmap.Core/Storage/Neo4j runs them");
    }

    [Fact]
    public void The_schema_is_the_create_statements_of_schema_cypher_each_safe_to_repeat()
    {
        var creates = File.ReadAllLines(Path.Combine(Repo.Root, "cypher", "schema.cypher")).Count(l => l.StartsWith("CREATE ", StringComparison.Ordinal));

        var statements = CypherQueries.SchemaStatements().ToList();

        statements.Count.ShouldBe(creates);
        statements.ShouldAllBe(s => s.StartsWith("CREATE ", StringComparison.Ordinal) && s.Contains(" IF NOT EXISTS ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_lint_schema_names_exactly_the_models_labels_and_relationship_types()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "cypher", "graph-schema.json")));

        schema.RootElement.GetProperty("labels").EnumerateArray().Select(e => e.GetString()).Order()
            .ShouldBe(Enum.GetNames<NodeKind>().Append("Node").Append("Revision").Order()); // Revision: the import counter of bump_revision
        schema.RootElement.GetProperty("relationshipTypes").EnumerateArray().Select(e => e.GetString()).Order()
            .ShouldBe(Enum.GetValues<EdgeType>().Select(t => EnumNames.ToConstant(t)).Order());
    }
}
