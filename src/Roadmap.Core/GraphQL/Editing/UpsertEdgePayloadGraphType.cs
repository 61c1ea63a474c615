using GraphQL.Types;
using Roadmap.Core.GraphQL.Traversal;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class UpsertEdgePayloadGraphType : ObjectGraphType<EditResult>
{
    public UpsertEdgePayloadGraphType()
    {
        Name = "UpsertEdgePayload";
        Description = "What upsertEdge committed.";
        Field<NonNullGraphType<EdgeGraphType>>("edge").Description("The edge as it is now, at its new version; its id keys it in a cache.").Resolve(c => c.Source.Edit.Edges[0].After);
        Field<NonNullGraphType<BooleanGraphType>>("created").Description("True when the edge did not exist before.").Resolve(c => c.Source.Edit.Edges[0].Before is null);
        PayloadFields.AddRevision(this);
    }
}
