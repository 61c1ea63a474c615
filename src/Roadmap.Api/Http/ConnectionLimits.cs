using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Roadmap.Api.Http;

/// <summary>
/// Kestrel's limits, set deliberately: any <c>Kestrel:Limits:*</c> setting wins, and what is not set gets the
/// defaults here. Without a connection limit, idle connections that send nothing run the process out of file
/// descriptors, after which it stops answering and dies; so the default admits half the process's descriptors
/// (the rest are for the database, Neo4j and the runtime), and idle connections are closed after the keep-alive
/// timeout, freeing their slots. One address may hold half of them (<see cref="ConnectionsPerAddress"/>), so that
/// it cannot lock the others out.
/// </summary>
public static class ConnectionLimits
{
    public const string Section = "Kestrel:Limits";

    public static readonly TimeSpan DefaultKeepAliveTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultRequestHeadersTimeout = TimeSpan.FromSeconds(10);
    public const double DefaultMinRequestBodyBytesPerSecond = 240;
    public static readonly TimeSpan DefaultMinRequestBodyGrace = TimeSpan.FromSeconds(5);

    public static void Apply(KestrelServerOptions kestrel, IConfiguration configuration)
    {
        // Kestrel reads its endpoints from configuration, not its limits: each is read here, with its default.
        var configured = configuration.GetSection(Section);
        var limits = kestrel.Limits;
        limits.MaxConcurrentConnections = configured.GetValue<long?>(nameof(limits.MaxConcurrentConnections)) ?? DefaultMaxConcurrentConnections(DescriptorLimit());
        limits.MaxConcurrentUpgradedConnections = configured.GetValue<long?>(nameof(limits.MaxConcurrentUpgradedConnections)) ?? limits.MaxConcurrentConnections;
        limits.KeepAliveTimeout = configured.GetValue<TimeSpan?>(nameof(limits.KeepAliveTimeout)) ?? DefaultKeepAliveTimeout;
        limits.RequestHeadersTimeout = configured.GetValue<TimeSpan?>(nameof(limits.RequestHeadersTimeout)) ?? DefaultRequestHeadersTimeout;
        var rate = configured.GetSection(nameof(limits.MinRequestBodyDataRate));
        limits.MinRequestBodyDataRate = new MinDataRate(
            rate.GetValue<double?>(nameof(MinDataRate.BytesPerSecond)) ?? DefaultMinRequestBodyBytesPerSecond,
            rate.GetValue<TimeSpan?>(nameof(MinDataRate.GracePeriod)) ?? DefaultMinRequestBodyGrace);

        var perAddress = new ConnectionsPerAddress(
            configuration.GetValue<long?>(ConnectionsPerAddress.Setting) ?? ConnectionsPerAddress.DefaultLimit(limits.MaxConcurrentConnections ?? long.MaxValue));
        // Every endpoint, those from --urls too.
        kestrel.ConfigureEndpointDefaults(listen => listen.Use(perAddress.Wrap));
    }

    /// <summary>Half the descriptors, at least 64 and at most 10,000.</summary>
    public static long DefaultMaxConcurrentConnections(long? descriptorLimit) => Math.Clamp((descriptorLimit ?? 2_048) / 2, 64, 10_000);

    /// <summary>The soft limit on open files (Linux: /proc/self/limits), or null where it cannot be read.</summary>
    public static long? DescriptorLimit()
    {
        try
        {
            var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return long.TryParse(soft, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
