using GraphQL.Types;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class DeleteNodePayloadGraphType : ObjectGraphType<EditResult>
{
    public DeleteNodePayloadGraphType()
    {
        Name = "DeleteNodePayload";
        Description = "What deleteNode committed: the ids a client cache evicts.";
        Field<NonNullGraphType<IdGraphType>>("deletedNodeId").Description("The node deleted.").Resolve(c => c.Source.Edit.Nodes[0].Before!.Id);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("deletedEdgeIds")
            .Description("The ids (Edge.id) of the edges a cascading delete took with the node; empty without cascade.")
            .Resolve(c => c.Source.Edit.Edges.Select(e => e.Before!.Key.ToString()).ToList());
        PayloadFields.AddRevision(this);
    }
}
