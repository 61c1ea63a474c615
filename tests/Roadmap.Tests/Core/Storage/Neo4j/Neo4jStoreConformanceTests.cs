using Roadmap.Core.Storage;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Tests.Core.Storage.Neo4j;

/// <summary>The Neo4j store's own logic (frontier expansion, JSON mapping, ranking) against the Query API stub.</summary>
public sealed class StubbedNeo4jStoreConformanceTests : StoreConformanceTests, IAsyncLifetime
{
    private QueryApiStub _stub = null!;
    private Neo4jGraphStore _store = null!;

    public async Task InitializeAsync()
    {
        _stub = await QueryApiStub.StartAsync(TestSeeds.Graph);
        _store = new Neo4jGraphStore(Neo4jQueryClient.Create(_stub.CreateClient(), new Neo4jOptions { Url = _stub.Url, User = "neo4j", Password = "secret" }));
        await _store.InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        await _stub.DisposeAsync();
    }

    protected override Task<IGraphStore> StoreAsync() => Task.FromResult<IGraphStore>(_store);
}

/// <summary>Against a real Neo4j 5 when NEO4J_URL (and NEO4J_USER, NEO4J_PASSWORD) are set: imports the test graph first.</summary>
[RequiresNeo4j]
[ProcessTier]
public sealed class RealNeo4jStoreConformanceTests : StoreConformanceTests
{
    protected override async Task<IGraphStore> StoreAsync()
    {
        var client = Neo4jQueryClient.Create(new HttpClient(), new Neo4jOptions
        {
            Url = RequiresNeo4jAttribute.Url!,
            User = Environment.GetEnvironmentVariable("NEO4J_USER") ?? "neo4j",
            Password = Environment.GetEnvironmentVariable("NEO4J_PASSWORD"),
        });
        await Neo4jImporter.ImportAsync(client, TestSeeds.Graph, 500, null, CancellationToken.None);
        var store = new Neo4jGraphStore(client);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
