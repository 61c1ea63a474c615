using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Roadmap.Api.Health;
using Roadmap.Api.Http;
using Roadmap.Api.Security;
using Roadmap.Api.Subscriptions;
using Roadmap.Core.Security;
using Roadmap.Core.Telemetry;

namespace Roadmap.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>What the HTTP host adds to the core: its options, the graph's loading and health, API keys, rate limits and the endpoint.</summary>
    public static IServiceCollection AddRoadmapApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphQLHttpOptions>().BindConfiguration(GraphQLHttpOptions.Section)
            .Validate(o => o.MaxRequestBytes > 0 && o.RequestsPerMinute >= 0, "GraphQL:MaxRequestBytes must be positive and GraphQL:RequestsPerMinute 0 or more.")
            .ValidateOnStart();
        services.AddOptions<CrossOriginOptions>().BindConfiguration(CrossOriginOptions.Section)
            .Validate(o => o.AllowedOrigins.All(origin => origin == "*" || Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/" && uri.Query.Length == 0),
                "Cors:AllowedOrigins holds origins (scheme, host and port, such as https://tool.example) or '*'.")
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
        services.AddOptions<SubscriptionOptions>().BindConfiguration(SubscriptionOptions.Section)
            .Validate(o => o.MaxPerAddress > 0 && o.HeartbeatInterval > TimeSpan.Zero && o.MaxQueuedEvents > 0 && o.ConnectionInitTimeout > TimeSpan.Zero,
                "Subscriptions:MaxPerAddress, HeartbeatInterval, MaxQueuedEvents and ConnectionInitTimeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton<SubscriptionLimiter>();
        services.AddSingleton<SubscriptionRunner>();
        services.AddSingleton<SseSubscriptionEndpoint>();
        services.AddSingleton<WebSocketSubscriptionEndpoint>();
        services.AddRoadmapTelemetry(configuration);
        services.AddRoadmapLogFormat(configuration);
        return services;
    }

    /// <summary>
    /// Logging:Format=json: one JSON object a line on the console, with UTC timestamps and the scopes, which carry
    /// the request id (ASP.NET Core's RequestId, the id error messages quote) and the trace and span ids. The same
    /// as setting Logging:Console:FormatterName=json and its FormatterOptions by hand.
    /// </summary>
    private static void AddRoadmapLogFormat(this IServiceCollection services, IConfiguration configuration)
    {
        var format = configuration["Logging:Format"];
        if (string.IsNullOrEmpty(format) || format.Equals("text", StringComparison.OrdinalIgnoreCase)) return;
        if (!format.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Logging:Format is '{format}'; use text (the default) or json.");
        }
        services.AddLogging(logging => logging.AddJsonConsole(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        }));
    }

    /// <summary>
    /// Traces and metrics: the service's own (<see cref="RoadmapTelemetry"/>), ASP.NET Core's and HttpClient's (the
    /// Neo4j calls). Metrics are scraped at /metrics; both are also sent over OTLP when an endpoint is configured
    /// (OTEL_EXPORTER_OTLP_ENDPOINT, or Telemetry:OtlpEndpoint).
    /// </summary>
    private static void AddRoadmapTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var configuredEndpoint = configuration["Telemetry:OtlpEndpoint"];
        var exportOtlp = !string.IsNullOrWhiteSpace(configuredEndpoint) || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        // The exporter reads the OTEL_EXPORTER_OTLP_* variables itself (and appends the signal's path for http/protobuf);
        // only the service's own setting needs passing on.
        void Otlp(OtlpExporterOptions o)
        {
            if (!string.IsNullOrWhiteSpace(configuredEndpoint)) o.Endpoint = new Uri(configuredEndpoint);
        }
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "roadmap"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(RoadmapTelemetry.Name)
                    // Scrapes and health probes are not worth a trace each.
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/metrics") && !http.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation();
                if (exportOtlp) tracing.AddOtlpExporter(Otlp);
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(RoadmapTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddPrometheusExporter();
                if (exportOtlp) metrics.AddOtlpExporter(Otlp);
            });
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
