using Microsoft.Extensions.Diagnostics.HealthChecks;
using Roadmap.Core.Storage;

namespace Roadmap.Api.Health;

/// <summary>
/// Ready when the graph is loaded and the store can answer (for Neo4j: its circuit breaker is closed, or its trial
/// call succeeds). Degraded, and still ready for reads, while the embedded store cannot write its file.
/// </summary>
public sealed class GraphReadyCheck(IGraphStore store, IEditableGraphStore? editor = null) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        !store.IsReady ? HealthCheckResult.Unhealthy("graph loading")
        : !await store.CheckAvailableAsync(cancellationToken) ? HealthCheckResult.Unhealthy("store unavailable")
        : editor?.WriteFailure is { } failure ? HealthCheckResult.Degraded($"graph loaded; writes failing: {failure}")
        : HealthCheckResult.Healthy("graph loaded");
}
