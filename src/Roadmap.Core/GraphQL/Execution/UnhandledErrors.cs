using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Roadmap.Core.Errors;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.Storage;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Core.GraphQL.Execution;

/// <summary>
/// What a client hears of an exception a resolver did not turn into a coded error itself. Refusals the core raises
/// keep their catalogued code; a store that cannot answer is STORE_UNAVAILABLE; anything else is a fault of the
/// service: logged with the operation and the request id, and reported as INTERNAL with that id and nothing more.
/// Every mapping is by the exception's own type, so the code a client sees never depends on a class name.
/// </summary>
public static class UnhandledErrors
{
    public static void Map(UnhandledExceptionContext context)
    {
        var requestId = RequestContext.IdOf(context.ExecutionOptions.UserContext);
        var logger = context.ExecutionOptions.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(UnhandledErrors).FullName!)
            ?? NullLogger.Instance;
        var operation = context.ExecutionOptions.OperationName ?? "(anonymous)";
        switch (context.OriginalException)
        {
            case RoadmapException refusal:
                context.Exception = RoadmapError.From(refusal);
                break;
            case Neo4jTransientException or Neo4jConfigurationException:
                logger.LogWarning(context.OriginalException, "The store failed during {Operation} (request {RequestId})", operation, requestId);
                context.Exception = new RoadmapError(ErrorCodes.StoreUnavailable, $"The graph store is not answering; retry later (request {requestId}).");
                break;
            case StoreWriteException write:
                logger.LogError(write.InnerException, "The store could not write during {Operation} (request {RequestId}): {Cause}", operation, requestId, write.Message);
                context.Exception = new RoadmapError(ErrorCodes.StoreWriteFailed, $"The edit was not saved: the graph's file cannot be written; nothing changed (request {requestId}).");
                break;
            default:
                logger.LogError(context.OriginalException, "Unhandled error in {Operation} (request {RequestId})", operation, requestId);
                context.Exception = new RoadmapError(ErrorCodes.Internal, $"An internal error occurred (request {requestId}).");
                break;
        }
    }
}
