using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Tests.Support;

/// <summary>The stub answers raw HTTP as Neo4j's Query API does (see <see cref="QueryApiStub"/> for where each answer comes from).</summary>
public sealed class QueryApiStubTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private QueryApiStub _stub = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _stub = await QueryApiStub.StartAsync(TestSeeds.Graph, new QueryApiStubOptions { Basic = ("neo4j", "secret"), Time = _time });
        _http = _stub.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _stub.DisposeAsync();
    }

    private static readonly string Count = new JsonObject { ["statement"] = CypherQueries.Get("count_nodes"), ["parameters"] = new JsonObject { ["kinds"] = null } }.ToJsonString();

    private async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> Send(HttpMethod method, string path, string? json,
        string? authorization = "Basic bmVvNGo6c2VjcmV0", string contentType = "application/json", string accept = "application/json", string? affinity = null)
    {
        using var request = new HttpRequestMessage(method, _stub.Url + path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, contentType);
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (affinity is not null) request.Headers.TryAddWithoutValidation(Neo4jQueryClient.AffinityHeader, affinity);
        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    private static string? Code(JsonNode? body) => (string?)body?["errors"]?[0]?["code"];

    [Fact]
    public async Task Auth_is_checked_before_anything_else()
    {
        var (noHeader, body, _) = await Send(HttpMethod.Post, "/db/none/query/v2", Count, authorization: null);
        (noHeader, Code(body)).ShouldBe((401, "Neo.ClientError.Security.Unauthorized")); // before the unknown database
        var (wrong, wrongBody, _) = await Send(HttpMethod.Post, "/db/neo4j/query/v2", Count, authorization: "Basic " + Convert.ToBase64String("neo4j:nope"u8.ToArray()));
        (wrong, Code(wrongBody)).ShouldBe((401, "Neo.ClientError.Security.Unauthorized"));
    }

    [Fact]
    public async Task Wrong_content_type_is_415_and_an_unacceptable_accept_406()
    {
        (await Send(HttpMethod.Post, "/db/neo4j/query/v2", Count, contentType: "text/plain")).Status.ShouldBe(415);
        (await Send(HttpMethod.Post, "/db/neo4j/query/v2", Count, accept: "text/html")).Status.ShouldBe(406);
    }

    [Fact]
    public async Task An_unknown_database_is_404_database_not_found()
    {
        var (status, body, _) = await Send(HttpMethod.Post, "/db/roadmaps/query/v2", Count);

        (status, Code(body)).ShouldBe((404, "Neo.ClientError.Database.DatabaseNotFound"));
    }

    [Fact]
    public async Task A_missing_parameter_is_400_parameter_missing()
    {
        var (status, body, _) = await Send(HttpMethod.Post, "/db/neo4j/query/v2", new JsonObject { ["statement"] = CypherQueries.Get("count_nodes") }.ToJsonString());

        (status, Code(body)).ShouldBe((400, "Neo.ClientError.Statement.ParameterMissing"));
    }

    [Fact]
    public async Task A_transaction_has_a_random_id_and_an_expiry_commits_with_202_and_is_gone_after()
    {
        var (opened, begin, _) = await Send(HttpMethod.Post, "/db/neo4j/query/v2/tx", Count);
        var id = (string)begin!["transaction"]!["id"]!;
        var (committed, commit, _) = await Send(HttpMethod.Post, $"/db/neo4j/query/v2/tx/{id}/commit", "{}");
        var (after, afterBody, _) = await Send(HttpMethod.Post, $"/db/neo4j/query/v2/tx/{id}", Count);

        opened.ShouldBe(202);
        id.ShouldMatch("^[0-9a-f]{16}$");
        ((string?)begin["transaction"]!["expires"]).ShouldNotBeNullOrEmpty();
        committed.ShouldBe(202);
        commit!["bookmarks"]!.AsArray().ShouldNotBeEmpty();
        (after, Code(afterBody)).ShouldBe((404, "Neo.ClientError.Request.Invalid"));
    }

    [Fact]
    public async Task A_failed_statement_closes_its_transaction_and_rollback_answers_200_with_json()
    {
        var (_, begin, _) = await Send(HttpMethod.Post, "/db/neo4j/query/v2/tx", Count);
        var id = (string)begin!["transaction"]!["id"]!;
        var (failed, _, _) = await Send(HttpMethod.Post, $"/db/neo4j/query/v2/tx/{id}", new JsonObject { ["statement"] = "RETURN 1 +" }.ToJsonString());
        var (gone, _, _) = await Send(HttpMethod.Post, $"/db/neo4j/query/v2/tx/{id}", Count);
        var (_, second, _) = await Send(HttpMethod.Post, "/db/neo4j/query/v2/tx", Count);
        var (rolledBack, rollback, _) = await Send(HttpMethod.Delete, $"/db/neo4j/query/v2/tx/{(string)second!["transaction"]!["id"]!}", null);

        failed.ShouldBe(400);
        gone.ShouldBe(404);
        rolledBack.ShouldBe(200);
        rollback!["bookmarks"].ShouldBeOfType<JsonArray>();
    }

    [Fact]
    public async Task An_idle_transaction_expires()
    {
        var (_, begin, _) = await Send(HttpMethod.Post, "/db/neo4j/query/v2/tx", Count);
        _time.Advance(TimeSpan.FromSeconds(31));

        (await Send(HttpMethod.Post, $"/db/neo4j/query/v2/tx/{(string)begin!["transaction"]!["id"]!}", Count)).Status.ShouldBe(404);
    }

    [Fact]
    public async Task A_stub_started_as_5_24_reports_it_and_has_no_tx()
    {
        await using var old = await QueryApiStub.StartAsync(TestSeeds.Graph, new QueryApiStubOptions { Version = "5.24.0" });
        using var http = old.CreateClient();

        var discovery = JsonNode.Parse(await http.GetStringAsync(new Uri(old.Url + "/")))!;
        using var tx = await http.PostAsync(new Uri(old.Url + "/db/neo4j/query/v2/tx"), new StringContent(Count, Encoding.UTF8, "application/json"));

        ((string?)discovery["neo4j_version"]).ShouldBe("5.24.0");
        ((int)tx.StatusCode).ShouldBe(404);
    }
}
