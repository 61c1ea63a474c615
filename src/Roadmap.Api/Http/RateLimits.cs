using System.Threading.RateLimiting;
using GraphQL;
using Roadmap.Core;
using Roadmap.Core.Security;

namespace Roadmap.Api.Http;

/// <summary>
/// Two fixed windows on /graphql, both of which a request must pass: per client address
/// (GraphQL:RequestsPerMinute) and, for requests with an API key, per key (Auth:RequestsPerMinutePerKey), so a
/// key shared across many machines is still bounded. Above either, 429 with a GraphQL error coded RATE_LIMITED.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddGraphQLRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                {
                    var perMinute = http.RequestServices.GetRequiredService<GraphQLLimits>().RequestsPerMinute;
                    return IsGraphQL(http) && perMinute > 0
                        ? PerMinute("address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), perMinute)
                        : RateLimitPartition.GetNoLimiter("unlimited");
                }),
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                {
                    var perMinute = http.RequestServices.GetRequiredService<AuthOptions>().RequestsPerMinutePerKey;
                    return IsGraphQL(http) && perMinute > 0 && http.User.Identity is { IsAuthenticated: true, Name: { } key }
                        ? PerMinute("key:" + key, perMinute)
                        : RateLimitPartition.GetNoLimiter("unlimited");
                }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "60";
                response.ContentType = "application/json; charset=utf-8";
                var serializer = context.HttpContext.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
                await serializer.WriteAsync(response.Body, new ExecutionResult
                {
                    Errors = [new ExecutionError("Too many requests from this address or key; retry after a minute.") { Code = "RATE_LIMITED" }],
                }, cancellationToken);
            };
        });

    private static bool IsGraphQL(HttpContext http) => http.Request.Path.StartsWithSegments("/graphql");

    private static RateLimitPartition<string> PerMinute(string partition, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
