namespace Roadmap.Api.Subscriptions;

/// <summary>The bounds of the change feed's transports (section Subscriptions).</summary>
public sealed class SubscriptionOptions
{
    public const string Section = "Subscriptions";

    /// <summary>Open subscriptions one client address may hold, over SSE and WebSocket together.</summary>
    public int MaxPerAddress { get; set; } = 100;

    /// <summary>How often an idle stream carries a heartbeat (an SSE comment, a WebSocket ping), so proxies keep it open and dead peers are found.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Results one subscriber may fall behind before it is dropped (SLOW_CONSUMER). Above the feed's replay bound
    /// (1,000), so that a reconnect's replay fits.
    /// </summary>
    public int MaxQueuedEvents { get; set; } = 1100;

    /// <summary>How long a WebSocket may stay open before its connection_init (graphql-transport-ws closes it with 4408).</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
