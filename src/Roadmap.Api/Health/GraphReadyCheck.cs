using Microsoft.Extensions.Diagnostics.HealthChecks;
using Roadmap.Core.Storage;

namespace Roadmap.Api.Health;

/// <summary>Ready when the graph is loaded and the store can answer (for Neo4j: its circuit breaker is not open).</summary>
public sealed class GraphReadyCheck(IGraphStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!store.IsReady ? HealthCheckResult.Unhealthy("graph loading")
            : !store.IsAvailable ? HealthCheckResult.Unhealthy("store unavailable")
            : HealthCheckResult.Healthy("graph loaded"));
}
