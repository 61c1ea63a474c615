using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store <c>Store:Provider</c> names, and only that one: which store serves the graph is decided
    /// when the service is composed, so it is read here rather than through the options.
    /// </summary>
    public static IServiceCollection AddGraphStore(this IServiceCollection services, IConfiguration configuration)
    {
        StoreProvider provider;
        try
        {
            provider = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>()?.Provider ?? StoreProvider.Embedded;
        }
        catch (InvalidOperationException e)
        {
            throw Unsupported(configuration, e);
        }
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section);
        return provider switch
        {
            StoreProvider.Embedded => services.AddEmbeddedStore(),
            StoreProvider.Neo4j => services.AddNeo4jStore(),
            // A number binds to the enum without complaint; it names no store.
            _ => throw Unsupported(configuration),
        };
    }

    private static InvalidOperationException Unsupported(IConfiguration configuration, Exception? inner = null) =>
        new($"Store:Provider '{configuration["Store:Provider"]}' is not supported; use 'Embedded' or 'Neo4j'.", inner);

    /// <summary>The embedded store over its SQLite file: the graph store and the editable store in one.</summary>
    public static IServiceCollection AddEmbeddedStore(this IServiceCollection services)
    {
        services.AddOptions<SeedsOptions>().BindConfiguration(SeedsOptions.Section);
        services.AddOptions<Plans.PlanOptions>().BindConfiguration(Plans.PlanOptions.Section)
            .Validate(o => o.MaxFileBytes > 0 && o.MaxTextCharacters > 0, "Plans:MaxFileBytes and Plans:MaxTextCharacters must be positive.");
        services.AddOptions<EmbeddedStoreOptions>().BindConfiguration(EmbeddedStoreOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabasePath), "Store:Embedded:DatabasePath must name a file.")
            .ValidateOnStart();
        services.AddSingleton(sp => new EmbeddedGraphStore(
            sp.GetRequiredService<IOptions<EmbeddedStoreOptions>>().Value,
            sp.GetRequiredService<IOptions<SeedsOptions>>().Value,
            sp.GetService<ILogger<EmbeddedGraphStore>>(),
            sp.GetService<TimeProvider>()));
        services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<EmbeddedGraphStore>());
        services.AddSingleton<IEditableGraphStore>(sp => sp.GetRequiredService<EmbeddedGraphStore>());
        return services;
    }
}
