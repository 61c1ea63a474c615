using Roadmap.Api.Health;
using Roadmap.Api.Http;
using Roadmap.Core;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = ExplorerAssets.WebRoot() });

// The graph store, the GraphQL schema, its executer and limits (Roadmap.Core).
builder.Services.AddRoadmap(builder.Configuration);
// Loads the graph in the background; /health/ready turns healthy when it is in memory.
builder.Services.AddHostedService<GraphLoader>();
builder.Services.AddHealthChecks().AddCheck<GraphReadyCheck>("graph", tags: ["ready"]);
builder.Services.AddSingleton<GraphQLHttpEndpoint>();
// Fixed windows of requests per client address and per API key on /graphql (0 turns either off).
builder.Services.AddGraphQLRateLimit();

var app = builder.Build();

// The explorer (built from explorer/ into wwwroot by the build) at /, GraphiQL at /graphiql/.
app.UseDefaultFiles();
app.UseStaticFiles();
// Routing matches /graphiql and /graphiql/ alike: redirect the first, serve the page for the second.
app.MapGet("/graphiql", (HttpContext http, IWebHostEnvironment env) => http.Request.Path.Value!.EndsWith('/')
    ? Results.File(Path.Combine(env.WebRootPath, "graphiql", "index.html"), "text/html; charset=utf-8")
    : Results.Redirect("/graphiql/"));

// The key first: the rate limiter partitions by it, and resolvers check its role.
app.UseMiddleware<ApiKeyAuthentication>();
app.UseRateLimiter();
app.MapGraphQLEndpoint("/graphql");
app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });

app.Run();

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;

/// <summary>Where the built explorer is: wwwroot under the working directory (dotnet run), else beside the assembly.</summary>
internal static class ExplorerAssets
{
    public static string? WebRoot()
    {
        if (Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot"))) return null;
        var besideAssembly = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(besideAssembly) ? besideAssembly : null;
    }
}
