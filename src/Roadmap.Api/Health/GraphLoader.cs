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
            // Stopping while the host is still starting would cancel its start, which ends in an unhandled exception
            // and an abort (exit 134) after the message: stop once it has started (at once if it has).
            lifetime.ApplicationStarted.Register(lifetime.StopApplication);
        }
    }
}
