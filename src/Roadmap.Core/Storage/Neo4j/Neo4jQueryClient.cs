using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

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
    private async Task<QueryResult> ExecuteAsync(ResiliencePipeline pipeline, bool idempotent, bool isWrite,
        Func<CancellationToken, Task<QueryResult>> work, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Neo4jResilience.Idempotent, idempotent);
        try
        {
            var result = await pipeline.ExecuteAsync(async ctx => await work(ctx.CancellationToken), context);
            // A write's bookmarks go with the reads after it, so that they see it.
            if (isWrite && result.Bookmarks.Count > 0)
            {
                lock (_bookmarkLock) _bookmarks = result.Bookmarks;
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
        ExecuteAsync(_transactionPipeline, idempotent, isWrite: true, async token =>
        {
            string? id = null;
            try
            {
                for (var i = 0; i < statements.Count; i++)
                {
                    var body = new JsonObject
                    {
                        ["statement"] = CypherQueries.Get(statements[i].Query),
                        ["parameters"] = JsonSerializer.SerializeToNode(statements[i].Parameters, GraphJson.Options),
                    }.ToJsonString(GraphJson.Options);
                    var step = await SendAsync(HttpMethod.Post, id is null ? "/tx" : $"/tx/{id}", body, true, token);
                    id ??= step.TransactionId ?? throw new Neo4jClientException("MALFORMED_RESPONSE", "Neo4j opened no transaction (no transaction.id).");
                    afterStatement?.Invoke(i);
                }
                return await SendAsync(HttpMethod.Post, $"/tx/{id}/commit", "{}", false, token);
            }
            catch when (id is not null)
            {
                await RollbackAsync(id);
                throw;
            }
        }, cancellationToken);

    private async Task RollbackAsync(string id)
    {
        try
        {
            // Best effort, and not under the caller's token: an abandoned transaction would hold its locks until it expires.
            using var timeout = new CancellationTokenSource(_options.AttemptTimeout);
            await SendAsync(HttpMethod.Delete, $"/tx/{id}", null, false, timeout.Token);
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

    /// <summary>Applies <c>cypher/schema.cypher</c>: constraints and indexes, each IF NOT EXISTS, so safe to repeat.</summary>
    public async Task ApplySchemaAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in CypherQueries.SchemaStatements())
        {
            await RunStatementAsync(statement, new Dictionary<string, object?>(), AccessMode.Write, idempotent: true, cancellationToken);
        }
    }

    private async Task<QueryResult> RunStatementAsync(string statement, IReadOnlyDictionary<string, object?> parameters, AccessMode mode,
        bool idempotent, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["statement"] = statement,
            ["parameters"] = JsonSerializer.SerializeToNode(parameters, GraphJson.Options),
        };
        if (mode == AccessMode.Read)
        {
            body["accessMode"] = "Read";
            lock (_bookmarkLock)
            {
                if (_bookmarks.Count > 0) body["bookmarks"] = new JsonArray([.. _bookmarks.Select(b => JsonValue.Create(b))]);
            }
        }
        var json = body.ToJsonString(GraphJson.Options);
        return await ExecuteAsync(_pipeline, mode == AccessMode.Read || idempotent, mode == AccessMode.Write,
            token => SendAsync(HttpMethod.Post, "", json, true, token), cancellationToken);
    }

    private async Task<QueryResult> SendAsync(HttpMethod method, string path, string? json, bool requireData, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, $"{_options.Url.TrimEnd('/')}/db/{Uri.EscapeDataString(_options.Database)}/query/v2{path}")
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = Authorization();

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new Neo4jTransientException("NETWORK", e.Message, e);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (Neo4jErrorClassifier.FromHttpStatus((int)response.StatusCode, text) is { } httpError) throw httpError;
            JsonNode? root;
            try
            {
                root = text.Length == 0 && !requireData ? new JsonObject() : JsonNode.Parse(text);
            }
            catch (JsonException e)
            {
                throw new Neo4jClientException("MALFORMED_RESPONSE", $"Neo4j answered with invalid JSON: {e.Message}");
            }
            // A failed statement comes back as 202 with an errors array, so the body decides, not the status.
            if (root?["errors"] is JsonArray { Count: > 0 } errors)
            {
                var first = errors[0]!;
                throw Neo4jErrorClassifier.FromStatusCode((string?)first["code"] ?? "UNKNOWN", (string?)first["message"] ?? "");
            }
            var bookmarks = root?["bookmarks"] is JsonArray b ? b.Select(x => (string?)x ?? "").Where(x => x.Length > 0).ToList() : [];
            var transactionId = (string?)root?["transaction"]?["id"];
            if (root?["data"] is not JsonObject data || data["fields"] is not JsonArray fields || data["values"] is not JsonArray values)
            {
                return requireData
                    ? throw new Neo4jClientException("MALFORMED_RESPONSE", "Neo4j's answer has no data.fields and data.values.")
                    : new QueryResult([], [], bookmarks, transactionId);
            }
            return new QueryResult(
                fields.Select(f => (string?)f ?? "").ToList(),
                values.Select(row => row as JsonArray ?? throw new Neo4jClientException("MALFORMED_RESPONSE", "a row is not an array")).ToList(),
                bookmarks, transactionId);
        }
    }

    private AuthenticationHeaderValue? Authorization() =>
        _options.Token is { Length: > 0 } token ? new AuthenticationHeaderValue("Bearer", token)
        : _options.User is { Length: > 0 } user ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{_options.Password}")))
        : null;
}
