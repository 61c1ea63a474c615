using System.Text;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Tests.Core.Storage.Neo4j;

/// <summary>
/// The Query API client against the local stub: the request it sends, and what it does with each kind of failure.
/// Time is a FakeTimeProvider and retries have no delay, so nothing here waits on a real clock.
/// </summary>
public sealed class Neo4jQueryClientTests : IAsyncLifetime
{
    private QueryApiStub _stub = null!;
    private readonly FakeTimeProvider _time = new();
    private readonly CancellationTokenSource _end = new();

    public async Task InitializeAsync() => _stub = await QueryApiStub.StartAsync(TestSeeds.Graph);

    public async Task DisposeAsync()
    {
        await _end.CancelAsync();
        await _stub.DisposeAsync();
        _end.Dispose();
    }

    private Neo4jQueryClient Client(int maxRetries = 3, int breakerThroughput = 100) => Neo4jQueryClient.Create(_stub.CreateClient(), new Neo4jOptions
    {
        Url = _stub.Url,
        User = "neo4j",
        Password = "secret",
        MaxRetries = maxRetries,
        RetryDelay = TimeSpan.Zero,
        AttemptTimeout = TimeSpan.FromSeconds(3),
        TotalTimeout = TimeSpan.FromSeconds(30),
        BreakDuration = TimeSpan.FromSeconds(15),
        BreakerMinimumThroughput = breakerThroughput,
    }, _time);

    private static Dictionary<string, object?> Ids(params string[] ids) => new() { ["ids"] = ids };

    private static Task<QueryResult> Read(Neo4jQueryClient client) => client.RunAsync("get_nodes", Ids("product:ct"), AccessMode.Read, true, CancellationToken.None);

    [Fact]
    public async Task A_read_sends_its_statement_file_parameters_read_mode_and_basic_auth()
    {
        var result = await Read(Client());

        var request = _stub.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe("/db/neo4j/query/v2");
        request.Query.ShouldBe("get_nodes");
        request.Parameters["ids"]!.AsArray().Select(x => (string)x!).ShouldBe(["product:ct"]);
        request.AccessMode.ShouldBe("Read");
        request.Authorization.ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:secret")));
        result.Rows.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Transient_errors_are_retried_until_an_answer()
    {
        _stub.Then(202, QueryApiStub.Error("Neo.TransientError.General.DatabaseUnavailable"));
        _stub.Then(503, "busy");

        var result = await Read(Client());

        _stub.Requests.Count.ShouldBe(3);
        result.Rows.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(400, "Neo.TransientError.General.DatabaseUnavailable")]
    [InlineData(400, "Neo.TransientError.Transaction.BookmarkTimeout")]
    public async Task A_transient_code_is_retried_whatever_the_http_status_neo4j_answers_it_with(int status, string code)
    {
        _stub.Then(status, QueryApiStub.Error(code));

        var result = await Read(Client());

        _stub.Requests.Count.ShouldBe(2);
        result.Rows.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(429, "Neo.ClientError.Security.AuthenticationRateLimit")]
    [InlineData(401, "Neo.ClientError.Security.CredentialsExpired")]
    [InlineData(403, "Neo.ClientError.Security.Forbidden")]
    [InlineData(429, null)]
    public async Task Refused_or_rate_limited_logins_are_configuration_errors_and_not_retried(int status, string? code)
    {
        _stub.Then(status, code is null ? "" : QueryApiStub.Error(code));

        var error = await Should.ThrowAsync<Neo4jConfigurationException>(() => Read(Client()));

        error.Message.ShouldContain("Neo4j:Password");
        if (code is not null) error.Code.ShouldBe(code);
        _stub.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_database_is_a_configuration_error_naming_it()
    {
        var client = Neo4jQueryClient.Create(_stub.CreateClient(), new Neo4jOptions { Url = _stub.Url, Database = "roadmaps", RetryDelay = TimeSpan.Zero }, _time);

        var error = await Should.ThrowAsync<Neo4jConfigurationException>(() => Read(client));

        error.Code.ShouldBe("Neo.ClientError.Database.DatabaseNotFound");
        error.Message.ShouldContain("'roadmaps'");
        error.Message.ShouldContain("Neo4j:Database");
        _stub.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_bearer_token_is_sent_base64_encoded_as_neo4j_decodes_it()
    {
        await using var stub = await QueryApiStub.StartAsync(TestSeeds.Graph, new QueryApiStubOptions { Token = "sso:eyJhbGciOi.token" });
        var client = Neo4jQueryClient.Create(stub.CreateClient(), new Neo4jOptions { Url = stub.Url, Token = "sso:eyJhbGciOi.token", MaxRetries = 0 }, _time);

        var result = await Read(client);

        result.Rows.ShouldHaveSingleItem();
        stub.Requests.ShouldHaveSingleItem().Authorization.ShouldBe("Bearer " + Convert.ToBase64String(Encoding.UTF8.GetBytes("sso:eyJhbGciOi.token")));
    }

    [Fact]
    public async Task Wrong_basic_credentials_get_neo4js_401_and_a_configuration_error()
    {
        await using var stub = await QueryApiStub.StartAsync(TestSeeds.Graph, new QueryApiStubOptions { Basic = ("neo4j", "right") });
        var client = Neo4jQueryClient.Create(stub.CreateClient(), new Neo4jOptions { Url = stub.Url, User = "neo4j", Password = "wrong" }, _time);

        var error = await Should.ThrowAsync<Neo4jConfigurationException>(() => Read(client));

        error.Code.ShouldBe("Neo.ClientError.Security.Unauthorized");
        stub.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_http_client_timeout_is_a_coded_transient_error()
    {
        _stub.Then(async _ =>
        {
            await Task.Delay(Timeout.Infinite, _end.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return (202, "{}");
        });
        using var http = new HttpClient(_stub.CreateHandler()) { Timeout = TimeSpan.FromMilliseconds(100) };
        var client = Neo4jQueryClient.Create(http, new Neo4jOptions { Url = _stub.Url, MaxRetries = 0 }, _time);

        (await Should.ThrowAsync<Neo4jTransientException>(() => Read(client))).Code.ShouldBe("TIMEOUT");
    }

    [Fact]
    public void The_standalone_http_client_leaves_every_budget_to_the_pipelines()
    {
        using var http = Neo4jQueryClient.CreateStandaloneHttpClient();

        http.Timeout.ShouldBe(Timeout.InfiniteTimeSpan);
    }

    [Theory]
    [InlineData("5.24.0", false)]
    [InlineData("5.25.1", false)]
    [InlineData("5.26.0", true)]
    [InlineData("5.26.12", true)]
    [InlineData("2025.01.0", true)]
    public async Task The_server_version_is_checked_against_5_26(string version, bool accepted)
    {
        await using var stub = await QueryApiStub.StartAsync(TestSeeds.Graph, new QueryApiStubOptions { Version = version });
        var client = Neo4jQueryClient.Create(stub.CreateClient(), new Neo4jOptions { Url = stub.Url }, _time);

        if (accepted)
        {
            (await client.CheckServerVersionAsync(CancellationToken.None)).ShouldBe(Neo4jQueryClient.ParseVersion(version));
        }
        else
        {
            var error = await Should.ThrowAsync<Neo4jConfigurationException>(() => client.CheckServerVersionAsync(CancellationToken.None));
            error.Message.ShouldContain($"Neo4j {version}");
            error.Message.ShouldContain("5.26 or later");
        }
    }

    [Theory]
    [InlineData(400, "Neo.ClientError.Statement.SyntaxError")]
    [InlineData(400, "Neo.ClientError.Transaction.Terminated")]
    [InlineData(400, "Neo.ClientError.Transaction.LockClientStopped")]
    [InlineData(500, "Neo.DatabaseError.General.UnknownError")]
    [InlineData(202, "Neo.DatabaseError.Statement.ExecutionFailed")]
    public async Task Client_and_database_errors_and_stopped_transactions_are_not_retried_and_keep_their_code(int status, string code)
    {
        _stub.Then(status, QueryApiStub.Error(code));

        var error = await Should.ThrowAsync<Neo4jClientException>(() => Read(Client()));

        error.Code.ShouldBe(code);
        _stub.Requests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Refused_credentials_are_a_configuration_error_at_once(int status)
    {
        _stub.Then(status, "{}");

        var error = await Should.ThrowAsync<Neo4jConfigurationException>(() => Read(Client()));

        error.Message.ShouldContain("Neo4j:User");
        _stub.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_malformed_answer_is_a_clear_error_and_not_retried()
    {
        _stub.Then(202, "{not json");

        (await Should.ThrowAsync<Neo4jClientException>(() => Read(Client()))).Code.ShouldBe("MALFORMED_RESPONSE");
        _stub.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_slow_attempt_times_out_and_is_retried()
    {
        var client = Client();
        _stub.Then(async _ =>
        {
            await Task.Delay(Timeout.Infinite, _end.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return (202, "{}");
        });

        var call = Read(client);
        await WaitUntil(() => _stub.Requests.Count == 1);
        _time.Advance(TimeSpan.FromSeconds(4)); // past the 3 s attempt timeout
        var result = await call.WaitAsync(TimeSpan.FromSeconds(20));

        _stub.Requests.Count.ShouldBe(2);
        result.Rows.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_write_that_is_not_idempotent_is_sent_once()
    {
        _stub.Then(503, "busy");

        await Should.ThrowAsync<Neo4jTransientException>(() =>
            Client().RunAsync("import_nodes", new Dictionary<string, object?> { ["nodes"] = Array.Empty<object>() }, AccessMode.Write, idempotent: false, CancellationToken.None));

        _stub.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_breaker_opens_after_repeated_failures_and_half_opens_after_its_break()
    {
        var client = Client(maxRetries: 0, breakerThroughput: 2);
        for (var i = 0; i < 2; i++)
        {
            _stub.Then(503, "down");
            await Should.ThrowAsync<Neo4jTransientException>(() => Read(client));
        }

        client.CircuitState.ShouldBe(CircuitState.Open);
        (await Should.ThrowAsync<Neo4jTransientException>(() => Read(client))).Code.ShouldBe("CIRCUIT_OPEN");
        _stub.Requests.Count.ShouldBe(2); // the open breaker sent nothing

        _time.Advance(TimeSpan.FromSeconds(16));
        (await Read(client)).Rows.ShouldHaveSingleItem(); // the trial call goes through and closes the circuit
        client.CircuitState.ShouldBe(CircuitState.Closed);
        _stub.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Reads_after_a_write_carry_its_bookmarks()
    {
        var client = Client();

        var write = await client.RunAsync("delete_absent", Ids("product:ct"), AccessMode.Write, idempotent: true, CancellationToken.None);
        await Read(client);

        var read = _stub.Requests.Last();
        write.Bookmarks.ShouldNotBeEmpty();
        read.Bookmarks!.Select(b => (string)b!).ShouldBe(write.Bookmarks);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(10);
        condition().ShouldBeTrue();
    }
}
