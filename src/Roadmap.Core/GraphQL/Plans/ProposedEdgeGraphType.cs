using GraphQL.Types;
using Roadmap.Core.GraphQL.Traversal;
using Roadmap.Core.Plans;

namespace Roadmap.Core.GraphQL.Plans;

public sealed class ProposedEdgeGraphType : ObjectGraphType<ProposedEdge>
{
    public ProposedEdgeGraphType()
    {
        Name = "ProposedEdge";
        Description = "An edge a proposal would create.";
        Field<NonNullGraphType<IdGraphType>>("from").Description("The dependent: an existing node's id or a node proposed in the same set.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<EdgeTypeEnum>>("type").Description("How from relates to to.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<IdGraphType>>("to").Description("What it depends on: an existing node's id or a node proposed in the same set.").Resolve(c => c.Source.To);
        Field<StringGraphType>("group").Description("An alternative group, for 'A或B'.").Resolve(c => c.Source.Group);
        Field<NonNullGraphType<NeedReachEnum>>("reach").Description("CLASS when the plan states the need for a class heading as a whole.").Resolve(c => c.Source.Reach);
    }
}
