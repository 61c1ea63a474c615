using GraphQL.Types;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.Plans;

namespace Roadmap.Core.GraphQL.Plans;

public sealed class ProposedNodeGraphType : ObjectGraphType<ProposedNode>
{
    public ProposedNodeGraphType()
    {
        Name = "ProposedNode";
        Description = "A node a proposal would create.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The id it would get, kind:english-slug (kind:new-<hash> while its English is untranslated).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<NodeKindEnum>>("kind").Description("Its kind, from the list's cue (关键技术, 关键部件, 产品 …).").Resolve(c => c.Source.Kind);
        Field<ComponentTypeEnum>("componentType").Description("For a component: part, material, electronic, software or reagent, from its head noun.").Resolve(c => c.Source.ComponentType);
        Field<NonNullGraphType<StringGraphType>>("nameZh").Description("As the plan writes it, with a shared head noun given back.").Resolve(c => c.Source.NameZh);
        Field<NonNullGraphType<StringGraphType>>("nameEn").Description("From the glossary, or by a rule the proposal's rule names.").Resolve(c => c.Source.NameEn);
    }
}
