using GraphQL.Types;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class ChangedItemGraphType : ObjectGraphType<ChangedItem>
{
    public ChangedItemGraphType()
    {
        Name = "ChangedItem";
        Description = "A node or edge a change touched: a client cache evicts or refetches it by id.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The node's id, or the edge's (Edge.id).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<ChangeKindEnum>>("change").Description("Created, updated or deleted.").Resolve(c => c.Source.Change);
    }
}
