using System.Threading.RateLimiting;
using GraphQL;
using Microsoft.Extensions.Options;
using Roadmap.Api.Security;
using Roadmap.Core.Errors;
using Roadmap.Core.Telemetry;

namespace Roadmap.Api.Http;

/// <summary>
/// Two fixed windows, both of which a request to a rate-limited endpoint must pass: per client address
/// (GraphQL:RequestsPerMinute) and, for requests with a valid API key, per key (Auth:RequestsPerMinutePerKey), so
/// a key shared across many machines is still bounded. Above either, 429 with a GraphQL error coded RATE_LIMITED.
/// An endpoint takes part through <see cref="RequireGraphQLRateLimits{TBuilder}"/>.
/// </summary>
public static class RateLimits
{
    /// <summary>Marks an endpoint as limited per address and per key.</summary>
    public sealed class Metadata;

    public static TBuilder RequireGraphQLRateLimits<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new Metadata());

    public static IServiceCollection AddGraphQLRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                {
                    var perMinute = http.RequestServices.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.RequestsPerMinute;
                    return IsLimited(http) && perMinute > 0
                        ? PerMinute("address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), perMinute)
                        : RateLimitPartition.GetNoLimiter("unlimited");
                }),
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                {
                    var perMinute = http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.RequestsPerMinutePerKey;
                    return IsLimited(http) && perMinute > 0 && http.User.Identity is { IsAuthenticated: true, Name: { } key }
                        ? PerMinute("key:" + key, perMinute)
                        : RateLimitPartition.GetNoLimiter("unlimited");
                }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                RoadmapTelemetry.RateLimited.Add(1);
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "60";
                response.ContentType = "application/json; charset=utf-8";
                var serializer = context.HttpContext.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
                await serializer.WriteAsync(response.Body, new ExecutionResult
                {
                    Errors = [new ExecutionError("Too many requests from this address or key; retry after a minute.") { Code = ErrorCodes.RateLimited.Code }],
                }, cancellationToken);
            };
        });

    private static bool IsLimited(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<Metadata>() is not null;

    private static RateLimitPartition<string> PerMinute(string partition, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
