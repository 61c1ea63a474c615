using GraphQL.Types;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class UpsertNodePayloadGraphType : ObjectGraphType<EditResult>
{
    public UpsertNodePayloadGraphType()
    {
        Name = "UpsertNodePayload";
        Description = "What upsertNode committed.";
        Field<NonNullGraphType<NodeInterface>>("node").Description("The node as it is now, at its new version.").Resolve(c => c.Source.Edit.Nodes[0].After);
        Field<NonNullGraphType<BooleanGraphType>>("created").Description("True when the node did not exist before.").Resolve(c => c.Source.Edit.Nodes[0].Before is null);
        PayloadFields.AddRevision(this);
    }
}
