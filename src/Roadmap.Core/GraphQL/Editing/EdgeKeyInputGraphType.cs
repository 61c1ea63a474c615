using GraphQL.Types;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Traversal;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class EdgeKeyInput
{
    public string From { get; set; } = "";
    public EdgeType Type { get; set; }
    public string To { get; set; } = "";

    public EdgeKey ToKey() => new(From, Type, To);
}

public sealed class EdgeKeyInputGraphType : InputObjectGraphType<EdgeKeyInput>
{
    public EdgeKeyInputGraphType()
    {
        Name = "EdgeKeyInput";
        Description = "Names an existing edge: there is at most one edge of a type between two nodes.";
        Field<NonNullGraphType<IdGraphType>>("from").Description("The dependent.");
        Field<NonNullGraphType<EdgeTypeEnum>>("type").Description("The edge's type.");
        Field<NonNullGraphType<IdGraphType>>("to").Description("What it depends on.");
    }
}
