using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Tests.Support;

/// <summary>What the stub received: the statement file it matched ("schema" for cypher/schema.cypher, "commit", "rollback"), its parameters, access mode and headers.</summary>
public sealed record StubRequest(string Path, string? Query, JsonObject Parameters, string? AccessMode, string? Authorization, JsonArray? Bookmarks, string? Affinity = null);

/// <summary>How the stub is set up: the Neo4j version it claims, its credentials, databases, and whether it stands for a cluster.</summary>
public sealed record QueryApiStubOptions
{
    /// <summary>What the discovery document (GET /) reports. Below 5.26 the stub has no /query/v2/tx.</summary>
    public string Version { get; init; } = "5.26.0";

    /// <summary>Basic credentials the stub accepts; with <see cref="Token"/> also null, auth is disabled (dbms.security.auth_enabled=false).</summary>
    public (string User, string Password)? Basic { get; init; }

    /// <summary>A bearer token the stub accepts (in Neo4j an SSO/OIDC provider checks it; Community has none).</summary>
    public string? Token { get; init; }

    public IReadOnlyList<string> Databases { get; init; } = ["neo4j"];

    /// <summary>
    /// Stands for a cluster or Aura behind a router: each /tx answer carries a neo4j-cluster-affinity header, and a
    /// later request of that transaction without it reaches "another member", which does not know the transaction.
    /// </summary>
    public bool Cluster { get; init; }

    /// <summary>How long an idle explicit transaction lives (the Query API's default is 30 s).</summary>
    public TimeSpan TransactionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>
/// A stand-in for Neo4j's Query API, built from what Neo4j's server does (its QueryResource/QueryController, its
/// authorization filter and its Query API integration tests in neo4j/neo4j) and from the Query API documentation:
/// <list type="bullet">
/// <item>auth is checked first: no header or wrong credentials give 401 with Neo.ClientError.Security.Unauthorized;
/// a bearer credential is base64-decoded, as Neo4j decodes it;</item>
/// <item>then content negotiation: a body that is not JSON gives 415, an Accept it cannot answer 406 (empty bodies:
/// the server's JAX-RS layer answers these, and its exact body is not pinned here);</item>
/// <item>an unknown database gives 404 with Neo.ClientError.Database.DatabaseNotFound; an unknown or expired
/// transaction 404 with Neo.ClientError.Request.Invalid ("Transaction not found" — the code Neo4j uses there could
/// not be settled from the source read and is an assumption);</item>
/// <item>a failure when a statement starts is 400 with its code (ClientError and TransientError alike), a
/// DatabaseError 500; only a failure while the answer streams is 202 with errors[] (scripted answers can produce it);
/// a missing parameter is Neo.ClientError.Statement.ParameterMissing;</item>
/// <item>explicit transactions have random ids and an expiry; a failed statement closes its transaction (later
/// requests get 404); commit answers 202 with bookmarks, rollback 200 with a bookmarks object;</item>
/// <item>the statements are applied to <see cref="QueryApiStubGraph"/>, a fake with the store's statements'
/// semantics (not a Cypher engine); an explicit transaction writes to its own copy, published on commit.</item>
/// </list>
/// It runs in an in-memory test server: no port is bound; a client reaches it through <see cref="CreateClient"/>
/// (or a handler from <see cref="CreateHandler"/>) at <see cref="Url"/>. A test can put scripted answers (faults,
/// delays) in front of the Query API calls (not of the discovery document).
/// </summary>
public sealed partial class QueryApiStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestServer _server;
    private readonly QueryApiStubOptions _options;
    private readonly ConcurrentQueue<Func<StubRequest, Task<(int Status, string Body)>>> _scripted = new();
    private readonly Dictionary<string, string> _queryByStatement;
    private readonly ConcurrentDictionary<string, OpenTransaction> _transactions = new();
    private readonly Lock _commitLock = new();
    private volatile Tuple<int, string>? _failure;

    private sealed class OpenTransaction(string database, string? authorization, string? affinity, QueryApiStubGraph graph, DateTimeOffset expires)
    {
        public string Database { get; } = database;
        public string? Authorization { get; } = authorization;
        public string? Affinity { get; } = affinity;
        public QueryApiStubGraph Graph { get; } = graph;
        public DateTimeOffset Expires { get; set; } = expires;
        public Lock Lock { get; } = new();
        public bool ReadOnly { get; init; }
    }

    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    /// <summary>The committed graph.</summary>
    public QueryApiStubGraph Graph { get; private set; }

    public string Url { get; }

    private QueryApiStub(WebApplication app, QueryApiStubGraph graph, QueryApiStubOptions options)
    {
        _app = app;
        Graph = graph;
        _options = options;
        _queryByStatement = CypherQueries.Names.ToDictionary(CypherQueries.Get, name => name);
        _server = app.GetTestServer();
        Url = _server.BaseAddress.ToString().TrimEnd('/');
    }

    public static Task<QueryApiStub> StartAsync(GraphData graph, QueryApiStubOptions? options = null) =>
        StartAsync(QueryApiStubGraph.From(graph), options);

    public static async Task<QueryApiStub> StartAsync(QueryApiStubGraph graph, QueryApiStubOptions? options = null)
    {
        options ??= new QueryApiStubOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        QueryApiStub? stub = null;
        app.MapGet("/", (HttpContext http) => Results.Json(new Dictionary<string, string>
        {
            ["bolt_routing"] = "neo4j://localhost:7687",
            ["query"] = $"{stub!.Url}/db/{{databaseName}}/query/v2",
            ["transaction"] = $"{stub.Url}/db/{{databaseName}}/tx",
            ["bolt_direct"] = "bolt://localhost:7687",
            ["neo4j_version"] = options.Version,
            ["neo4j_edition"] = "community",
        }));
        app.MapPost("/db/{database}/query/v2", (HttpContext http, string database) => stub!.HandleAsync(http, database, Step.AutoCommit, null));
        // The explicit-transaction endpoints appeared in 5.26 (before 5.25 the Query API itself is off by default).
        if (Neo4jQueryClient.ParseVersion(options.Version) >= new Version(5, 26))
        {
            app.MapPost("/db/{database}/query/v2/tx", (HttpContext http, string database) => stub!.HandleAsync(http, database, Step.Begin, null));
            app.MapPost("/db/{database}/query/v2/tx/{id}", (HttpContext http, string database, string id) => stub!.HandleAsync(http, database, Step.Run, id));
            app.MapPost("/db/{database}/query/v2/tx/{id}/commit", (HttpContext http, string database, string id) => stub!.HandleAsync(http, database, Step.Commit, id));
            app.MapDelete("/db/{database}/query/v2/tx/{id}", (HttpContext http, string database, string id) => stub!.HandleAsync(http, database, Step.Rollback, id));
        }
        await app.StartAsync();
        stub = new QueryApiStub(app, graph, options);
        return stub;
    }

    /// <summary>An HTTP client whose requests go to the stub, in memory.</summary>
    public HttpClient CreateClient() => new(CreateHandler());

    /// <summary>A handler whose requests go to the stub, for an HTTP client the code under test builds itself.</summary>
    public HttpMessageHandler CreateHandler() => new AbandoningHandler(_server.CreateHandler());

    /// <summary>
    /// A cancelled call ends at once, as over a socket, whether or not the stub's answer is still running: the test
    /// server's own handler would wait for a scripted slow answer to finish.
    /// </summary>
    private sealed class AbandoningHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            base.SendAsync(request, cancellationToken).WaitAsync(cancellationToken);
    }

    /// <summary>The next Query API call is answered by this script instead of the graph.</summary>
    public void Then(Func<StubRequest, Task<(int Status, string Body)>> answer) => _scripted.Enqueue(answer);

    public void Then(int status, string body) => Then(_ => Task.FromResult((status, body)));

    /// <summary>The first Query API call that matches is answered so; the others as usual.</summary>
    public void When(Func<StubRequest, bool> match, int status, string body)
    {
        lock (_rules) _rules.Add((match, status, body));
    }

    private readonly List<(Func<StubRequest, bool> Match, int Status, string Body)> _rules = [];

    private readonly List<(Func<StubRequest, bool> Match, Func<Task> Action)> _before = [];

    /// <summary>Before the first Query API call that matches is answered, this runs (another client's import, say).</summary>
    public void Before(Func<StubRequest, bool> match, Func<Task> action)
    {
        lock (_before) _before.Add((match, action));
    }

    private Func<Task>? TakeBefore(StubRequest request)
    {
        lock (_before)
        {
            var i = _before.FindIndex(b => b.Match(request));
            if (i < 0) return null;
            var action = _before[i].Action;
            _before.RemoveAt(i);
            return action;
        }
    }

    private (int Status, string Body)? MatchingRule(StubRequest request)
    {
        lock (_rules)
        {
            var i = _rules.FindIndex(r => r.Match(request));
            if (i < 0) return null;
            var rule = _rules[i];
            _rules.RemoveAt(i);
            return (rule.Status, rule.Body);
        }
    }

    /// <summary>From now on every Query API call (statements, commits, rollbacks) is answered with this failure, until <see cref="Recover"/>.</summary>
    public void FailAll(int status = 503, string body = "down") => _failure = Tuple.Create(status, body);

    public void Recover() => _failure = null;

    public static string Error(string code, string message = "scripted failure") =>
        new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }) }.ToJsonString();

    private enum Step { AutoCommit, Begin, Run, Commit, Rollback }

    private sealed record Answer(int Status, string Body, string? Affinity = null);

    private async Task HandleAsync(HttpContext http, string database, Step step, string? id)
    {
        var answer = await AnswerAsync(http, database, step, id);
        http.Response.StatusCode = answer.Status;
        if (answer.Affinity is not null) http.Response.Headers[Neo4jQueryClient.AffinityHeader] = answer.Affinity;
        if (answer.Body.Length > 0)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(answer.Body);
        }
    }

    private async Task<Answer> AnswerAsync(HttpContext http, string database, Step step, string? id)
    {
        var authorization = http.Request.Headers.Authorization.FirstOrDefault();
        var affinity = http.Request.Headers[Neo4jQueryClient.AffinityHeader].FirstOrDefault();
        JsonObject body = [];
        if (step != Step.Rollback && http.Request.ContentLength != 0)
        {
            try
            {
                body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
            }
            catch (JsonException)
            {
                body = [];
            }
        }
        var statement = (string?)body["statement"];
        var query = step switch
        {
            Step.Commit when statement is null => "commit",
            Step.Rollback => "rollback",
            _ => statement is null ? null : _queryByStatement.GetValueOrDefault(statement) ?? (CypherQueries.SchemaStatements().Contains(statement) ? "schema" : null),
        };
        var request = new StubRequest(http.Request.Path, query, body["parameters"] as JsonObject ?? [], (string?)body["accessMode"], authorization, body["bookmarks"] as JsonArray, affinity);
        Requests.Enqueue(request);

        if (Unauthenticated(authorization) is { } refused) return refused;
        if (step != Step.Rollback)
        {
            var contentType = http.Request.ContentType ?? "";
            if (!contentType.StartsWith("application/json", StringComparison.Ordinal) && !contentType.StartsWith("application/vnd.neo4j.query", StringComparison.Ordinal)) return new Answer(415, "");
            var accept = http.Request.Headers.Accept.ToString();
            if (accept.Length > 0 && !accept.Contains("application/json", StringComparison.Ordinal) && !accept.Contains("application/vnd.neo4j.query", StringComparison.Ordinal)
                && !accept.Contains("*/*", StringComparison.Ordinal)) return new Answer(406, "");
        }
        if (!_options.Databases.Contains(database))
        {
            return new Answer(404, Error(Neo4jErrorClassifier.DatabaseNotFound, $"Graph not found: {database}"));
        }

        OpenTransaction? transaction = null;
        if (id is not null)
        {
            // On a cluster, a request without the affinity header may reach a member that never saw the transaction.
            if (!_transactions.TryGetValue(id, out transaction) || transaction.Database != database || transaction.Authorization != authorization
                || (transaction.Affinity is not null && transaction.Affinity != affinity) || transaction.Expires < _options.Time.GetUtcNow())
            {
                if (transaction is not null && transaction.Expires < _options.Time.GetUtcNow()) _transactions.TryRemove(id, out _);
                return new Answer(404, Error("Neo.ClientError.Request.Invalid", $"Transaction with Id: \"{id}\" was not found. It may have timed out and therefore rolled back or the routing header 'neo4j-cluster-affinity' was not provided."));
            }
        }

        if (_failure is { } failure) return Close(id, new Answer(failure.Item1, failure.Item2));
        if (TakeBefore(request) is { } before) await before();
        var ruled = MatchingRule(request);
        if (ruled is not null || _scripted.TryDequeue(out var scripted) && (ruled = await scripted(request)) is not null)
        {
            var (status, text) = ruled.Value;
            // A transaction whose statement failed is closed by Neo4j.
            return status == 202 && !text.Contains("\"errors\"", StringComparison.Ordinal) ? new Answer(status, text) : Close(id, new Answer(status, text));
        }

        switch (step)
        {
            case Step.Rollback:
                _transactions.TryRemove(id!, out _);
                return new Answer(200, """{"bookmarks":[]}""");
            case Step.Commit when statement is null:
                _transactions.TryRemove(id!, out _);
                lock (_commitLock) Graph = transaction!.Graph;
                return new Answer(202, """{"bookmarks":["FB:stub-commit"]}""");
        }

        if (statement is null || query is null) return Close(id, new Answer(400, Error("Neo.ClientError.Statement.SyntaxError", "Invalid input: not a statement this stub knows")));
        if (MissingParameters(statement, request.Parameters) is { Count: > 0 } missing)
        {
            return Close(id, new Answer(400, Error("Neo.ClientError.Statement.ParameterMissing", "Expected parameter(s): " + string.Join(", ", missing))));
        }

        var isRead = query is not ("import_nodes" or "import_edges" or "delete_absent" or "delete_absent_edges" or "bump_revision" or "schema");
        if (!isRead && (request.AccessMode == "Read" || transaction?.ReadOnly == true))
        {
            return Close(id, new Answer(400, Error("Neo.ClientError.Statement.AccessMode", "Writing in read access mode not allowed.")));
        }

        (string[] Fields, List<JsonNode?[]> Rows) result;
        string? newAffinity = null;
        if (step == Step.AutoCommit)
        {
            lock (_commitLock)
            {
                // An auto-commit write is its own transaction: all of it, on a copy, then published.
                var graph = isRead || query == "schema" ? Graph : Graph.Clone();
                result = graph.Apply(query, statement, request.Parameters);
                Graph = graph;
            }
            return new Answer(202, Rows(result, isRead ? "FB:stub-read" : "FB:stub-write", null));
        }
        if (step == Step.Begin)
        {
            id = Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64()));
            QueryApiStubGraph copy;
            lock (_commitLock) copy = Graph.Clone();
            newAffinity = _options.Cluster ? "member-" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            transaction = new OpenTransaction(database, authorization, newAffinity, copy, _options.Time.GetUtcNow() + _options.TransactionTimeout) { ReadOnly = request.AccessMode == "Read" };
            _transactions[id] = transaction;
        }
        lock (transaction!.Lock)
        {
            result = transaction.Graph.Apply(query, statement, request.Parameters);
            transaction.Expires = _options.Time.GetUtcNow() + _options.TransactionTimeout;
        }
        if (step == Step.Commit)
        {
            _transactions.TryRemove(id!, out _);
            lock (_commitLock) Graph = transaction.Graph;
            return new Answer(202, Rows(result, "FB:stub-commit", null));
        }
        return new Answer(202, Rows(result, null, (id!, transaction.Expires)), newAffinity);
    }

    /// <summary>A failed statement ends its transaction on the server.</summary>
    private Answer Close(string? id, Answer answer)
    {
        if (id is not null) _transactions.TryRemove(id, out _);
        return answer;
    }

    private Answer? Unauthenticated(string? authorization)
    {
        if (_options.Basic is null && _options.Token is null) return null;
        var unauthorized = (string message) => new Answer(401, Error("Neo.ClientError.Security.Unauthorized", message));
        if (authorization is null) return unauthorized("No authentication header supplied.");
        var parts = authorization.Trim().Split(' ', 2);
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parts[^1]));
        }
        catch (FormatException)
        {
            return new Answer(400, Error("Neo.ClientError.Request.InvalidFormat", "Invalid authentication header."));
        }
        return parts[0] switch
        {
            "Basic" when _options.Basic is { } basic && decoded == $"{basic.User}:{basic.Password}" => null,
            "Bearer" when _options.Token is { } token && decoded == token => null,
            _ => unauthorized("Invalid credential."),
        };
    }

    [GeneratedRegex(@"\$(\w+)")]
    private static partial Regex Parameter();

    private static List<string> MissingParameters(string statement, JsonObject parameters)
    {
        var withoutComments = string.Join('\n', statement.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
        return Parameter().Matches(withoutComments).Select(m => m.Groups[1].Value).Distinct().Where(name => !parameters.ContainsKey(name)).ToList();
    }

    private static string Rows((string[] Fields, List<JsonNode?[]> Rows) result, string? bookmark, (string Id, DateTimeOffset Expires)? transaction)
    {
        var answer = new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["fields"] = new JsonArray([.. result.Fields.Select(f => (JsonNode)f)]),
                ["values"] = new JsonArray([.. result.Rows.Select(row => (JsonNode)new JsonArray([.. row.Select(v => v?.DeepClone())]))]),
            },
        };
        if (bookmark is not null) answer["bookmarks"] = new JsonArray(bookmark);
        if (transaction is { } t) answer["transaction"] = new JsonObject { ["id"] = t.Id, ["expires"] = t.Expires.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) };
        return answer.ToJsonString();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
