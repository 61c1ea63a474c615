using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Tests.Api;

/// <summary>The whole service configured for Neo4j (Store:Provider=Neo4j), served by the Query API stub.</summary>
public sealed class ApiOnNeo4jTests : IAsyncLifetime
{
    private QueryApiStub _stub = null!;
    private WebApplicationFactory<Program> _api = null!;

    public async Task InitializeAsync()
    {
        _stub = await QueryApiStub.StartAsync(TestSeeds.Graph);
        _api = StubbedNeo4jApi.Create(_stub, builder => builder
            .UseSetting("Neo4j:User", "neo4j")
            .UseSetting("Neo4j:Password", "secret")
            .UseSetting("Auth:Keys:0:Name", "curator").UseSetting("Auth:Keys:0:Role", "editor").UseSetting("Auth:Keys:0:Hash", TestKeys.Editor.Hash));
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _stub.DisposeAsync();
    }

    [Fact]
    public async Task The_api_answers_from_neo4j_through_the_query_api()
    {
        var client = _api.CreateClient();
        for (var i = 0; i < 200 && !(await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode; i++) await Task.Delay(25);

        var (status, body, _) = await GraphQLClient.PostAsync(client,
            """{ node(id: "product:ct") { nameZh needs { to { id } } } impact(ids: ["component:vacuum-bearing"]) { programs { node { id } severity } } }""");

        status.ShouldBe(200, body);
        body.ShouldBe("""{"data":{"node":{"nameZh":"CT","needs":[{"to":{"id":"component:ct-tube"}},{"to":{"id":"technology:image-reconstruction"}}]},"impact":{"programs":[{"node":{"id":"program:demo"},"severity":"BLOCKED"}]}}}""");
        _stub.Requests.ShouldAllBe(r => r.AccessMode == "Read" && r.Authorization!.StartsWith("Basic ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mutations_and_the_audit_log_say_the_store_is_read_only_and_nothing_is_written()
    {
        var client = TestKeys.With(_api.CreateClient(), TestKeys.Editor.Key);
        for (var i = 0; i < 200 && !(await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode; i++) await Task.Delay(25);

        var (_, mutation, _) = await GraphQLClient.PostAsync(client,
            """mutation { addAssessment(input: { id: "product:ct", status: IMPORT_DEPENDENT, source: { document: "document:test-plan", section: "二", quote: "CT" } }) { node { id } } }""");
        var (_, changeSet, _) = await GraphQLClient.PostAsync(client,
            """mutation { applyChanges(input: { changes: [{ deleteEdge: { from: "product:ct", type: REQUIRES, to: "component:ct-tube" } }] }) { applied } }""");
        var (_, audit, _) = await GraphQLClient.PostAsync(client, "{ auditLog { sequence } }");

        mutation.ShouldContain("\"code\":\"READ_ONLY_STORE\"");
        changeSet.ShouldContain("\"code\":\"READ_ONLY_STORE\"");
        audit.ShouldContain("\"code\":\"READ_ONLY_STORE\"");
        _stub.Requests.ShouldAllBe(r => r.AccessMode == "Read");
    }
}
