using GraphQL.Types;
using Roadmap.Core.Editing;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class NodeChangeGraphType : ObjectGraphType<Change<Node>>
{
    public NodeChangeGraphType()
    {
        Name = "NodeChange";
        Description = "What a change does to one node.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The node.").Resolve(c => (c.Source.After ?? c.Source.Before)!.Id);
        Field<NonNullGraphType<ChangeKindEnum>>("change").Description("Created, updated or deleted.").Resolve(c => ChangeKinds.Of(c.Source));
        Field<IntGraphType>("version").Description("Its version after the change; null when deleted.").Resolve(c => c.Source.After?.Version);
    }
}
