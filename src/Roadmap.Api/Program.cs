using Roadmap.Api;
using Roadmap.Core;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = ApiEndpoints.ExplorerWebRoot() });

// The graph store, the GraphQL schema and its executer (Roadmap.Core), then what the HTTP host adds.
builder.Services.AddRoadmap(builder.Configuration);
builder.Services.AddRoadmapApi(builder.Configuration);

var app = builder.Build();
app.UseRoadmapApi();
app.MapRoadmapApi();
app.Run();

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
