using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class SavingGroupGraphType : ObjectGraphType<SavingGroup>
{
    public SavingGroupGraphType()
    {
        Name = "SavingGroup";
        Description = "An alternative group below the node, some of whose members are blocked and some not: the available ones keep the owner, and so the node, from being blocked through it.";
        Field<NonNullGraphType<NodeInterface>>("owner").Description("The node whose edges form the group (the node itself or one of its dependencies).").Resolve(c => c.Source.Owner);
        Field<NonNullGraphType<StringGraphType>>("group").Description("The group's name on its edges.").Resolve(c => c.Source.Group);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("available").Description("The members that are not blocked (a list: one group's members).").Resolve(c => c.Source.Available);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("blocked").Description("The members that are blocked or gaps (a list: one group's members).").Resolve(c => c.Source.Blocked);
    }
}
