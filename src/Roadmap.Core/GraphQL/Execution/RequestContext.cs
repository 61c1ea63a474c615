namespace Roadmap.Core.GraphQL.Execution;

/// <summary>
/// What the transport tells execution about one request, carried in <c>ExecutionOptions.UserContext</c>: the id
/// that logs and INTERNAL errors quote, and whether the request came over GET (which may only read).
/// </summary>
public sealed class RequestContext : Dictionary<string, object?>
{
    public RequestContext(string requestId, bool readOnlyTransport = false, bool streamingTransport = false)
    {
        RequestId = requestId;
        ReadOnlyTransport = readOnlyTransport;
        StreamingTransport = streamingTransport;
    }

    public string RequestId { get; }

    /// <summary>True for GET: mutations are refused by <see cref="MutationOverGetRule"/>.</summary>
    public bool ReadOnlyTransport { get; }

    /// <summary>True for SSE and WebSocket, which can carry a subscription's stream; elsewhere <see cref="SubscriptionTransportRule"/> refuses one.</summary>
    public bool StreamingTransport { get; }

    /// <summary>The request id of an execution, or a new one when the caller gave no context.</summary>
    public static string IdOf(IDictionary<string, object?>? userContext) =>
        userContext is RequestContext context ? context.RequestId : Guid.NewGuid().ToString("N")[..12];
}
