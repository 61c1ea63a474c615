using GraphQL.Types;
using Roadmap.Core.Analysis;

namespace Roadmap.Core.GraphQL.Filtering;

public sealed class NodeOrderInputGraphType : InputObjectGraphType<NodeOrder>
{
    public NodeOrderInputGraphType()
    {
        Name = "NodeOrder";
        Description = "One key of a node list's order; the id always breaks ties.";
        Field<NonNullGraphType<NodeOrderFieldEnum>>("field").Description("What to order by.");
        Field<NonNullGraphType<OrderDirectionEnum>>("direction").Description("ASC or DESC; nodes without a value come last either way.").DefaultValue(OrderDirection.Asc);
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new NodeOrder((NodeOrderField)value["field"]!, value.TryGetValue("direction", out var d) && d is OrderDirection direction ? direction : OrderDirection.Asc);
}
