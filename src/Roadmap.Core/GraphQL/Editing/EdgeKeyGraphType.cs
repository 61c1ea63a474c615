using GraphQL.Types;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Traversal;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class EdgeKeyGraphType : ObjectGraphType<EdgeKey>
{
    public EdgeKeyGraphType()
    {
        Name = "EdgeKey";
        Description = "What identifies an edge: there is at most one edge of a type between two nodes.";
        Field<NonNullGraphType<IdGraphType>>("from").Description("The dependent.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<EdgeTypeEnum>>("type").Description("The edge's type.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<IdGraphType>>("to").Description("What it depends on.").Resolve(c => c.Source.To);
    }
}
