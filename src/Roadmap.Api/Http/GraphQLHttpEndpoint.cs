using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Net.Http.Headers;
using Roadmap.Core;
using Roadmap.Core.Storage;

namespace Roadmap.Api.Http;

/// <summary>
/// GraphQL over HTTP (the GraphQL Foundation's spec): POST with an application/json body, GET with the request in
/// the query string (queries only), responses as application/graphql-response+json or application/json as the
/// client accepts, and the spec's status codes. Every error body is a GraphQL response whose errors carry
/// <c>extensions.code</c>.
/// </summary>
public sealed class GraphQLHttpEndpoint(IGraphQLTextSerializer serializer, IGraphStore store, GraphQLLimits limits)
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    public const string JsonMediaType = "application/json";

    public async Task HandleAsync(HttpContext http)
    {
        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (!isGet && !HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(http, JsonMediaType, StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", "Use GET for queries or POST.");
            return;
        }
        var mediaType = NegotiateMediaType(http.Request);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, JsonMediaType, StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
                $"Accept {GraphQLResponseMediaType} or {JsonMediaType}.");
            return;
        }

        var (request, error) = isGet ? ReadGet(http.Request) : await ReadPostAsync(http.Request);
        if (error is not null)
        {
            await WriteErrorAsync(http, mediaType, error.Value.Status, error.Value.Code, error.Value.Message);
            return;
        }
        if (isGet && IsMutation(request!))
        {
            http.Response.Headers.Allow = "POST";
            await WriteErrorAsync(http, mediaType, StatusCodes.Status405MethodNotAllowed, "MUTATION_OVER_GET", "Mutations must be sent with POST.");
            return;
        }
        if (!store.IsReady)
        {
            http.Response.Headers.RetryAfter = "1";
            await WriteErrorAsync(http, mediaType, StatusCodes.Status503ServiceUnavailable, "GRAPH_NOT_READY", "The graph is still loading; retry shortly.");
            return;
        }

        // Every field of this request reads one snapshot of the graph (and the snapshot after its own edits).
        using var snapshot = store.PinSnapshot();
        var executer = http.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request!.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = http.RequestAborted,
        });

        // application/json answers every well-formed request with 200; the newer media type says with the status
        // code whether the request could execute at all: a response without data is a request error.
        var status = mediaType == GraphQLResponseMediaType && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        await WriteAsync(http, mediaType, status, result);
    }

    private static string? NegotiateMediaType(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0) return JsonMediaType;
        double graphQLResponse = 0, json = 0;
        foreach (var value in accept)
        {
            // Exact names and wildcards only: ASP.NET's IsSubsetOf would count application/graphql-response+json
            // as application/json through its +json suffix. A wildcard gets legacy JSON, as the spec advises.
            var range = value.MediaType.Value ?? "";
            var quality = value.Quality ?? 1.0;
            if (range.Equals(GraphQLResponseMediaType, StringComparison.OrdinalIgnoreCase)) graphQLResponse = Math.Max(graphQLResponse, quality);
            else if (range.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase) || range is "*/*" or "application/*") json = Math.Max(json, quality);
        }
        if (graphQLResponse > 0 && graphQLResponse >= json) return GraphQLResponseMediaType;
        return json > 0 ? JsonMediaType : null;
    }

    private (GraphQLHttpRequest?, HttpError?) ReadGet(HttpRequest request)
    {
        var query = request.Query["query"];
        if (query.Count != 1 || string.IsNullOrEmpty(query[0])) return (null, HttpError.BadRequest("A GET request needs one 'query' parameter."));
        if (!TryParseObject(request.Query["variables"].FirstOrDefault(), "variables", out var variables, out var error)) return (null, error);
        if (!TryParseObject(request.Query["extensions"].FirstOrDefault(), "extensions", out var extensions, out error)) return (null, error);
        return (new GraphQLHttpRequest(query[0]!, request.Query["operationName"].FirstOrDefault(), variables, extensions), null);
    }

    private async Task<(GraphQLHttpRequest?, HttpError?)> ReadPostAsync(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || !contentType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return (null, new HttpError(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", $"POST a {JsonMediaType} body."));
        }
        if (request.ContentLength > limits.MaxRequestBytes) return (null, HttpError.TooLarge(limits.MaxRequestBytes));

        // Read at most one byte more than allowed, so a body without Content-Length cannot exceed the limit either.
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limits.MaxRequestBytes) return (null, HttpError.TooLarge(limits.MaxRequestBytes));
        }

        JsonElement body;
        try
        {
            body = JsonDocument.Parse(buffer.ToArray()).RootElement;
        }
        catch (JsonException e)
        {
            return (null, new HttpError(StatusCodes.Status400BadRequest, "INVALID_JSON", $"The body is not valid JSON: {e.Message}"));
        }
        if (body.ValueKind != JsonValueKind.Object) return (null, HttpError.BadRequest("The body must be a JSON object."));
        if (!body.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String || query.GetString()!.Length == 0)
        {
            return (null, HttpError.BadRequest("The body needs a non-empty string 'query'."));
        }
        string? operationName = null;
        if (body.TryGetProperty("operationName", out var op))
        {
            if (op.ValueKind == JsonValueKind.String) operationName = op.GetString();
            else if (op.ValueKind != JsonValueKind.Null) return (null, HttpError.BadRequest("'operationName' must be a string or null."));
        }
        if (!TryReadObject(body, "variables", out var variables, out var error)) return (null, error);
        if (!TryReadObject(body, "extensions", out var extensions, out error)) return (null, error);
        return (new GraphQLHttpRequest(query.GetString()!, operationName, variables, extensions), null);
    }

    private bool TryReadObject(JsonElement body, string name, out Inputs? inputs, out HttpError? error)
    {
        inputs = null;
        error = null;
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return true;
        if (value.ValueKind != JsonValueKind.Object)
        {
            error = HttpError.BadRequest($"'{name}' must be a JSON object or null.");
            return false;
        }
        inputs = serializer.Deserialize<Inputs>(value.GetRawText());
        return true;
    }

    private bool TryParseObject(string? json, string name, out Inputs? inputs, out HttpError? error)
    {
        inputs = null;
        error = null;
        if (string.IsNullOrEmpty(json)) return true;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Null) return true;
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                inputs = serializer.Deserialize<Inputs>(json);
                return true;
            }
        }
        catch (JsonException)
        {
        }
        error = HttpError.BadRequest($"'{name}' must be a JSON-encoded object.");
        return false;
    }

    /// <summary>Whether the operation a GET request would run is a mutation. A document that does not parse is left to the executer to report.</summary>
    private static bool IsMutation(GraphQLHttpRequest request)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(request.Query);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return false;
        }
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = request.OperationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name?.StringValue == request.OperationName);
        return operation?.Operation == OperationType.Mutation;
    }

    private Task WriteErrorAsync(HttpContext http, string mediaType, int status, string code, string message) =>
        WriteAsync(http, mediaType, status, new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] });

    private async Task WriteAsync(HttpContext http, string mediaType, int status, ExecutionResult result)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private sealed record GraphQLHttpRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);

    private readonly record struct HttpError(int Status, string Code, string Message)
    {
        public static HttpError BadRequest(string message) => new(StatusCodes.Status400BadRequest, "BAD_REQUEST", message);

        public static HttpError TooLarge(int limit) =>
            new(StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"The request body exceeds {limit} bytes.");
    }
}

public static class GraphQLEndpointExtensions
{
    public static IEndpointConventionBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder endpoints, string pattern) =>
        endpoints.Map(pattern, http => http.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(http));
}
