using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Roadmap.Core.GraphQL.Execution;
using Roadmap.Core.Storage;

namespace Roadmap.Core;

public static class RoadmapServiceCollectionExtensions
{
    /// <summary>The configured graph store, the GraphQL schema and its executer: what both the API host and the command line run.</summary>
    public static IServiceCollection AddRoadmap(this IServiceCollection services, IConfiguration configuration)
    {
        // BindConfiguration reads the configuration from the container; the command line has no host to put it there.
        services.TryAddSingleton(configuration);
        services.AddGraphStore(configuration);
        services.AddRoadmapGraphQL();
        return services;
    }
}
