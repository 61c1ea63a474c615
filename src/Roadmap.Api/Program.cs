using Roadmap.Api;
using Roadmap.Core;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = ApiEndpoints.ExplorerWebRoot() });

// The graph store, the GraphQL schema and its executer (Roadmap.Core), then what the HTTP host adds.
builder.Services.AddRoadmap(builder.Configuration);
builder.Services.AddRoadmapApi(builder.Configuration);

// SIGXFSZ (25): a write past the file-size limit (ulimit -f) would kill the process. Handled, the write fails
// instead, and the store reports it as STORE_WRITE_FAILED like a full disk, while reads go on.
using var fileSizeLimit = OperatingSystem.IsWindows() ? null : System.Runtime.InteropServices.PosixSignalRegistration.Create(
    (System.Runtime.InteropServices.PosixSignal)25, signal => signal.Cancel = true);

var app = builder.Build();
app.UseRoadmapApi();
app.MapRoadmapApi();
app.Run();

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
