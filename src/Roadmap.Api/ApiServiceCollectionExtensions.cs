using Microsoft.Extensions.Options;
using Roadmap.Api.Health;
using Roadmap.Api.Http;
using Roadmap.Api.Security;
using Roadmap.Core.Security;

namespace Roadmap.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>What the HTTP host adds to the core: its options, the graph's loading and health, API keys, rate limits and the endpoint.</summary>
    public static IServiceCollection AddRoadmapApi(this IServiceCollection services)
    {
        services.AddOptions<GraphQLHttpOptions>().BindConfiguration(GraphQLHttpOptions.Section)
            .Validate(o => o.MaxRequestBytes > 0 && o.RequestsPerMinute >= 0, "GraphQL:MaxRequestBytes must be positive and GraphQL:RequestsPerMinute 0 or more.")
            .ValidateOnStart();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section)
            .Validate(o => o.RequestsPerMinutePerKey >= 0, "Auth:RequestsPerMinutePerKey must be 0 or more.")
            .ValidateOnStart();
        // A malformed key entry stops the service at start rather than locking editors out later.
        services.AddSingleton<IValidateOptions<AuthOptions>, KeyEntriesAreWellFormed>();
        services.AddSingleton(sp => new ApiKeys(sp.GetRequiredService<IOptions<AuthOptions>>().Value.Keys));

        // Loads the graph in the background; /health/ready turns healthy when it is in memory.
        services.AddHostedService<GraphLoader>();
        services.AddHealthChecks().AddCheck<GraphReadyCheck>("graph", tags: ["ready"]);

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(ApiKeyPolicy.Name, ApiKeyPolicy.Configure);
        services.AddGraphQLRateLimits();
        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>().Configure<IConfiguration>(ConnectionLimits.Apply);
        services.AddSingleton<GraphQLHttpEndpoint>();
        return services;
    }

    private sealed class KeyEntriesAreWellFormed : IValidateOptions<AuthOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuthOptions options)
        {
            try
            {
                _ = new ApiKeys(options.Keys);
                return ValidateOptionsResult.Success;
            }
            catch (InvalidOperationException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }
    }
}
