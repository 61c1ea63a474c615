using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Roadmap.Core.Telemetry;

namespace Roadmap.Core.Storage.Neo4j;

public enum AccessMode { Read, Write }

/// <summary>The rows a statement returned: field names and one array of values per row.</summary>
public sealed record QueryResult(IReadOnlyList<string> Fields, IReadOnlyList<JsonArray> Rows, IReadOnlyList<string> Bookmarks, string? TransactionId = null)
{
    public JsonNode? Value(JsonArray row, string field)
    {
        var i = Fields.ToList().IndexOf(field);
        return i < 0 ? throw new KeyNotFoundException($"The result has no field '{field}'") : row[i];
    }
}

/// <summary>
/// Runs the statements of <c>cypher/queries</c> over Neo4j's HTTP Query API (<c>POST /db/{database}/query/v2</c>),
/// each call inside one of the pipelines of <see cref="Neo4jResilience"/>: <c>neo4j-query</c> for single statements,
/// <c>neo4j-transaction</c> for explicit transactions.
/// </summary>
public sealed class Neo4jQueryClient
{
    private readonly HttpClient _http;
    private readonly Neo4jOptions _options;
    private readonly ResiliencePipeline _pipeline;
    private readonly ResiliencePipeline _transactionPipeline;
    private readonly CircuitBreakerStateProvider _breaker;
    private readonly Lock _bookmarkLock = new();
    private IReadOnlyList<string> _bookmarks = [];

    /// <param name="http">The named client of the container, whose handler recycles its connections.</param>
    /// <param name="options">Where Neo4j is and how to reach it.</param>
    /// <param name="pipeline">Built by <see cref="Neo4jResilience.AddNeo4jQueryStrategies"/>.</param>
    /// <param name="transactionPipeline">Built by <see cref="Neo4jResilience.AddNeo4jTransactionStrategies"/>.</param>
    /// <param name="breaker">The state provider of <paramref name="pipeline"/>'s circuit breaker.</param>
    public Neo4jQueryClient(HttpClient http, Neo4jOptions options, ResiliencePipeline pipeline, ResiliencePipeline transactionPipeline, CircuitBreakerStateProvider breaker)
    {
        _http = http;
        _options = options;
        _pipeline = pipeline;
        _transactionPipeline = transactionPipeline;
        _breaker = breaker;
    }

    /// <summary>
    /// A client with its own pipelines, built from <paramref name="options"/> as the container builds the named ones:
    /// for code that has no container (the CLI's import, tests).
    /// </summary>
    public static Neo4jQueryClient Create(HttpClient http, Neo4jOptions options, TimeProvider? timeProvider = null)
    {
        var time = timeProvider ?? TimeProvider.System;
        var breaker = new CircuitBreakerStateProvider();
        return new Neo4jQueryClient(http, options,
            new ResiliencePipelineBuilder { TimeProvider = time }.AddNeo4jQueryStrategies(options, breaker).Build(),
            new ResiliencePipelineBuilder { TimeProvider = time }.AddNeo4jTransactionStrategies(options, new CircuitBreakerStateProvider()).Build(),
            breaker);
    }

    /// <summary>Runs work through a pipeline, marked idempotent or not, and turns Polly's refusals into Neo4j errors.</summary>
    private async Task<T> ExecuteAsync<T>(ResiliencePipeline pipeline, bool idempotent, bool isWrite,
        Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Neo4jResilience.Idempotent, idempotent);
        try
        {
            var result = await pipeline.ExecuteAsync(async ctx => await work(ctx.CancellationToken), context);
            // A write's bookmarks go with the reads after it, so that they see it.
            if (isWrite && result is QueryResult { Bookmarks.Count: > 0 } written)
            {
                lock (_bookmarkLock) _bookmarks = written.Bookmarks;
            }
            return result;
        }
        catch (BrokenCircuitException e)
        {
            throw new Neo4jTransientException("CIRCUIT_OPEN", "Neo4j has been failing; calls are paused until the circuit half-opens.", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new Neo4jTransientException("TIMEOUT", $"Neo4j did not answer within {e.Timeout.TotalSeconds:0.#} s.", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// Runs several statements as one explicit transaction (<c>/query/v2/tx</c>, then <c>/tx/{id}</c>, then
    /// <c>/tx/{id}/commit</c>): all or nothing, so no reader sees half of it. On failure the transaction is rolled
    /// back (DELETE). Retried as a whole only when <paramref name="idempotent"/>.
    /// </summary>
    public Task<QueryResult> RunTransactionAsync(IReadOnlyList<(string Query, IReadOnlyDictionary<string, object?> Parameters)> statements,
        bool idempotent, Action<int>? afterStatement, CancellationToken cancellationToken) =>
        ExecuteAsync(_transactionPipeline, idempotent, isWrite: true,
            async token => (await TransactionAsync(statements, AccessMode.Write, afterStatement, token))[^1], cancellationToken);

    /// <summary>The statements' results, then the commit's.</summary>
    private async Task<List<QueryResult>> TransactionAsync(IReadOnlyList<(string Query, IReadOnlyDictionary<string, object?> Parameters)> statements,
        AccessMode mode, Action<int>? afterStatement, CancellationToken token)
    {
        Transaction? transaction = null;
        var results = new List<QueryResult>();
        try
        {
            for (var i = 0; i < statements.Count; i++)
            {
                var body = new JsonObject
                {
                    ["statement"] = CypherQueries.Get(statements[i].Query),
                    ["parameters"] = JsonSerializer.SerializeToNode(statements[i].Parameters, GraphJson.Options),
                };
                if (transaction is null && mode == AccessMode.Read) AddReadMode(body);
                var (step, affinity) = await SendAsync(HttpMethod.Post, transaction is null ? "/tx" : $"/tx/{transaction.Id}",
                    body.ToJsonString(GraphJson.Options), true, transaction?.Affinity, token);
                transaction ??= new Transaction(
                    step.TransactionId ?? throw new Neo4jClientException("MALFORMED_RESPONSE", "Neo4j opened no transaction (no transaction.id)."),
                    affinity);
                results.Add(step);
                afterStatement?.Invoke(i);
            }
            if (transaction is null) throw new ArgumentException("A transaction needs at least one statement.", nameof(statements));
            results.Add((await SendAsync(HttpMethod.Post, $"/tx/{transaction.Id}/commit", "{}", false, transaction.Affinity, token)).Result);
            return results;
        }
        catch when (transaction is not null)
        {
            await RollbackAsync(transaction);
            throw;
        }
    }

    /// <summary>
    /// An open transaction: its id, and the cluster member it lives on. A cluster or Aura answers the opening
    /// request with a <c>neo4j-cluster-affinity</c> header; every later request of the transaction (commit and
    /// rollback included) must send it back, or it may reach a member that does not know the transaction.
    /// </summary>
    private sealed record Transaction(string Id, string? Affinity);

    private async Task RollbackAsync(Transaction transaction)
    {
        try
        {
            // Best effort, and not under the caller's token: an abandoned transaction would hold its locks until it expires.
            using var timeout = new CancellationTokenSource(_options.AttemptTimeout);
            await SendAsync(HttpMethod.Delete, $"/tx/{transaction.Id}", null, false, transaction.Affinity, timeout.Token);
        }
        catch (Exception e) when (e is Neo4jException or OperationCanceledException)
        {
            // Neo4j rolls back an idle transaction when it expires.
        }
    }

    /// <summary>Closed, open or half-open: what /health/ready reports.</summary>
    public CircuitState CircuitState => _breaker.CircuitState;

    /// <summary>
    /// Runs <c>cypher/queries/{queryName}.cypher</c>. Reads go with accessMode Read and the bookmarks of the last
    /// write, so they see it; writes are retried only when <paramref name="idempotent"/> (MERGE-based imports are).
    /// </summary>
    public Task<QueryResult> RunAsync(string queryName, IReadOnlyDictionary<string, object?> parameters, AccessMode mode,
        bool idempotent, CancellationToken cancellationToken) =>
        RunStatementAsync(CypherQueries.Get(queryName), parameters, mode, idempotent, cancellationToken);

    /// <summary>
    /// Applies <c>cypher/schema.cypher</c>: constraints and indexes, each IF NOT EXISTS, so safe to repeat. Each runs
    /// under the transaction pipeline, not the per-attempt timeout of a lookup: building a constraint on a populated
    /// database takes as long as the data takes to scan, and a retry would only wait on the first one's lock.
    /// </summary>
    public async Task ApplySchemaAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in CypherQueries.SchemaStatements())
        {
            await RunStatementAsync(statement, new Dictionary<string, object?>(), AccessMode.Write, idempotent: true, cancellationToken, _transactionPipeline);
        }
    }

    private async Task<QueryResult> RunStatementAsync(string statement, IReadOnlyDictionary<string, object?> parameters, AccessMode mode,
        bool idempotent, CancellationToken cancellationToken, ResiliencePipeline? pipeline = null)
    {
        var body = new JsonObject
        {
            ["statement"] = statement,
            ["parameters"] = JsonSerializer.SerializeToNode(parameters, GraphJson.Options),
        };
        if (mode == AccessMode.Read) AddReadMode(body);
        var json = body.ToJsonString(GraphJson.Options);
        // One span per statement, around its retries; each attempt's HTTP call is a child from the HttpClient instrumentation.
        using var activity = RoadmapTelemetry.Source.StartActivity("neo4j.statement", ActivityKind.Client);
        activity?.SetTag("db.system", "neo4j");
        activity?.SetTag("db.operation", mode == AccessMode.Read ? "read" : "write");
        return await ExecuteAsync(pipeline ?? _pipeline, mode == AccessMode.Read || idempotent, mode == AccessMode.Write,
            async token => (await SendAsync(HttpMethod.Post, "", json, true, null, token)).Result, cancellationToken);
    }

    /// <summary>Read mode, and the bookmarks of the last write, so that the read sees it.</summary>
    private void AddReadMode(JsonObject body)
    {
        body["accessMode"] = "Read";
        lock (_bookmarkLock)
        {
            if (_bookmarks.Count > 0) body["bookmarks"] = new JsonArray([.. _bookmarks.Select(b => JsonValue.Create(b))]);
        }
    }

    public const string AffinityHeader = "neo4j-cluster-affinity";

    private async Task<(QueryResult Result, string? Affinity)> SendAsync(HttpMethod method, string path, string? json, bool requireData,
        string? affinity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, $"{_options.Url.TrimEnd('/')}/db/{Uri.EscapeDataString(_options.Database)}/query/v2{path}")
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = Authorization();
        if (affinity is not null) request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);

        using var response = await SendOrThrowAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? root = null;
        JsonException? invalid = null;
        try
        {
            root = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            invalid = e;
        }
        // Neo4j's own code decides whenever the body carries one, whatever the status (400, 404, 500 or 202).
        if (root is JsonObject { } withErrors && withErrors["errors"] is JsonArray { Count: > 0 } errors && errors[0] is JsonObject first)
        {
            throw Neo4jErrorClassifier.FromStatusCode((string?)first["code"] ?? "UNKNOWN", (string?)first["message"] ?? "", _options);
        }
        if (Neo4jErrorClassifier.FromHttpStatus((int)response.StatusCode, text) is { } httpError)
        {
            throw (int)response.StatusCode == 404 && path == "/tx"
                ? new Neo4jConfigurationException($"{_options.Url} has no explicit transactions (/query/v2/tx, HTTP 404): Neo4j 5.26 or later is needed.", "UNSUPPORTED_SERVER")
                : httpError;
        }
        if (invalid is not null) throw new Neo4jClientException("MALFORMED_RESPONSE", $"Neo4j answered with invalid JSON: {invalid.Message}");
        root ??= requireData ? throw new Neo4jClientException("MALFORMED_RESPONSE", "Neo4j answered with an empty body.") : new JsonObject();
        var bookmarks = root["bookmarks"] is JsonArray b ? b.Select(x => (string?)x ?? "").Where(x => x.Length > 0).ToList() : [];
        var transactionId = (string?)root["transaction"]?["id"];
        var answeredAffinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
        if (root["data"] is not JsonObject data || data["fields"] is not JsonArray fields || data["values"] is not JsonArray rows)
        {
            return requireData
                ? throw new Neo4jClientException("MALFORMED_RESPONSE", "Neo4j's answer has no data.fields and data.values.")
                : (new QueryResult([], [], bookmarks, transactionId), answeredAffinity);
        }
        return (new QueryResult(
            fields.Select(f => (string?)f ?? "").ToList(),
            rows.Select(row => row as JsonArray ?? throw new Neo4jClientException("MALFORMED_RESPONSE", "a row is not an array")).ToList(),
            bookmarks, transactionId), answeredAffinity);
    }

    /// <summary>
    /// Sends, turning the transport's failures into coded ones: a network error, or the HttpClient's own timeout
    /// (a TaskCanceledException the caller did not ask for), are transient.
    /// </summary>
    private async Task<HttpResponseMessage> SendOrThrowAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new Neo4jTransientException("NETWORK", e.Message, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Neo4jTransientException("TIMEOUT", $"Neo4j did not answer within the HTTP client's timeout ({_http.Timeout.TotalSeconds:0.#} s).", e);
        }
    }

    /// <summary>The oldest Neo4j this client works with: the first to have the Query API's explicit transactions.</summary>
    public static readonly Version MinimumServerVersion = new(5, 26);

    /// <summary>
    /// Reads the server's version from its discovery document (<c>GET /</c>, which needs no credentials) and fails
    /// with a configuration error on a server older than <see cref="MinimumServerVersion"/>: before 5.25 the Query API
    /// is off by default, and <c>/query/v2/tx</c> exists from 5.26. Calendar versions (2025.01 and on) are newer.
    /// </summary>
    public Task<Version> CheckServerVersionAsync(CancellationToken cancellationToken) =>
        ExecuteAsync(_pipeline, idempotent: true, isWrite: false, async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _options.Url.TrimEnd('/') + "/");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await SendOrThrowAsync(request, token);
            var text = await response.Content.ReadAsStringAsync(token);
            if (Neo4jErrorClassifier.FromHttpStatus((int)response.StatusCode, text) is { } httpError) throw httpError;
            string? reported;
            try
            {
                reported = (string?)JsonNode.Parse(text)?["neo4j_version"];
            }
            catch (JsonException)
            {
                reported = null;
            }
            var version = ParseVersion(reported) ?? throw new Neo4jConfigurationException(
                $"{_options.Url} does not say which Neo4j it is (no neo4j_version at /): is Neo4j:Url the server's HTTP address?", "UNSUPPORTED_SERVER");
            return version >= MinimumServerVersion ? version : throw new Neo4jConfigurationException(
                $"{_options.Url} runs Neo4j {reported}; this service needs Neo4j {MinimumServerVersion} or later (or 2025.x) for the Query API's transactions.", "UNSUPPORTED_SERVER");
        }, cancellationToken);

    internal static Version? ParseVersion(string? text)
    {
        var match = text is null ? null : System.Text.RegularExpressions.Regex.Match(text, @"^(\d+)\.(\d+)");
        return match is { Success: true } ? new Version(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>
    /// The HttpClient for code without a container (the CLI): no timeout of its own, since the pipelines set every
    /// budget (the default 100 s would cut a 5-minute import transaction short).
    /// </summary>
    public static HttpClient CreateStandaloneHttpClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };

    private AuthenticationHeaderValue? Authorization() =>
        // Neo4j decodes the bearer credential as base64 (as its drivers send it), like the basic one.
        _options.Token is { Length: > 0 } token ? new AuthenticationHeaderValue("Bearer", Convert.ToBase64String(Encoding.UTF8.GetBytes(token)))
        : _options.User is { Length: > 0 } user ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{_options.Password}")))
        : null;
}
