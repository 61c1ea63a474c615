using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;
using Roadmap.Api.Http;
using Roadmap.Core.Errors;
using Roadmap.Core.Security;

namespace Roadmap.Api.Subscriptions;

/// <summary>
/// GraphQL over WebSocket in the graphql-transport-ws protocol (the graphql-ws library's): connection_init and
/// connection_ack, then subscribe / next / error / complete per operation id, ping and pong both ways. The key is
/// the upgrade request's, checked as for /graphql, or the connection_init payload's <c>authorization</c>
/// ("Bearer &lt;key&gt;"): a browser's WebSocket cannot send headers. The server pings at the heartbeat interval.
/// </summary>
public sealed class WebSocketSubscriptionEndpoint(IGraphQLTextSerializer serializer, SubscriptionRunner runner, SubscriptionLimiter limiter,
    IOptions<SubscriptionOptions> options, IOptions<GraphQLHttpOptions> httpOptions, ILogger<WebSocketSubscriptionEndpoint> logger)
{
    public const string Protocol = "graphql-transport-ws";

    private IGraphQLTextSerializer Serializer => serializer;
    private SubscriptionRunner Runner => runner;
    private SubscriptionLimiter Limiter => limiter;
    private SubscriptionOptions Options => options.Value;
    private int MaxMessageBytes => httpOptions.Value.MaxRequestBytes;
    private ILogger Logger => logger;

    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            http.Response.Headers.Upgrade = "websocket";
            return;
        }
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(Protocol))
        {
            // The legacy subscriptions-transport-ws client asks for 'graphql-ws': say so, in the close reason it reads.
            var legacy = http.WebSockets.WebSocketRequestedProtocols.Contains("graphql-ws");
            Logger.LogInformation("A WebSocket asked for {Protocols}, not {Protocol}; refused", string.Join(", ", http.WebSockets.WebSocketRequestedProtocols), Protocol);
            using var refused = await http.WebSockets.AcceptWebSocketAsync();
            await refused.CloseAsync((WebSocketCloseStatus)4406,
                legacy ? "graphql-ws (subscriptions-transport-ws) is not served: use graphql-transport-ws" : "Subprotocol not acceptable: use graphql-transport-ws",
                CancellationToken.None);
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync(Protocol);
        using var connection = new Connection(this, http, socket);
        await connection.RunAsync();
    }

    private sealed class Connection(WebSocketSubscriptionEndpoint endpoint, HttpContext http, WebSocket socket) : IDisposable
    {
        private readonly SemaphoreSlim _send = new(1, 1);
        private readonly ConcurrentDictionary<string, CancellationTokenSource> _operations = new(StringComparer.Ordinal);
        private readonly CancellationTokenSource _closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        private bool _initialised;
        // The upgrade request's user, or the key that connection_init names.
        private ClaimsPrincipal _user = http.User;
        private bool _acknowledged;

        private ClaimsPrincipal? KeyUser(JsonElement authorization)
        {
            const string bearer = "Bearer ";
            if (authorization.ValueKind != JsonValueKind.String || authorization.GetString() is not { } value) return null;
            var key = value.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? value[bearer.Length..].Trim() : value.Trim();
            return http.RequestServices.GetRequiredService<ApiKeys>().Authenticate(key);
        }

        public async Task RunAsync()
        {
            var options = endpoint.Options;
            var initTimeout = Task.Delay(options.ConnectionInitTimeout, _closing.Token).ContinueWith(async t =>
            {
                if (!t.IsCanceled && !_initialised) await CloseAsync(4408, "Connection initialisation timeout");
            }, TaskScheduler.Default);
            var heartbeat = HeartbeatAsync(options.HeartbeatInterval);
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    var message = await ReceiveAsync();
                    if (message is null) break;
                    await HandleAsync(message);
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The peer went away.
            }
            finally
            {
                await _closing.CancelAsync();
                foreach (var operation in _operations.Values) await operation.CancelAsync();
            }
        }

        public void Dispose()
        {
            _send.Dispose();
            _closing.Dispose();
        }

        private async Task HeartbeatAsync(TimeSpan interval)
        {
            try
            {
                while (!_closing.IsCancellationRequested)
                {
                    await Task.Delay(interval, _closing.Token);
                    if (_acknowledged) await SendAsync(new { type = "ping" });
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
            }
        }

        private async Task<string?> ReceiveAsync()
        {
            var limit = endpoint.MaxMessageBytes;
            var buffer = new byte[8192];
            using var message = new MemoryStream();
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, _closing.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await CloseAsync((int)WebSocketCloseStatus.NormalClosure, "");
                    return null;
                }
                message.Write(buffer, 0, received.Count);
                if (message.Length > limit)
                {
                    await CloseAsync(4400, "Message too large");
                    return null;
                }
                if (received.EndOfMessage) return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }

        private async Task HandleAsync(string text)
        {
            JsonElement root;
            try
            {
                root = JsonDocument.Parse(text).RootElement;
            }
            catch (JsonException)
            {
                await CloseAsync(4400, "Invalid message");
                return;
            }
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            switch (type)
            {
                case "connection_init":
                    if (_initialised)
                    {
                        await CloseAsync(4429, "Too many initialisation requests");
                        return;
                    }
                    _initialised = true;
                    if (root.TryGetProperty("payload", out var init) && init.ValueKind == JsonValueKind.Object
                        && init.TryGetProperty("authorization", out var authorization))
                    {
                        // One try per connection, and the upgrade that opened it went through the rate limiter: no
                        // cheaper way to guess keys than /graphql's.
                        if (KeyUser(authorization) is not { } user)
                        {
                            await CloseAsync(4403, "Forbidden");
                            return;
                        }
                        _user = user;
                    }
                    _acknowledged = true;
                    await SendAsync(new { type = "connection_ack" });
                    return;
                case "ping":
                    await SendAsync(new { type = "pong" });
                    return;
                case "pong":
                    return;
                case "subscribe":
                    await SubscribeAsync(root);
                    return;
                case "complete":
                    if (root.TryGetProperty("id", out var id) && id.GetString() is { } done && _operations.TryRemove(done, out var operation)) await operation.CancelAsync();
                    return;
                default:
                    await CloseAsync(4400, "Invalid message");
                    return;
            }
        }

        private async Task SubscribeAsync(JsonElement message)
        {
            if (!_acknowledged)
            {
                await CloseAsync(4401, "Unauthorized");
                return;
            }
            if (!message.TryGetProperty("id", out var idElement) || idElement.GetString() is not { Length: > 0 } id || !message.TryGetProperty("payload", out var payload))
            {
                await CloseAsync(4400, "Invalid message");
                return;
            }
            GraphQLRequest? request;
            try
            {
                request = endpoint.Serializer.Deserialize<GraphQLRequest>(payload.GetRawText());
            }
            catch (JsonException)
            {
                await CloseAsync(4400, "Invalid message");
                return;
            }
            var cancel = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
            if (!_operations.TryAdd(id, cancel))
            {
                await CloseAsync(4409, $"Subscriber for {id} already exists");
                return;
            }
            var lease = endpoint.Limiter.TryAcquire(SubscriberAddress.Of(http));
            if (lease is null)
            {
                _operations.TryRemove(id, out _);
                await SendAsync(new { id, type = "error", payload = new[] { Error(ErrorCodes.TooManySubscriptions, $"This address holds {endpoint.Options.MaxPerAddress} open subscriptions already.") } });
                return;
            }
            _ = Task.Run(() => RunOperationAsync(id, request!, cancel, lease));
        }

        private async Task RunOperationAsync(string id, GraphQLRequest request, CancellationTokenSource cancel, IDisposable lease)
        {
            try
            {
                using (lease)
                using (cancel)
                {
                    if (string.IsNullOrEmpty(request.Query))
                    {
                        await SendAsync(new { id, type = "error", payload = new[] { Error(ErrorCodes.BadRequest, "The payload needs a non-empty string 'query'.") } });
                        return;
                    }
                    var running = await endpoint.Runner.StartAsync(request, _user, http.RequestServices, http.TraceIdentifier, cancel.Token);
                    if (!running.Result.Executed)
                    {
                        await SendRawAsync($$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"error","payload":{{ErrorsOf(running.Result)}}}""");
                        return;
                    }
                    if (running.Events is not { } events)
                    {
                        await SendNextAsync(id, running.Result);
                    }
                    else
                    {
                        using (events)
                        {
                            await foreach (var result in events.Reader.ReadAllAsync(cancel.Token)) await SendNextAsync(id, result);
                            if (events.Dropped) await SendNextAsync(id, ResultQueue.SlowConsumerResult());
                        }
                    }
                    if (_operations.TryRemove(id, out _)) await SendAsync(new { id, type = "complete" });
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // Completed by the client, or the connection closed (and its sender disposed) under it.
            }
            catch (Exception e)
            {
                endpoint.Logger.LogError(e, "Subscription {Id} failed", id);
            }
        }

        private string ErrorsOf(ExecutionResult result)
        {
            using var document = JsonDocument.Parse(endpoint.Serializer.Serialize(result));
            return document.RootElement.TryGetProperty("errors", out var errors) ? errors.GetRawText() : "[]";
        }

        private static object Error(ErrorCode code, string message) => new { message, extensions = new { code = code.Code } };

        private Task SendNextAsync(string id, ExecutionResult result) =>
            SendRawAsync($$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"next","payload":{{endpoint.Serializer.Serialize(result)}}}""");

        private Task SendAsync(object message) => SendRawAsync(JsonSerializer.Serialize(message));

        private async Task SendRawAsync(string json)
        {
            await _send.WaitAsync(_closing.Token);
            try
            {
                if (socket.State == WebSocketState.Open) await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, _closing.Token);
            }
            finally
            {
                _send.Release();
            }
        }

        private async Task CloseAsync(int code, string reason)
        {
            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
                }
            }
            catch (WebSocketException)
            {
            }
            await _closing.CancelAsync();
        }
    }
}
