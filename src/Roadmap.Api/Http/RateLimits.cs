using System.Threading.RateLimiting;
using GraphQL;
using Microsoft.AspNetCore.RateLimiting;
using Roadmap.Core;

namespace Roadmap.Api.Http;

/// <summary>Requests per client address per minute on /graphql; above it, 429 with a GraphQL error coded RATE_LIMITED.</summary>
public static class RateLimits
{
    public const string Policy = "graphql";

    public static IServiceCollection AddGraphQLRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<GraphQLLimits>().RequestsPerMinute;
                return perMinute <= 0
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = perMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "60";
                response.ContentType = "application/json; charset=utf-8";
                var serializer = context.HttpContext.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
                await serializer.WriteAsync(response.Body, new ExecutionResult
                {
                    Errors = [new ExecutionError("Too many requests from this address; retry after a minute.") { Code = "RATE_LIMITED" }],
                }, cancellationToken);
            };
        });
}
