using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Tests.Core.Storage.Neo4j;

public sealed class Neo4jImporterTests : IAsyncLifetime
{
    private QueryApiStub _stub = null!;

    public async Task InitializeAsync() => _stub = await QueryApiStub.StartAsync(TestSeeds.Graph);

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task An_import_applies_the_schema_then_merges_nodes_and_edges_in_batches_then_removes_the_rest()
    {
        var graph = TestSeeds.Graph;
        var progress = new List<int>();
        var client = Neo4jQueryClient.Create(_stub.CreateClient(), new Neo4jOptions { Url = _stub.Url, RetryDelay = TimeSpan.Zero });

        await Neo4jImporter.ImportAsync(client, graph, batchSize: 5, new SyncProgress(p => progress.Add(p.Done)), CancellationToken.None);

        var requests = _stub.Requests.ToList();
        requests.Take(9).ShouldAllBe(r => r.Query == "schema" && r.AccessMode == null && r.Path == "/db/neo4j/query/v2"); // implicit, one by one
        var id = requests[10].Path.Split('/')[^1];
        id.ShouldMatch("^[0-9a-f]{16}$"); // the id the stub made up when the transaction opened
        requests.Skip(9).Select(r => (r.Query, r.Path)).ShouldBe([
            ("import_nodes", "/db/neo4j/query/v2/tx"),
            ("import_nodes", $"/db/neo4j/query/v2/tx/{id}"),
            ("import_edges", $"/db/neo4j/query/v2/tx/{id}"),
            ("import_edges", $"/db/neo4j/query/v2/tx/{id}"),
            ("delete_absent", $"/db/neo4j/query/v2/tx/{id}"),
            ("delete_absent_edges", $"/db/neo4j/query/v2/tx/{id}"),
            ("bump_revision", $"/db/neo4j/query/v2/tx/{id}"),
            ("commit", $"/db/neo4j/query/v2/tx/{id}/commit"),
        ]);
        requests[9].Parameters["nodes"]!.AsArray().Count.ShouldBe(5);
        requests[9].Parameters["nodes"]![0]!["body"]!.GetValue<string>().ShouldContain("\"Id\":");
        requests[^4].Parameters["ids"]!.AsArray().Count.ShouldBe(graph.Nodes.Count);
        requests[^3].Parameters["keys"]!.AsArray().Count.ShouldBe(graph.Edges.Count);
        progress.ShouldBe([5, 8, 13, 15, 15, 15, 15]);
    }

    [Fact]
    public async Task A_failed_statement_rolls_the_import_back_and_the_graph_is_unchanged()
    {
        var client = Neo4jQueryClient.Create(_stub.CreateClient(), new Neo4jOptions { Url = _stub.Url, RetryDelay = TimeSpan.Zero });
        var before = _stub.Graph;
        var changed = TestSeeds.Graph with { Nodes = [.. TestSeeds.Graph.Nodes.Skip(1)] };
        _stub.When(r => r.Query == "import_edges", 400, QueryApiStub.Error("Neo.ClientError.Schema.ConstraintValidationFailed"));

        await Should.ThrowAsync<Neo4jClientException>(() => Neo4jImporter.ImportAsync(client, changed, 5, null, CancellationToken.None));

        _stub.Requests.Select(r => r.Query).TakeLast(2).ShouldBe(["import_edges", "rollback"]);
        _stub.Requests.ShouldNotContain(r => r.Query == "commit");
        _stub.Graph.ShouldBeSameAs(before);
    }

    [Fact]
    public void The_cypher_script_merges_in_unwind_batches_after_the_schema()
    {
        var script = Neo4jImporter.CypherScript(TestSeeds.Graph, batchSize: 5);

        script.ShouldStartWith("// Roadmap graph");
        script.ShouldContain("CREATE CONSTRAINT node_id IF NOT EXISTS");
        System.Text.RegularExpressions.Regex.Count(script, "UNWIND \\[").ShouldBe(4);
        script.ShouldContain("MERGE (n:Node {id: row.id})");
        script.ShouldNotContain("\\u0022"); // Neo4j resolves \u escapes before tokenizing
    }

    /// <summary>Reports synchronously, so the test sees every step in order.</summary>
    private sealed class SyncProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
