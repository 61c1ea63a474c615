using Roadmap.Core.Storage;

namespace Roadmap.Api.Health;

/// <summary>Loads the graph after the server starts listening, so liveness answers while a large graph loads.</summary>
public sealed class GraphLoader(IGraphStore store, IHostApplicationLifetime lifetime, ILogger<GraphLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await store.InitializeAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A service that cannot load its graph can serve nothing: stop, and say why.
            logger.LogCritical(e, "Could not load the graph; stopping");
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }
}
