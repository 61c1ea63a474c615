using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Roadmap.Core.Errors;
using Roadmap.Core.GraphQL.Execution;

namespace Roadmap.Api.Http;

/// <summary>
/// GraphQL over HTTP (the GraphQL Foundation's spec), and HTTP only: POST with an application/json body, GET with
/// the request in the query string, responses as application/graphql-response+json or application/json as the
/// client accepts, and the spec's status codes. What a request may do (no mutations over GET, the graph must be
/// loaded) is decided by execution, here and in <c>roadmap query</c> alike; this class maps its answer to a status.
/// </summary>
public sealed class GraphQLHttpEndpoint(IGraphQLTextSerializer serializer, IDocumentExecuter<ISchema> executer, IOptions<GraphQLHttpOptions> options,
    IOptions<GraphQLOptions> executionOptions)
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    public const string JsonMediaType = "application/json";

    public async Task HandleAsync(HttpContext http)
    {
        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (!isGet && !HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(http, JsonMediaType, new HttpError(ErrorCodes.MethodNotAllowed, "Use GET for queries or POST."));
            return;
        }
        var mediaType = NegotiateMediaType(http.Request);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, JsonMediaType, new HttpError(ErrorCodes.NotAcceptable, $"Accept {GraphQLResponseMediaType} or {JsonMediaType}."));
            return;
        }

        var (request, error) = isGet ? ReadGet(http.Request) : await ReadPostAsync(http.Request);
        if (error is not null)
        {
            await WriteErrorAsync(http, mediaType, error.Value);
            return;
        }
        // A GET query is a read of one revision of the graph: the same request at the same revision is the same answer.
        var etag = isGet ? EntityTag(http, request!, mediaType) : null;
        if (etag is not null && http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false)))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            SetCaching(http, etag);
            return;
        }

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request!.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            UserContext = new RequestContext(http.TraceIdentifier, readOnlyTransport: isGet),
            CancellationToken = http.RequestAborted,
        });
        if (etag is not null && result.Executed && result.Errors is null or { Count: 0 }) SetCaching(http, etag);
        await WriteAsync(http, mediaType, StatusOf(http, result, mediaType), result);
    }

    /// <summary>
    /// The answer's tag: the graph's revision, and a hash of what else the answer depends on (the document, operation,
    /// variables and extensions, the media type and the key's name). Null on a store that keeps no revision (Neo4j).
    /// </summary>
    private static EntityTagHeaderValue? EntityTag(HttpContext http, GraphQLRequest request, string mediaType)
    {
        if (http.RequestServices.GetService<Roadmap.Core.Storage.IEditableGraphStore>() is not { } store) return null;
        var what = string.Join('\u001f', request.Query, request.OperationName, http.Request.Query["variables"].ToString(),
            http.Request.Query["extensions"].ToString(), mediaType, http.User.Identity?.Name);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(what)))[..16];
        return new EntityTagHeaderValue($"\"r{store.Revision}-{hash}\"", isWeak: true);
    }

    private void SetCaching(HttpContext http, EntityTagHeaderValue etag)
    {
        http.Response.Headers.ETag = etag.ToString();
        http.Response.Headers.CacheControl = options.Value.CacheControl;
        http.Response.Headers.Append(HeaderNames.Vary, "Accept, Authorization");
    }

    /// <summary>
    /// A response without data whose error has a status of its own (the graph loading, the store down, a mutation
    /// over GET) gets that status. Otherwise application/json answers every well-formed request with 200, and the
    /// newer media type says with 400 that the request could not execute at all.
    /// </summary>
    private static int StatusOf(HttpContext http, ExecutionResult result, string mediaType)
    {
        if (result.Data is null && result.Errors is [{ Code: { } code }, ..] && ErrorCodes.Find(code) is { HttpStatus: { } status })
        {
            if (status == StatusCodes.Status405MethodNotAllowed) http.Response.Headers.Allow = "POST";
            if (status == StatusCodes.Status503ServiceUnavailable) http.Response.Headers.RetryAfter = "1";
            return status;
        }
        return mediaType == GraphQLResponseMediaType && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
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

    private (GraphQLRequest?, HttpError?) ReadGet(HttpRequest request)
    {
        var query = request.Query["query"];
        if (query.Count != 1 || string.IsNullOrEmpty(query[0])) return (null, HttpError.BadRequest("A GET request needs one 'query' parameter."));
        if (!TryReadInputs(request.Query["variables"].FirstOrDefault(), "variables", out var variables, out var error)) return (null, error);
        if (!TryReadInputs(request.Query["extensions"].FirstOrDefault(), "extensions", out var extensions, out error)) return (null, error);
        return (new GraphQLRequest { Query = query[0], OperationName = request.Query["operationName"].FirstOrDefault(), Variables = variables, Extensions = extensions }, null);
    }

    private async Task<(GraphQLRequest?, HttpError?)> ReadPostAsync(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || !contentType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return (null, new HttpError(ErrorCodes.UnsupportedMediaType, $"POST a {JsonMediaType} body."));
        }
        var limit = options.Value.MaxRequestBytes;
        if (request.ContentLength > limit) return (null, HttpError.TooLarge(limit));

        GraphQLRequest? body;
        // Read whole through a stream that stops at the limit (a body without Content-Length cannot exceed it
        // either), so that a body the serializer refuses can be looked at again.
        using var buffer = new MemoryStream();
        try
        {
            await using var bounded = new BoundedReadStream(request.Body, limit);
            await bounded.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        }
        catch (BoundedReadStream.LimitExceededException)
        {
            return (null, HttpError.TooLarge(limit));
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own refusal (a body slower than Kestrel:Limits:MinRequestBodyDataRate, or cut short): the
            // client's doing, not an error of the application to log.
            return (null, HttpError.BadRequest($"The request body could not be read: {e.Message}"));
        }
        try
        {
            buffer.Position = 0;
            body = await serializer.ReadAsync<GraphQLRequest>(buffer, request.HttpContext.RequestAborted);
        }
        catch (JsonException e) when (e.InnerException is JsonException)
        {
            // The reader's own error, wrapped by the serializer: the text is not JSON.
            return (null, new HttpError(ErrorCodes.InvalidJson, $"The body is not valid JSON: {e.Message}"));
        }
        catch (JsonException e) when (!JsonUnicode.IsUnicode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
        {
            return (null, new HttpError(ErrorCodes.InvalidJson, $"The body is not valid UTF-8, or escapes half a surrogate pair: {e.Message}"));
        }
        catch (JsonException e)
        {
            // Well-formed JSON that the request converter refused: an array, or a field of the wrong type.
            return (null, HttpError.BadRequest($"The body is not a GraphQL request: {e.Message}"));
        }
        if (body is null) return (null, HttpError.BadRequest("The body must be a JSON object."));
        if (string.IsNullOrEmpty(body.Query)) return (null, HttpError.BadRequest("The body needs a non-empty string 'query'."));
        return (body, null);
    }

    /// <summary>A GET parameter holding a JSON object (or nothing, or null).</summary>
    private bool TryReadInputs(string? json, string name, out Inputs? inputs, out HttpError? error)
    {
        inputs = null;
        error = null;
        if (string.IsNullOrEmpty(json)) return true;
        try
        {
            if (json.AsSpan().Trim() is "null") return true;
            if (json.AsSpan().TrimStart() is ['{', ..])
            {
                inputs = serializer.Deserialize<Inputs>(json);
                return true;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            if (!JsonUnicode.IsUnicode(System.Text.Encoding.UTF8.GetBytes(json)))
            {
                error = new HttpError(ErrorCodes.InvalidJson, $"'{name}' escapes half a surrogate pair.");
                return false;
            }
        }
        error = HttpError.BadRequest($"'{name}' must be a JSON-encoded object.");
        return false;
    }

    private Task WriteErrorAsync(HttpContext http, string mediaType, HttpError error) =>
        WriteAsync(http, mediaType, error.Code.HttpStatus ?? StatusCodes.Status400BadRequest, new ExecutionResult
        {
            Errors = [new ExecutionError(error.Message) { Code = error.Code.Code }],
        });

    /// <summary>
    /// Written to a buffer first, which stops at GraphQL:MaxResponseBytes: a response over it is replaced by one
    /// coded error, and a client never receives half a response.
    /// </summary>
    private async Task WriteAsync(HttpContext http, string mediaType, int status, ExecutionResult result)
    {
        var limit = executionOptions.Value.MaxResponseBytes;
        using var buffer = new BoundedWriteStream(limit);
        try
        {
            await serializer.WriteAsync(buffer, result, http.RequestAborted);
        }
        catch (BoundedWriteStream.LimitExceededException)
        {
            buffer.SetLength(0);
            await serializer.WriteAsync(buffer, new ExecutionResult
            {
                Errors = [new ExecutionError($"The response exceeds {limit} bytes (GraphQL:MaxResponseBytes); ask for less.") { Code = ErrorCodes.ResponseTooLarge.Code }],
            }, http.RequestAborted);
        }
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        http.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    private readonly record struct HttpError(ErrorCode Code, string Message)
    {
        public static HttpError BadRequest(string message) => new(ErrorCodes.BadRequest, message);

        public static HttpError TooLarge(int limit) => new(ErrorCodes.RequestTooLarge, $"The request body exceeds {limit} bytes.");
    }
}
