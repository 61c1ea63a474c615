using GraphQL.Types;
using Roadmap.Core.Editing;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Traversal;
using Roadmap.Core.Security;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class AddEdgeSourceInput : IChangeInput
{
    public string From { get; set; } = "";
    public EdgeType Type { get; set; }
    public string To { get; set; } = "";
    public SourceInput Source { get; set; } = new();
    public int? ExpectedVersion { get; set; }

    public string Role => Roles.Editor;

    public GraphEdit Plan(GraphIndex graph) => EditPlanner.AddSource(graph, null, new EdgeKey(From, Type, To), Source.ToSource(), ExpectedVersion);
}

public sealed class AddEdgeSourceInputGraphType : InputObjectGraphType<AddEdgeSourceInput>
{
    public AddEdgeSourceInputGraphType()
    {
        Name = "AddEdgeSourceInput";
        Description = "A clause that states an edge, named by its ends and type.";
        Field<NonNullGraphType<IdGraphType>>("from").Description("The dependent.");
        Field<NonNullGraphType<EdgeTypeEnum>>("type").Description("The edge's type.");
        Field<NonNullGraphType<IdGraphType>>("to").Description("What it depends on.");
        Field<NonNullGraphType<SourceInputGraphType>>("source").Description("The clause; DUPLICATE_SOURCE when the edge cites it already.");
        Field<IntGraphType>("expectedVersion").Description("The edge's version as you read it; CONFLICT when it has changed since. Omitted, the source is added whatever the version.");
    }
}
