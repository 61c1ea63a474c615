using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.Errors;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Editing;

/// <summary>The change feed. Served over GraphQL over SSE and over WebSocket (graphql-transport-ws), not over plain HTTP.</summary>
public sealed class RoadmapSubscription : ObjectGraphType
{
    public RoadmapSubscription()
    {
        Name = "Subscription";
        Description = "Changes as they are committed. Subscribe on /graphql over SSE (Accept: text/event-stream, graphql-sse's distinct connections mode) or a WebSocket (graphql-transport-ws); /graphql/stream and /graphql/ws are aliases.";
        Field<NonNullGraphType<GraphChangeGraphType>>("graphChanged")
            .Description($"Every committed change, in revision order. With afterRevision, first every change after it that the audit log holds (at most {ChangeFeed.MaxReplay} entries behind, ARGUMENT_OUT_OF_RANGE beyond: read graphDiff instead), so a client that reconnects misses nothing. " +
                "Readable as the graph is (anonymously unless Auth:ReadAccess is Key); who made a change only with an editor or admin key. READ_ONLY_STORE on a store that takes no edits.")
            .Argument<IntGraphType>("afterRevision", "The last revision the client has seen (stats.revision, or a GraphChange's revision); omitted, only changes from now on.")
            .ResolveStream(c =>
            {
                var store = c.RequestServices!.GetService<IEditableGraphStore>()
                    ?? throw new RoadmapError(ErrorCodes.ReadOnlyStore, "This store is read-only: it takes no edits, so there are no changes to watch.");
                try
                {
                    return store.Feed.Watch(store, c.GetArgument<int?>("afterRevision"));
                }
                catch (RoadmapException e)
                {
                    throw RoadmapError.From(e);
                }
            });
    }
}
