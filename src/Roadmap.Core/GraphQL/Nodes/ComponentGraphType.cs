using GraphQL.Types;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class ComponentGraphType : NodeObjectGraphType
{
    public ComponentGraphType() : base(NodeKind.Component, "A core component: a part, material, electronic component or chip, software, or reagent.")
    {
        Field<NonNullGraphType<ComponentTypeEnum>>("componentType")
            .Description("What sort of component: PART, MATERIAL, ELECTRONIC, SOFTWARE or REAGENT.").Resolve(c => c.Source.ComponentType);
    }
}
