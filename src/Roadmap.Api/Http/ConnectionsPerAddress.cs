using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Roadmap.Core.Telemetry;

namespace Roadmap.Api.Http;

/// <summary>
/// A limit on the connections one client address may hold open (Connections:MaxPerAddress), which Kestrel does not
/// have: without it, one address that opens idle connections up to Kestrel:Limits:MaxConcurrentConnections locks
/// every other client out until the keep-alive timeout closes them. A connection over it is closed before Kestrel
/// reads anything from it, and counted in roadmap.http.connections_refused.
/// </summary>
public sealed class ConnectionsPerAddress(long limit)
{
    public const string Setting = "Connections:MaxPerAddress";

    private readonly ConcurrentDictionary<IPAddress, long> _open = new();

    /// <summary>Half the connection limit: behind a proxy that is the only address, so there the setting should be raised to the limit (or 0, off).</summary>
    public static long DefaultLimit(long maxConcurrentConnections) => Math.Max(1, maxConcurrentConnections / 2);

    public ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        var address = (connection.RemoteEndPoint as IPEndPoint)?.Address;
        if (address is null || limit <= 0)
        {
            await next(connection);
            return;
        }
        if (_open.AddOrUpdate(address, 1, (_, open) => open + 1) > limit)
        {
            Leave(address);
            RoadmapTelemetry.ConnectionsRefused.Add(1);
            // Returning without calling next closes the connection.
            return;
        }
        try
        {
            await next(connection);
        }
        finally
        {
            Leave(address);
        }
    };

    private void Leave(IPAddress address)
    {
        if (_open.AddOrUpdate(address, 0, (_, open) => open - 1) <= 0)
        {
            // Removed only while still zero, so that an address that just connected again keeps its count.
            _open.TryRemove(new KeyValuePair<IPAddress, long>(address, 0));
        }
    }
}
