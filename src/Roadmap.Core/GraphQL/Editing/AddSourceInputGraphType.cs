using GraphQL.Types;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;
using Roadmap.Core.Security;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class AddSourceInput : IChangeInput
{
    public AddNodeSourceInput? Node { get; set; }
    public AddEdgeSourceInput? Edge { get; set; }

    public string Role => Roles.Editor;

    // @oneOf lets exactly one through validation; the check stays for a caller that builds the input in code.
    public GraphEdit Plan(GraphIndex graph) => ((IChangeInput?)Node ?? Edge
        ?? throw new RoadmapException(ErrorCodes.BadValue, "Name either a node or an edge to add the source to.")).Plan(graph);
}

public sealed class AddSourceInputGraphType : InputObjectGraphType<AddSourceInput>
{
    public AddSourceInputGraphType()
    {
        Name = "AddSourceInput";
        Description = "A clause to add to a node or to an edge: exactly one of node and edge (@oneOf).";
        IsOneOf = true;
        Field<AddNodeSourceInputGraphType>("node").Description("The clause states a node.");
        Field<AddEdgeSourceInputGraphType>("edge").Description("The clause states an edge.");
    }
}
