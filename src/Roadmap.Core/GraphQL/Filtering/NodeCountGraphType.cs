using GraphQL.Types;
using Roadmap.Core.Analysis;

namespace Roadmap.Core.GraphQL.Filtering;

public sealed class NodeCountGraphType : ObjectGraphType<NodeCount>
{
    public NodeCountGraphType()
    {
        Name = "NodeCount";
        Description = "How many nodes share one combination of the grouped values.";
        Field<NonNullGraphType<NodeCountKeyGraphType>>("key").Description("The group's values; only the keys grouped by are set.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("count").Description("The nodes in the group.").Resolve(c => c.Source.Count);
    }
}
