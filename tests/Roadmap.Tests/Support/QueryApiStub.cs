using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Tests.Support;

/// <summary>What the stub received: the statement file it matched ("schema" for cypher/schema.cypher), its parameters, access mode and auth header.</summary>
public sealed record StubRequest(string Path, string? Query, JsonObject Parameters, string? AccessMode, string? Authorization, JsonArray? Bookmarks);

/// <summary>
/// A stand-in for Neo4j's Query API, answering in the documented format (202, data.fields, data.values,
/// bookmarks; errors[] for a failed statement). It runs in an in-memory test server: no port is bound, and a client
/// reaches it through <see cref="CreateClient"/> (or a handler from <see cref="CreateHandler"/>) at <see cref="Url"/>. By default it answers the store's read statements
/// from an in-memory graph, recognising each statement by its cypher/queries file; a test can put scripted answers
/// (faults, delays) in front.
/// </summary>
public sealed class QueryApiStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestServer _server;
    private readonly ConcurrentQueue<Func<StubRequest, Task<(int Status, string Body)>>> _scripted = new();
    private readonly Dictionary<string, string> _queryByStatement;
    private GraphData _graph;
    private volatile Tuple<int, string>? _failure;

    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    public string Url { get; }

    private QueryApiStub(WebApplication app, GraphData graph)
    {
        _app = app;
        _graph = graph;
        _queryByStatement = CypherQueries.Names.ToDictionary(CypherQueries.Get, name => name);
        _server = app.GetTestServer();
        Url = _server.BaseAddress.ToString().TrimEnd('/');
    }

    public static async Task<QueryApiStub> StartAsync(GraphData graph)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        QueryApiStub? stub = null;
        app.MapPost("/db/{database}/query/v2", async (HttpContext http) => await stub!.HandleAsync(http));
        // Explicit transactions: open (with a first statement), run more, commit, roll back.
        app.MapPost("/db/{database}/query/v2/tx", async (HttpContext http) => await stub!.HandleAsync(http, transaction: "1"));
        app.MapPost("/db/{database}/query/v2/tx/{id}", async (HttpContext http, string id) => await stub!.HandleAsync(http, transaction: id));
        app.MapPost("/db/{database}/query/v2/tx/{id}/commit", async (HttpContext http) => await stub!.HandleAsync(http, commit: true));
        app.MapDelete("/db/{database}/query/v2/tx/{id}", (HttpContext http) =>
        {
            stub!.Requests.Enqueue(new StubRequest(http.Request.Path, "rollback", [], null, http.Request.Headers.Authorization.FirstOrDefault(), null));
            return stub._failure is { } failure ? Results.Content(failure.Item2, "application/json", statusCode: failure.Item1) : Results.Ok();
        });
        await app.StartAsync();
        stub = new QueryApiStub(app, graph);
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

    /// <summary>The next call is answered by this script instead of the graph.</summary>
    public void Then(Func<StubRequest, Task<(int Status, string Body)>> answer) => _scripted.Enqueue(answer);

    public void Then(int status, string body) => Then(_ => Task.FromResult((status, body)));

    /// <summary>From now on every call (statements, commits, rollbacks) is answered with this failure, until <see cref="Recover"/>.</summary>
    public void FailAll(int status = 503, string body = "down") => _failure = Tuple.Create(status, body);

    public void Recover() => _failure = null;

    public static string Error(string code) => $$"""{"errors":[{"code":"{{code}}","message":"scripted failure"}]}""";

    private async Task HandleAsync(HttpContext http, string? transaction = null, bool commit = false)
    {
        var body = (JsonObject)(await JsonNode.ParseAsync(http.Request.Body))!;
        if (commit)
        {
            Requests.Enqueue(new StubRequest(http.Request.Path, "commit", [], null, http.Request.Headers.Authorization.FirstOrDefault(), null));
            var (commitStatus, commitText) = _failure is { } commitFailure ? (commitFailure.Item1, commitFailure.Item2) : (200, """{"bookmarks":["FB:stub-commit"]}""");
            http.Response.StatusCode = commitStatus;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(commitText);
            return;
        }
        var statement = (string?)body["statement"] ?? "";
        var query = _queryByStatement.GetValueOrDefault(statement) ?? (CypherQueries.SchemaStatements().Contains(statement) ? "schema" : null);
        var request = new StubRequest(http.Request.Path, query,
            body["parameters"] as JsonObject ?? [], (string?)body["accessMode"], http.Request.Headers.Authorization.FirstOrDefault(), body["bookmarks"] as JsonArray);
        Requests.Enqueue(request);

        var (status, text) = _failure is { } failure ? (failure.Item1, failure.Item2)
            : _scripted.TryDequeue(out var scripted) ? await scripted(request)
            : (202, Answer(request));
        if (transaction is not null && status == 202 && JsonNode.Parse(text) is JsonObject answer && answer["errors"] is null)
        {
            answer["transaction"] = new JsonObject { ["id"] = transaction, ["expires"] = "2026-11-22T20:00:00Z" };
            text = answer.ToJsonString();
        }
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(text);
    }

    private string Answer(StubRequest request)
    {
        var p = request.Parameters;
        string[] Ids() => p["ids"]!.AsArray().Select(x => (string)x!).ToArray();
        string[]? Kinds() => p["kinds"] is JsonArray a ? a.Select(x => (string)x!).ToArray() : null;
        bool KindOk(Node n, string[]? kinds) => kinds is null || kinds.Contains(EnumNames.ToConstant(n.Kind));
        var nodes = _graph.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
        return request.Query switch
        {
            "get_nodes" => Rows(["body"], nodes.Where(n => Ids().Contains(n.Id)).Select(n => new object?[] { Body(n) })),
            "list_nodes" => Rows(["body"], nodes.Where(n => KindOk(n, Kinds())).Skip((int)p["offset"]!).Take((int)p["count"]!).Select(n => new object?[] { Body(n) })),
            "count_nodes" => Rows(["total"], [[nodes.Count(n => KindOk(n, Kinds()))]]),
            "search" => Rows(["body"], nodes.Where(n => KindOk(n, Kinds()) && new[] { n.NameZh, n.NameEn }.Concat(n.Aliases).Any(x => x.ToLowerInvariant().Contains((string)p["text"]!, StringComparison.Ordinal)))
                .Take((int)p["limit"]!).Select(n => new object?[] { Body(n) })),
            "edges_out" => EdgeRows(_graph.Edges.Where(e => Ids().Contains(e.From))),
            "edges_in" => EdgeRows(_graph.Edges.Where(e => Ids().Contains(e.To))),
            "all_nodes" => Rows(["body"], nodes.Select(n => new object?[] { Body(n) })),
            "all_edges" => EdgeRows(_graph.Edges),
            "stats" => Rows(["what", "name", "count"],
                nodes.GroupBy(n => n.Kind).Select(g => new object?[] { "node", EnumNames.ToConstant(g.Key), g.Count() })
                    .Concat(_graph.Edges.GroupBy(e => e.Type).Select(g => new object?[] { "edge", EnumNames.ToConstant(g.Key), g.Count() }))),
            "import_nodes" or "import_edges" or "delete_absent" or "schema" => Rows([], [], bookmark: "FB:stub-write"),
            _ => Error("Neo.ClientError.Statement.SyntaxError"),
        };
    }

    private static string Body(Node n) => JsonSerializer.Serialize(n, GraphJson.Options);

    private static string EdgeRows(IEnumerable<Edge> edges) => Rows(["from", "type", "to", "sources", "group"],
        edges.Select(e => new object?[] { e.From, EnumNames.ToConstant(e.Type), e.To, JsonSerializer.Serialize(e.Sources, GraphJson.Options), e.Group }));

    private static string Rows(string[] fields, IEnumerable<object?[]> rows, string bookmark = "FB:stub-read") =>
        JsonSerializer.Serialize(new { data = new { fields, values = rows }, bookmarks = new[] { bookmark } });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
