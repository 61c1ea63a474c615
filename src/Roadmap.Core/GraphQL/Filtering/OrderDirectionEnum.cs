using GraphQL.Types;
using Roadmap.Core.Analysis;

namespace Roadmap.Core.GraphQL.Filtering;

public sealed class OrderDirectionEnum : EnumerationGraphType<OrderDirection>
{
    public OrderDirectionEnum()
    {
        Name = "OrderDirection";
        Description = "Which way an order runs.";
        EnumValueDescriptions.Describe(this, OrderDirection.Asc, "Smallest first.");
        EnumValueDescriptions.Describe(this, OrderDirection.Desc, "Largest first.");
    }
}
