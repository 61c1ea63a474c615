using GraphQL.Types;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class DeleteEdgePayloadGraphType : ObjectGraphType<EditResult>
{
    public DeleteEdgePayloadGraphType()
    {
        Name = "DeleteEdgePayload";
        Description = "What deleteEdge committed.";
        Field<NonNullGraphType<IdGraphType>>("deletedEdgeId").Description("The id (Edge.id) of the edge deleted.").Resolve(c => c.Source.Edit.Edges[0].Before!.Key.ToString());
        PayloadFields.AddRevision(this);
    }
}
