using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.Errors;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Execution;

/// <summary>
/// Around every execution, from any transport: refuses with GRAPH_NOT_READY until the store has loaded, and pins
/// one snapshot of the graph for the whole request, so that every field reads the same graph (and the graph after
/// the request's own edits).
/// </summary>
public sealed class ExecutionGuard : IConfigureExecution
{
    // Outermost, before the document cache and GraphQL.NET's own steps: a request that cannot run costs nothing.
    public float SortOrder => 50;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var store = options.RequestServices!.GetRequiredService<IGraphStore>();
        if (!store.IsReady)
        {
            return new ExecutionResult { Errors = [new RoadmapError(ErrorCodes.GraphNotReady, "The graph is still loading; retry shortly.")] };
        }
        using var snapshot = store.PinSnapshot();
        return await next(options);
    }
}
