using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Registry;

namespace Roadmap.Core.Storage.Neo4j;

public static class Neo4jServiceCollectionExtensions
{
    /// <summary>The Neo4j store over the Query API: read-only, so no editable store is registered.</summary>
    public static IServiceCollection AddNeo4jStore(this IServiceCollection services)
    {
        services.AddOptions<Neo4jOptions>().BindConfiguration(Neo4jOptions.Section)
            .Validate(o => Uri.TryCreate(o.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https", "Neo4j:Url must be an absolute http or https address.")
            .ValidateOnStart();
        // The client lives as long as the service, so its handler is never rotated by the factory; the handler
        // closes pooled connections after a while instead, so that a cluster's or Aura's DNS changes are seen.
        services.AddHttpClient(nameof(Neo4jQueryClient))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                PooledConnectionLifetime = sp.GetRequiredService<IOptions<Neo4jOptions>>().Value.PooledConnectionLifetime,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddNeo4jResilience();
        services.AddSingleton(sp =>
        {
            var pipelines = sp.GetRequiredService<ResiliencePipelineProvider<string>>();
            return new Neo4jQueryClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(Neo4jQueryClient)),
                sp.GetRequiredService<IOptions<Neo4jOptions>>().Value,
                pipelines.GetPipeline(Neo4jResilience.QueryPipeline),
                pipelines.GetPipeline(Neo4jResilience.TransactionPipeline),
                sp.GetRequiredKeyedService<CircuitBreakerStateProvider>(Neo4jResilience.QueryPipeline));
        });
        services.AddSingleton(sp => new Neo4jGraphStore(sp.GetRequiredService<Neo4jQueryClient>(), sp.GetService<ILogger<Neo4jGraphStore>>()));
        services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<Neo4jGraphStore>());
        return services;
    }
}
