using GraphQL.Types;
using Roadmap.Core.Analysis;

namespace Roadmap.Core.GraphQL.Filtering;

public sealed class NodeRelationFilterInputGraphType : InputObjectGraphType<RelationFilter>
{
    public NodeRelationFilterInputGraphType()
    {
        Name = "NodeRelationFilter";
        Description = "A condition over the nodes one edge away; each part given must hold.";
        Field<NodeFilterInputGraphType>("some").Description("At least one of them matches.");
        Field<NodeFilterInputGraphType>("none").Description("None of them matches (true when there are none).");
        Field<NodeFilterInputGraphType>("all").Description("Every one of them matches (true when there are none).");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new RelationFilter(
        value.TryGetValue("some", out var some) ? (NodeFilter?)some : null,
        value.TryGetValue("none", out var none) ? (NodeFilter?)none : null,
        value.TryGetValue("all", out var all) ? (NodeFilter?)all : null);
}
