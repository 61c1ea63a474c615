using System.Text;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;
using Roadmap.Api.Http;
using Roadmap.Core.Errors;

namespace Roadmap.Api.Subscriptions;

/// <summary>
/// GraphQL over Server-Sent Events, the graphql-sse protocol's distinct connections mode: each POST (or GET) with
/// Accept: text/event-stream is one operation, answered as a stream of 'next' events and one 'complete'. A request
/// that does not validate is answered with its errors as JSON and status 400, as the protocol asks.
/// </summary>
public sealed class SseSubscriptionEndpoint(IGraphQLTextSerializer serializer, SubscriptionRunner runner, SubscriptionLimiter limiter,
    IOptions<SubscriptionOptions> options, IOptions<GraphQLHttpOptions> httpOptions)
{
    public const string EventStream = "text/event-stream";

    /// <summary>
    /// Whether a request to /graphql is a graphql-sse subscription: it accepts an event stream and no JSON answer
    /// (graphql-sse sends <c>Accept: text/event-stream</c>; a GraphQL-over-HTTP client accepts JSON).
    /// </summary>
    public static bool IsAskedFor(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(a => a.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase))
            && !accept.Any(a => a.MediaType.Value?.Contains("json", StringComparison.OrdinalIgnoreCase) == true);
    }

    public async Task HandleAsync(HttpContext http)
    {
        if (!http.Request.Headers.Accept.Any(a => a?.Contains(EventStream, StringComparison.OrdinalIgnoreCase) == true))
        {
            await WriteJsonErrorAsync(http, ErrorCodes.NotAcceptable, $"Accept {EventStream}: this endpoint streams.");
            return;
        }
        var request = await ReadAsync(http);
        if (request is null) return;

        using var lease = limiter.TryAcquire(SubscriberAddress.Of(http));
        if (lease is null)
        {
            await WriteJsonErrorAsync(http, ErrorCodes.TooManySubscriptions, $"This address holds {options.Value.MaxPerAddress} open subscriptions already.");
            return;
        }
        var running = await runner.StartAsync(request, http.User, http.RequestServices, http.TraceIdentifier, http.RequestAborted);
        if (!running.Result.Executed)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "application/json; charset=utf-8";
            await serializer.WriteAsync(http.Response.Body, running.Result, http.RequestAborted);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = EventStream + "; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        // Proxies such as nginx would otherwise hold events back.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.Body.FlushAsync(http.RequestAborted);
        try
        {
            if (running.Events is not { } events)
            {
                await WriteEventAsync(http, "next", serializer.Serialize(running.Result));
            }
            else
            {
                using (events)
                {
                    await PumpAsync(http, events);
                }
            }
            await WriteEventAsync(http, "complete", "");
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away: its subscription ends with the request.
        }
    }

    private async Task PumpAsync(HttpContext http, ResultQueue events)
    {
        var heartbeat = options.Value.HeartbeatInterval;
        while (true)
        {
            var waiting = events.Reader.WaitToReadAsync(http.RequestAborted).AsTask();
            var finished = await Task.WhenAny(waiting, Task.Delay(heartbeat, http.RequestAborted));
            if (finished != waiting)
            {
                await WriteAsync(http, ":\n\n");
                continue;
            }
            if (!await waiting) break;
            while (events.Reader.TryRead(out var result)) await WriteEventAsync(http, "next", serializer.Serialize(result));
        }
        if (events.Dropped) await WriteEventAsync(http, "next", serializer.Serialize(ResultQueue.SlowConsumerResult()));
    }

    private static Task WriteEventAsync(HttpContext http, string name, string data) => WriteAsync(http, $"event: {name}\ndata: {data}\n\n");

    private static async Task WriteAsync(HttpContext http, string text)
    {
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    private async Task<GraphQLRequest?> ReadAsync(HttpContext http)
    {
        GraphQLRequest? request = null;
        try
        {
            if (HttpMethods.IsGet(http.Request.Method))
            {
                var query = http.Request.Query;
                request = new GraphQLRequest
                {
                    Query = query["query"].FirstOrDefault(),
                    OperationName = query["operationName"].FirstOrDefault(),
                    Variables = query["variables"].FirstOrDefault() is { Length: > 0 } v ? serializer.Deserialize<Inputs>(v) : null,
                    Extensions = query["extensions"].FirstOrDefault() is { Length: > 0 } x ? serializer.Deserialize<Inputs>(x) : null,
                };
            }
            else if (HttpMethods.IsPost(http.Request.Method))
            {
                var limit = httpOptions.Value.MaxRequestBytes;
                if (http.Request.ContentLength > limit)
                {
                    await WriteJsonErrorAsync(http, ErrorCodes.RequestTooLarge, $"The request body exceeds {limit} bytes.");
                    return null;
                }
                await using var bounded = new BoundedReadStream(http.Request.Body, limit);
                request = await serializer.ReadAsync<GraphQLRequest>(bounded, http.RequestAborted);
            }
            else
            {
                http.Response.Headers.Allow = "GET, POST";
                await WriteJsonErrorAsync(http, ErrorCodes.MethodNotAllowed, "Use POST (or GET) with Accept: text/event-stream.");
                return null;
            }
        }
        catch (BoundedReadStream.LimitExceededException)
        {
            await WriteJsonErrorAsync(http, ErrorCodes.RequestTooLarge, $"The request body exceeds {httpOptions.Value.MaxRequestBytes} bytes.");
            return null;
        }
        catch (System.Text.Json.JsonException e)
        {
            await WriteJsonErrorAsync(http, ErrorCodes.InvalidJson, $"The request is not valid JSON: {e.Message}");
            return null;
        }
        if (string.IsNullOrEmpty(request?.Query))
        {
            await WriteJsonErrorAsync(http, ErrorCodes.BadRequest, "The request needs a non-empty string 'query'.");
            return null;
        }
        return request;
    }

    private async Task WriteJsonErrorAsync(HttpContext http, ErrorCode code, string message)
    {
        http.Response.StatusCode = code.HttpStatus ?? StatusCodes.Status400BadRequest;
        http.Response.ContentType = "application/json; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, new ExecutionResult { Errors = [new ExecutionError(message) { Code = code.Code }] }, http.RequestAborted);
    }
}

/// <summary>The address subscriptions are counted by: the peer's IP, as the rate limits see it.</summary>
internal static class SubscriberAddress
{
    public static string Of(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
