using GraphQL.Types;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Traversal;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class EdgeTypeCountGraphType : ObjectGraphType<KeyValuePair<EdgeType, int>>
{
    public EdgeTypeCountGraphType()
    {
        Name = "EdgeTypeCount";
        Description = "How many edges of one type.";
        Field<NonNullGraphType<EdgeTypeEnum>>("type").Description("The edge type counted.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many edges of that type.").Resolve(c => c.Source.Value);
    }
}
