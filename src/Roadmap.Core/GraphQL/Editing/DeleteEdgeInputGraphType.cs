using GraphQL.Types;
using Roadmap.Core.Editing;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Traversal;
using Roadmap.Core.Security;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class DeleteEdgeInput : IChangeInput
{
    public string From { get; set; } = "";
    public EdgeType Type { get; set; }
    public string To { get; set; } = "";
    public int? ExpectedVersion { get; set; }

    public string Role => Roles.Editor;

    public GraphEdit Plan(GraphIndex graph) => EditPlanner.DeleteEdge(graph, new EdgeKey(From, Type, To), ExpectedVersion);
}

public sealed class DeleteEdgeInputGraphType : InputObjectGraphType<DeleteEdgeInput>
{
    public DeleteEdgeInputGraphType()
    {
        Name = "DeleteEdgeInput";
        Description = "The edge to delete, by its ends and type (there is at most one edge of a type between two nodes).";
        Field<NonNullGraphType<IdGraphType>>("from").Description("The dependent.");
        Field<NonNullGraphType<EdgeTypeEnum>>("type").Description("The edge's type.");
        Field<NonNullGraphType<IdGraphType>>("to").Description("What it depends on.");
        Field<IntGraphType>("expectedVersion").Description("The edge's version as you read it; CONFLICT when it has changed since. Omitted, the edge is deleted whatever its version.");
    }
}
