using System.Text.Json;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Tests.Core.Storage.Neo4j;

/// <summary>The Cypher files of the Neo4j store: the statements the code runs, the schema, and the lint schema.</summary>
public class CypherFilesTests
{
    [Fact]
    public void The_lint_schema_names_exactly_the_models_labels_and_relationship_types()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "cypher", "graph-schema.json")));

        schema.RootElement.GetProperty("labels").EnumerateArray().Select(e => e.GetString()).Order()
            .ShouldBe(Enum.GetNames<NodeKind>().Append("Node").Order());
        schema.RootElement.GetProperty("relationshipTypes").EnumerateArray().Select(e => e.GetString()).Order()
            .ShouldBe(Enum.GetValues<EdgeType>().Select(t => EnumNames.ToConstant(t)).Order());
    }

    [Fact]
    public void Every_statement_the_store_runs_is_a_file_in_cypher_queries()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Repo.Root, "cypher", "queries"), "*.cypher").Select(Path.GetFileNameWithoutExtension).Order();

        CypherQueries.Names.Order().ShouldBe(files);
        CypherQueries.SchemaStatements().Count().ShouldBe(9);
    }
}
