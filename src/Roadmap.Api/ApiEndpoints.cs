using Roadmap.Api.Http;
using Roadmap.Api.Security;
using Roadmap.Api.Subscriptions;

namespace Roadmap.Api;

public static class ApiEndpoints
{
    /// <summary>
    /// The middleware in the order the endpoints rely on: the key is read first (the rate limiter partitions by it),
    /// requests are counted next, and only then is a wrong or missing key refused.
    /// </summary>
    public static WebApplication UseRoadmapApi(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        // Before the key is read: a key from an origin the operator did not name is refused unread.
        app.UseMiddleware<CrossOrigin>();
        app.UseWebSockets();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>The explorer at /, GraphiQL at /graphiql/, GraphQL at /graphql, the two health checks and /metrics.</summary>
    public static WebApplication MapRoadmapApi(this WebApplication app)
    {
        // Routing matches /graphiql and /graphiql/ alike: redirect the first, serve the page for the second.
        app.MapGet("/graphiql", (HttpContext http, IWebHostEnvironment env) => http.Request.Path.Value!.EndsWith('/')
            ? Results.File(Path.Combine(env.WebRootPath, "graphiql", "index.html"), "text/html; charset=utf-8")
            : Results.Redirect("/graphiql/"));
        // One URL for every transport, as GraphQL servers serve it: a WebSocket upgrade speaks graphql-transport-ws, a
        // request that accepts only an event stream is a graphql-sse subscription, anything else is GraphQL over HTTP.
        app.Map("/graphql", http => http.WebSockets.IsWebSocketRequest
                ? http.RequestServices.GetRequiredService<WebSocketSubscriptionEndpoint>().HandleAsync(http)
                : SseSubscriptionEndpoint.IsAskedFor(http.Request)
                    ? http.RequestServices.GetRequiredService<SseSubscriptionEndpoint>().HandleAsync(http)
                    : http.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(http))
            .RequireGraphQLRateLimits()
            .RequireAuthorization(ApiKeyPolicy.Name);
        // The change feed's own paths, kept as aliases: subscriptions follow the same key rules and rate limits as /graphql.
        app.Map("/graphql/stream", http => http.RequestServices.GetRequiredService<SseSubscriptionEndpoint>().HandleAsync(http))
            .RequireGraphQLRateLimits()
            .RequireAuthorization(ApiKeyPolicy.Name);
        app.Map("/graphql/ws", http => http.RequestServices.GetRequiredService<WebSocketSubscriptionEndpoint>().HandleAsync(http))
            .RequireGraphQLRateLimits()
            .RequireAuthorization(ApiKeyPolicy.Name);
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        // Open like the health checks: a scraper holds no key, and the rate limit applies only to /graphql.
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    /// <summary>Where the built explorer is: wwwroot under the working directory (dotnet run), else beside the assembly.</summary>
    public static string? ExplorerWebRoot()
    {
        if (Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot"))) return null;
        var besideAssembly = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(besideAssembly) ? besideAssembly : null;
    }
}
