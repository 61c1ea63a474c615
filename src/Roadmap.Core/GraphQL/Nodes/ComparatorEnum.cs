using GraphQL.Types;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class ComparatorEnum : EnumerationGraphType<Comparator>
{
    public ComparatorEnum()
    {
        Name = "Comparator";
        Description = "How a target's value bounds the metric; WITHIN means plus or minus the value, BETWEEN uses maxValue too.";
        this.Describe(Comparator.Lt, "Less than value.");
        this.Describe(Comparator.Lte, "At most value.");
        this.Describe(Comparator.Gt, "More than value.");
        this.Describe(Comparator.Gte, "At least value, as in \"256 rows or more\".");
        this.Describe(Comparator.Eq, "Exactly value.");
        this.Describe(Comparator.Between, "From value to maxValue, as in \"10 to 15 technologies\".");
        this.Describe(Comparator.Within, "Within plus or minus value, a tolerance, as in \"±10%\".");
    }
}
