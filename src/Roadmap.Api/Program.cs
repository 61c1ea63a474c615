using Roadmap.Api.Health;
using Roadmap.Api.Http;
using Roadmap.Core;

var builder = WebApplication.CreateBuilder(args);

// The graph store, the GraphQL schema, its executer and limits (Roadmap.Core).
builder.Services.AddRoadmap(builder.Configuration);
// Loads the graph in the background; /health/ready turns healthy when it is in memory.
builder.Services.AddHostedService<GraphLoader>();
builder.Services.AddHealthChecks().AddCheck<GraphReadyCheck>("graph", tags: ["ready"]);
builder.Services.AddSingleton<GraphQLHttpEndpoint>();

var app = builder.Build();

app.MapGraphQLEndpoint("/graphql");
app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
app.MapGet("/", () => Results.Text(
    "Roadmap GraphQL service. POST GraphQL requests to /graphql (GraphQL over HTTP); health at /health/live and /health/ready.\n"));

app.Run();

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
