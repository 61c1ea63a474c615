using GraphQL.Types;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class TechnologyGraphType : NodeObjectGraphType
{
    public TechnologyGraphType() : base(NodeKind.Technology, "A frontier, common or key technology.")
    {
        Field<FieldEnum>("field").Description("The field the plan files it under, when it says.").Resolve(c => c.Source.Field);
    }
}
