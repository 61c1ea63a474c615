using GraphQL.Types;
using Roadmap.Core.Editing;
using Roadmap.Core.Graph;
using Roadmap.Core.Security;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class AddNodeSourceInput : IChangeInput
{
    public string Id { get; set; } = "";
    public SourceInput Source { get; set; } = new();
    public int? ExpectedVersion { get; set; }

    public string Role => Roles.Editor;

    public GraphEdit Plan(GraphIndex graph) => EditPlanner.AddSource(graph, Id, null, Source.ToSource(), ExpectedVersion);
}

public sealed class AddNodeSourceInputGraphType : InputObjectGraphType<AddNodeSourceInput>
{
    public AddNodeSourceInputGraphType()
    {
        Name = "AddNodeSourceInput";
        Description = "A clause that states a node.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The node the clause states; not a document.");
        Field<NonNullGraphType<SourceInputGraphType>>("source").Description("The clause; DUPLICATE_SOURCE when the node cites it already.");
        Field<IntGraphType>("expectedVersion").Description("The node's version as you read it; CONFLICT when it has changed since. Omitted, the source is added whatever the version.");
    }
}
