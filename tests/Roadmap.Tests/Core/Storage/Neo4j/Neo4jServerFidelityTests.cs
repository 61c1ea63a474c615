using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Tests.Core.Storage.Neo4j;

/// <summary>
/// What a real server does that the first stub did not make the code face: a cluster's affinity header, a server too
/// old for /tx, a graph re-imported after the seeds changed, a graph loaded by neo4j-admin, a slow schema statement,
/// a transient error answered with 400 during the start-up wait.
/// </summary>
public sealed class Neo4jServerFidelityTests
{
    private static Neo4jQueryClient Client(QueryApiStub stub, TimeProvider? time = null) =>
        Neo4jQueryClient.Create(stub.CreateClient(), new Neo4jOptions { Url = stub.Url, RetryDelay = TimeSpan.Zero }, time);

    [Fact]
    public async Task An_import_on_a_cluster_sends_the_affinity_back_on_every_later_request_of_its_transaction()
    {
        await using var stub = await QueryApiStub.StartAsync(new QueryApiStubGraph(), new QueryApiStubOptions { Cluster = true });

        await Neo4jImporter.ImportAsync(Client(stub), TestSeeds.Graph, 5, null, CancellationToken.None);

        stub.Graph.Nodes.Count.ShouldBe(TestSeeds.Graph.Nodes.Count);
        var inTransaction = stub.Requests.Where(r => r.Path.Contains("/tx/", StringComparison.Ordinal)).ToList();
        inTransaction.Count.ShouldBe(7); // 3 node and edge batches, 2 removals, the revision, the commit
        inTransaction.Select(r => r.Affinity).Distinct().ShouldHaveSingleItem().ShouldStartWith("member-");
    }

    [Fact]
    public async Task A_rollback_on_a_cluster_goes_to_the_transactions_member()
    {
        await using var stub = await QueryApiStub.StartAsync(new QueryApiStubGraph(), new QueryApiStubOptions { Cluster = true });
        // A failure the server does not end the transaction for (a client-side timeout, say) leaves the rollback to do.
        stub.When(r => r.Query == "import_edges", 202, "{not json");

        await Should.ThrowAsync<Neo4jClientException>(() => Neo4jImporter.ImportAsync(Client(stub), TestSeeds.Graph, 5, null, CancellationToken.None));

        var rollback = stub.Requests.Last();
        rollback.Query.ShouldBe("rollback");
        rollback.Affinity.ShouldNotBeNull();
        rollback.Affinity.ShouldBe(stub.Requests.First(r => r.Path.Contains("/tx/", StringComparison.Ordinal)).Affinity);
        stub.Graph.Nodes.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_import_into_neo4j_5_24_stops_before_writing_and_says_5_26_is_needed()
    {
        await using var stub = await QueryApiStub.StartAsync(new QueryApiStubGraph(), new QueryApiStubOptions { Version = "5.24.0" });

        var error = await Should.ThrowAsync<Neo4jConfigurationException>(() => Neo4jImporter.ImportAsync(Client(stub), TestSeeds.Graph, 5, null, CancellationToken.None));

        error.Message.ShouldContain("Neo4j 5.24.0");
        error.Message.ShouldContain("5.26 or later");
        stub.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_store_refuses_to_start_on_neo4j_5_24()
    {
        await using var stub = await QueryApiStub.StartAsync(TestSeeds.Graph, new QueryApiStubOptions { Version = "5.24.0" });
        using var store = new Neo4jGraphStore(Client(stub));

        (await Should.ThrowAsync<Neo4jConfigurationException>(() => store.InitializeAsync(CancellationToken.None))).Message.ShouldContain("5.26 or later");
        store.IsReady.ShouldBeFalse();
    }

    [Fact]
    public async Task The_start_up_wait_rides_out_a_transient_error_that_neo4j_answers_with_400()
    {
        await using var stub = await QueryApiStub.StartAsync(TestSeeds.Graph);
        stub.Then(400, QueryApiStub.Error("Neo.TransientError.General.DatabaseUnavailable", "Database 'neo4j' is unavailable."));
        using var store = new Neo4jGraphStore(Client(stub));

        await store.InitializeAsync(CancellationToken.None);

        store.IsReady.ShouldBeTrue();
        stub.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_re_import_removes_the_edges_and_the_kind_labels_the_seeds_no_longer_have()
    {
        await using var stub = await QueryApiStub.StartAsync(new QueryApiStubGraph());
        var client = Client(stub);
        var graph = TestSeeds.Graph;
        await Neo4jImporter.ImportAsync(client, graph, 5, null, CancellationToken.None);
        var dropped = graph.Edges.First(e => e.Type == EdgeType.Requires);
        var rekinded = graph.Nodes.Single(n => n.Id == "technology:image-reconstruction");
        stub.Graph.Relationships.ShouldContain(r => r.From == dropped.From && r.To == dropped.To && r.Type == "REQUIRES");
        stub.Graph.Nodes[rekinded.Id].Labels.ShouldContain("Technology");

        var changed = new GraphData(
            [.. graph.Nodes.Select(n => n.Id == rekinded.Id ? n with { Kind = NodeKind.Component } : n)],
            [.. graph.Edges.Where(e => e != dropped)]);
        await Neo4jImporter.ImportAsync(client, changed, 5, null, CancellationToken.None);

        stub.Graph.Relationships.ShouldNotContain(r => r.From == dropped.From && r.To == dropped.To && r.Type == "REQUIRES");
        stub.Graph.Relationships.Count.ShouldBe(changed.Edges.Count);
        stub.Graph.Nodes[rekinded.Id].Labels.Order(StringComparer.Ordinal).ShouldBe(["Component", "Node"]);
        using var store = new Neo4jGraphStore(client);
        await store.InitializeAsync(CancellationToken.None);
        var edges = await store.GetEdgesAsync([dropped.From], Direction.Forward, CancellationToken.None);
        edges[dropped.From].ShouldNotContain(e => e.To == dropped.To && e.Type == EdgeType.Requires);
        (await store.StatsAsync(CancellationToken.None)).ByKind[NodeKind.Technology].ShouldBe(0);
    }

    [Fact]
    public async Task A_need_of_a_class_as_a_whole_is_stored_on_the_relationship_and_walked_as_the_embedded_store_walks_it()
    {
        await using var stub = await QueryApiStub.StartAsync(new QueryApiStubGraph());
        var client = Client(stub);
        var classNeed = new Edge("product:ct", EdgeType.UsesTechnology, "technology:image-reconstruction", [new Source("document:test-plan", "二", "图像重建技术")], Reach: NeedReach.Class);
        var graph = new GraphData(TestSeeds.Graph.Nodes, [.. TestSeeds.Graph.Edges.Where(e => e.Key != classNeed.Key), classNeed]);
        await Neo4jImporter.ImportAsync(client, graph, 500, null, CancellationToken.None);
        using var store = new Neo4jGraphStore(client);
        await store.InitializeAsync(CancellationToken.None);

        stub.Graph.Relationships.Single(r => r.From == "product:ct" && r.Type == "USES_TECHNOLOGY").Properties["reach"]!.GetValue<string>().ShouldBe("CLASS");
        (await store.GetEdgesAsync(["product:ct"], Direction.Forward, CancellationToken.None))["product:ct"].Single(e => e.To == classNeed.To).Reach.ShouldBe(NeedReach.Class);
        var embedded = new GraphIndex(graph);
        foreach (var (id, direction, members) in new[] { ("product:photon-counting-ct", Direction.Forward, false), ("product:ct", Direction.Forward, true), ("technology:image-reconstruction", Direction.Backward, false) })
        {
            var controls = new TraversalControls(Members: members);
            var remote = await store.ReachAsync(id, direction, 5, controls, CancellationToken.None);
            var local = GraphAlgorithms.Reach(embedded, id, direction, 5, controls);
            remote.Levels.Select(l => (l.Node.Id, l.Depth, l.Through?.Id)).ShouldBe(local.Levels.Select(l => (l.Node.Id, l.Depth, l.Through?.Id)), $"{id} {direction} members {members}");
        }
        var impact = await store.ImpactAsync(Scenario.Of(["technology:image-reconstruction"], false), 8, CancellationToken.None);
        impact.Impacted.Select(i => (i.Node.Id, i.Severity)).ShouldBe([("product:ct", ImpactSeverity.AtRisk), ("program:demo", ImpactSeverity.AtRisk)]);
    }

    [Fact]
    public async Task An_import_committed_between_the_snapshots_node_and_edge_reads_does_not_mix_two_graphs()
    {
        await using var stub = await QueryApiStub.StartAsync(new QueryApiStubGraph());
        var client = Client(stub);
        await Neo4jImporter.ImportAsync(client, TestSeeds.Graph, 500, null, CancellationToken.None);
        var added = new Node { Id = "product:added", Kind = NodeKind.Product, NameZh = "新产品", NameEn = "added product" };
        var changed = new GraphData([.. TestSeeds.Graph.Nodes, added], [.. TestSeeds.Graph.Edges, new Edge(added.Id, EdgeType.Requires, "component:ct-tube", [])]);
        // Another process imports the changed seeds after the snapshot has read the nodes and before it reads the edges.
        stub.Before(r => r.Query == "all_edges", () => Neo4jImporter.ImportAsync(Client(stub), changed, 500, null, CancellationToken.None));
        using var store = new Neo4jGraphStore(client);
        await store.InitializeAsync(CancellationToken.None);

        var bottlenecks = await store.BottlenecksAsync(null, null, 100, CancellationToken.None);

        var expected = Analytics.Bottlenecks(new GraphIndex(changed), null, null, 100);
        bottlenecks.Select(b => (b.Node.Id, b.DependentProducts, b.DependentPrograms, b.BlockedProducts))
            .ShouldBe(expected.Select(b => (b.Node.Id, b.DependentProducts, b.DependentPrograms, b.BlockedProducts)));
        stub.Requests.Count(r => r.Query == "all_nodes").ShouldBe(2); // read again once the revision had moved
    }

    [Fact]
    public async Task Schema_statements_are_not_cut_by_the_per_attempt_timeout_of_a_lookup()
    {
        var time = new FakeTimeProvider();
        await using var stub = await QueryApiStub.StartAsync(new QueryApiStubGraph());
        var built = new TaskCompletionSource();
        stub.When(r => r.Query == "schema", 202, """{"data":{"fields":[],"values":[]}}""");
        stub.Then(async _ =>
        {
            await built.Task; // a constraint being built on a populated database
            return (202, """{"data":{"fields":[],"values":[]}}""");
        });
        var client = Client(stub, time);

        var import = Neo4jImporter.ImportAsync(client, TestSeeds.Graph, 5, null, CancellationToken.None);
        for (var i = 0; i < 200 && stub.Requests.Count < 2; i++) await Task.Delay(10);
        time.Advance(new Neo4jOptions().AttemptTimeout + TimeSpan.FromSeconds(1));
        await Task.Delay(200);
        built.SetResult();
        await import.WaitAsync(TimeSpan.FromSeconds(20));

        stub.Requests.Count(r => r.Query == "schema").ShouldBe(CypherQueries.SchemaStatements().Count());
        stub.Graph.Nodes.Count.ShouldBe(TestSeeds.Graph.Nodes.Count);
    }

    [Fact]
    public async Task Search_finds_a_node_without_aliases_after_a_neo4j_admin_csv_import()
    {
        var directory = Directory.CreateTempSubdirectory("roadmap-admin-csv").FullName;
        try
        {
            var command = Neo4jImporter.WriteAdminCsv(TestSeeds.Graph, directory);
            command.ShouldContain("--ignore-empty-strings=true");
            await using var stub = await QueryApiStub.StartAsync(AdminImport.Load(directory));
            stub.Graph.Nodes["component:vacuum-bearing"].Properties.ShouldNotContainKey("aliases"); // as neo4j-admin leaves it
            using var store = new Neo4jGraphStore(Client(stub));
            await store.InitializeAsync(CancellationToken.None);

            var found = await store.SearchAsync("bearing", null, null, 10, CancellationToken.None);

            found.Hits.Select(h => h.Node.Id).ShouldBe(["component:vacuum-bearing"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// nodes.csv and relationships.csv read as <c>neo4j-admin database import full --ignore-empty-strings=true</c>
    /// reads them: quoted multiline fields, <c>:LABEL</c> and <c>string[]</c> split on ';', an empty cell no property.
    /// </summary>
    private static class AdminImport
    {
        public static QueryApiStubGraph Load(string directory)
        {
            var graph = new QueryApiStubGraph();
            var nodes = Csv(File.ReadAllText(Path.Combine(directory, "nodes.csv")));
            foreach (var row in nodes.Skip(1))
            {
                var properties = new Dictionary<string, JsonNode?>();
                string[] labels = [];
                foreach (var (header, cell) in nodes[0].Zip(row))
                {
                    if (header == ":LABEL") labels = cell.Split(';');
                    else if (cell.Length == 0) continue;
                    else if (header == "id:ID") properties["id"] = cell;
                    else if (header.EndsWith(":string[]", StringComparison.Ordinal)) properties[header.Split(':')[0]] = new JsonArray([.. cell.Split(';').Select(a => (JsonNode)a)]);
                    else properties[header] = cell;
                }
                graph.AddNode(labels, properties);
            }
            var relationships = Csv(File.ReadAllText(Path.Combine(directory, "relationships.csv")));
            foreach (var row in relationships.Skip(1))
            {
                var properties = new Dictionary<string, JsonNode?> { ["sources"] = row[3] };
                if (row[4].Length > 0) properties["group"] = row[4];
                graph.AddRelationship(row[0], row[2], row[1], properties);
            }
            return graph;
        }

        private static List<string[]> Csv(string text)
        {
            var rows = new List<string[]>();
            var row = new List<string>();
            var cell = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else cell.Append(c);
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
                else if (c == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add([.. row]); row.Clear(); }
                else cell.Append(c);
            }
            return rows;
        }
    }
}

/// <summary>
/// Import → read-back: the stub starts empty, the seeds go in through <see cref="Neo4jImporter"/> (schema, batches,
/// removals, commit, applied by the stub's fake graph as the statements say), and the conformance suite reads them
/// back through <see cref="Neo4jGraphStore"/>.
/// </summary>
public sealed class ImportedNeo4jStoreConformanceTests : StoreConformanceTests, IAsyncLifetime
{
    private QueryApiStub _stub = null!;
    private Neo4jGraphStore _store = null!;

    public async Task InitializeAsync()
    {
        _stub = await QueryApiStub.StartAsync(new QueryApiStubGraph(), new QueryApiStubOptions { Basic = ("neo4j", "secret"), Cluster = true });
        var client = Neo4jQueryClient.Create(_stub.CreateClient(), new Neo4jOptions { Url = _stub.Url, User = "neo4j", Password = "secret" });
        await Neo4jImporter.ImportAsync(client, TestSeeds.Graph, 3, null, CancellationToken.None);
        _store = new Neo4jGraphStore(client);
        await _store.InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        await _stub.DisposeAsync();
    }

    protected override Task<IGraphStore> StoreAsync() => Task.FromResult<IGraphStore>(_store);
}
