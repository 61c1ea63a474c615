using Microsoft.Extensions.Diagnostics.HealthChecks;
using Roadmap.Core.Storage;

namespace Roadmap.Api.Health;

/// <summary>Ready when the graph is loaded and the store can answer (for Neo4j: its circuit breaker is closed, or its trial call succeeds).</summary>
public sealed class GraphReadyCheck(IGraphStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        !store.IsReady ? HealthCheckResult.Unhealthy("graph loading")
        : !await store.CheckAvailableAsync(cancellationToken) ? HealthCheckResult.Unhealthy("store unavailable")
        : HealthCheckResult.Healthy("graph loaded");
}
