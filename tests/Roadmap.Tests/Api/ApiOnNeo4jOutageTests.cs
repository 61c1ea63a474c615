using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Tests.Api;

/// <summary>
/// The service on Neo4j when Neo4j keeps failing: the Query API stub answers every call with 503 until the circuit
/// breaker opens. Retries are off and the breaker opens after two calls; time is a FakeTimeProvider registered in
/// the container, which the pipelines take, so the break lasts exactly until the test advances the clock.
/// </summary>
public sealed class ApiOnNeo4jOutageTests : IAsyncLifetime
{
    private static readonly Uri Ready = new("/health/ready", UriKind.Relative);
    private readonly FakeTimeProvider _time = new();
    private QueryApiStub _stub = null!;
    private WebApplicationFactory<Program> _api = null!;

    public async Task InitializeAsync()
    {
        _stub = await QueryApiStub.StartAsync(TestSeeds.Graph);
        _api = StubbedNeo4jApi.Create(_stub,
            builder => builder
                .UseSetting("Neo4j:MaxRetries", "0")
                .UseSetting("Neo4j:BreakerMinimumThroughput", "2")
                .UseSetting("Neo4j:BreakDuration", "00:00:30"),
            services => services.AddSingleton<TimeProvider>(_time));
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _stub.DisposeAsync();
    }

    [Fact]
    public async Task An_open_breaker_answers_store_unavailable_with_503_and_the_service_is_not_ready_until_it_closes()
    {
        var client = _api.CreateClient();
        for (var i = 0; i < 200 && !(await client.GetAsync(Ready)).IsSuccessStatusCode; i++) await Task.Delay(25);
        (await client.GetAsync(Ready)).IsSuccessStatusCode.ShouldBeTrue();
        var neo4j = _api.Services.GetRequiredService<Neo4jQueryClient>();

        _stub.FailAll(503, "down");
        for (var i = 0; i < 5 && neo4j.CircuitState != Polly.CircuitBreaker.CircuitState.Open; i++)
        {
            var (failing, body, _) = await GraphQLClient.PostAsync(client, "{ stats { nodeCount } }");
            failing.ShouldBe(503, body);
            ErrorCode(body).ShouldBe("STORE_UNAVAILABLE");
        }
        neo4j.CircuitState.ShouldBe(Polly.CircuitBreaker.CircuitState.Open);

        var sent = _stub.Requests.Count;
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ stats { nodeCount } }"}""", System.Text.Encoding.UTF8, "application/json") })
        using (var response = await client.SendAsync(request))
        {
            var body = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).ShouldBe(503, body);
            response.Headers.RetryAfter.ShouldNotBeNull().ToString().ShouldBe("1");
            using var json = JsonDocument.Parse(body);
            (json.RootElement.TryGetProperty("data", out var data) ? data.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null, body);
            ErrorCode(body).ShouldBe("STORE_UNAVAILABLE");
        }
        _stub.Requests.Count.ShouldBe(sent); // the open breaker sent nothing to Neo4j
        var ready = await client.GetAsync(Ready);
        ((int)ready.StatusCode).ShouldBe(503);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");

        // Neo4j is back and the break is over: the readiness probe itself makes the trial call, which closes the
        // circuit, so a service that its probes keep out of rotation still comes back.
        _stub.Recover();
        _time.Advance(TimeSpan.FromSeconds(31));
        (await client.GetAsync(Ready)).IsSuccessStatusCode.ShouldBeTrue();
        neo4j.CircuitState.ShouldBe(Polly.CircuitBreaker.CircuitState.Closed);
        var (status, answer, _) = await GraphQLClient.PostAsync(client, "{ stats { nodeCount } }");
        status.ShouldBe(200, answer);
        answer.ShouldBe("{\"data\":{\"stats\":{\"nodeCount\":" + TestSeeds.Graph.Nodes.Count + "}}}");
    }

    private static string? ErrorCode(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
    }
}
