using GraphQL.Types;
using Roadmap.Core.Editing;
using Roadmap.Core.Graph;
using Roadmap.Core.Security;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class DeleteNodeInput : IChangeInput
{
    public string Id { get; set; } = "";
    public bool Cascade { get; set; }
    public int? ExpectedVersion { get; set; }

    public string Role => Roles.Admin;

    public GraphEdit Plan(GraphIndex graph) => EditPlanner.DeleteNode(graph, Id, Cascade, ExpectedVersion);
}

public sealed class DeleteNodeInputGraphType : InputObjectGraphType<DeleteNodeInput>
{
    public DeleteNodeInputGraphType()
    {
        Name = "DeleteNodeInput";
        Description = "The node to delete, and whether the edges that touch it go with it.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The node to delete; documents cannot be deleted.");
        Field<NonNullGraphType<BooleanGraphType>>("cascade").DefaultValue(false)
            .Description("Delete the edges that touch the node as well, in the same change; without it a node with edges is refused with HAS_EDGES.");
        Field<IntGraphType>("expectedVersion").Description("The node's version as you read it; CONFLICT when it has changed since. Omitted, the node is deleted whatever its version.");
    }
}
