using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Tests.Neo4j;

public sealed class Neo4jImporterTests : IAsyncLifetime
{
    private QueryApiStub _stub = null!;

    public async Task InitializeAsync() => _stub = await QueryApiStub.StartAsync(StoreConformanceTests_TestGraph.Graph);

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task An_import_applies_the_schema_then_merges_nodes_and_edges_in_batches_then_removes_the_rest()
    {
        var graph = StoreConformanceTests_TestGraph.Graph;
        var progress = new List<int>();
        var client = new Neo4jQueryClient(new HttpClient(), new Neo4jOptions { Url = _stub.Url, RetryDelay = TimeSpan.Zero });

        await Neo4jImporter.ImportAsync(client, graph, batchSize: 5, new SyncProgress(p => progress.Add(p.Done)), CancellationToken.None);

        var requests = _stub.Requests.ToList();
        requests.Take(9).ShouldAllBe(r => r.Query == "schema" && r.AccessMode == null); // the schema statements, as writes
        requests.Skip(9).Select(r => r.Query).ShouldBe(["import_nodes", "import_nodes", "import_edges", "import_edges", "delete_absent"]);
        requests[9].Parameters["nodes"]!.AsArray().Count.ShouldBe(5);
        requests[9].Parameters["nodes"]![0]!["body"]!.GetValue<string>().ShouldContain("\"Id\":");
        requests[^1].Parameters["ids"]!.AsArray().Count.ShouldBe(graph.Nodes.Count);
        progress.ShouldBe([5, 8, 13, 15]);
    }

    [Fact]
    public void The_cypher_script_merges_in_unwind_batches_after_the_schema()
    {
        var script = Neo4jImporter.CypherScript(StoreConformanceTests_TestGraph.Graph, batchSize: 5);

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
