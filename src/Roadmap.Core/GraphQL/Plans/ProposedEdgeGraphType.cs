using GraphQL.Types;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.GraphQL.Traversal;
using Roadmap.Core.Plans;

namespace Roadmap.Core.GraphQL.Plans;

public sealed class ProposedEdgeGraphType : ObjectGraphType<ProposedEdge>
{
    public ProposedEdgeGraphType()
    {
        Name = "ProposedEdge";
        Description = "An edge a proposal would create.";
        Field<NonNullGraphType<IdGraphType>>("from").Resolve(c => c.Source.From);
        Field<NonNullGraphType<EdgeTypeEnum>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<IdGraphType>>("to").Resolve(c => c.Source.To);
        Field<StringGraphType>("group").Description("An alternative group, for 'A或B'.").Resolve(c => c.Source.Group);
        Field<NonNullGraphType<NeedReachEnum>>("reach").Resolve(c => c.Source.Reach);
    }
}
