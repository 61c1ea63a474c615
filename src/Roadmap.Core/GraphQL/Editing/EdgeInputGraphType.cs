using GraphQL.Types;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Traversal;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class EdgeInput
{
    public string From { get; set; } = "";
    public EdgeType Type { get; set; }
    public string To { get; set; } = "";
    public List<SourceInput> Sources { get; set; } = [];
    public string? Group { get; set; }

    public Edge ToEdge() => new(From, Type, To, [.. Sources.Select(s => s.ToSource())], Group);
}

public sealed class EdgeInputGraphType : InputObjectGraphType<EdgeInput>
{
    public EdgeInputGraphType()
    {
        Name = "EdgeInput";
        Description = "A dependency, from the dependent to what it depends on; its type must allow the kinds it joins (see EdgeType).";
        Field<NonNullGraphType<IdGraphType>>("from").Description("The dependent.");
        Field<NonNullGraphType<EdgeTypeEnum>>("type").Description("How from relates to to.");
        Field<NonNullGraphType<IdGraphType>>("to").Description("What it depends on.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceInputGraphType>>>>("sources")
            .Description("The clauses that state the edge, at least one; they replace the edge's sources on an update.");
        Field<StringGraphType>("group").Description("An alternative group (REQUIRES and USES_TECHNOLOGY only).");
    }
}
