using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Roadmap.Core.Storage.Neo4j;

public static class Neo4jServiceCollectionExtensions
{
    /// <summary>The Neo4j store over the Query API: read-only, so no editable store is registered.</summary>
    public static IServiceCollection AddNeo4jStore(this IServiceCollection services)
    {
        services.AddOptions<Neo4jOptions>().BindConfiguration(Neo4jOptions.Section)
            .Validate(o => Uri.TryCreate(o.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https", "Neo4j:Url must be an absolute http or https address.")
            .ValidateOnStart();
        services.AddHttpClient(nameof(Neo4jQueryClient));
        services.AddSingleton(sp => new Neo4jQueryClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(Neo4jQueryClient)),
            sp.GetRequiredService<IOptions<Neo4jOptions>>().Value));
        services.AddSingleton(sp => new Neo4jGraphStore(sp.GetRequiredService<Neo4jQueryClient>(), sp.GetService<ILogger<Neo4jGraphStore>>()));
        services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<Neo4jGraphStore>());
        return services;
    }
}
