using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Traversal;

public sealed class SubgraphLevelGraphType : ObjectGraphType<SubgraphLevel>
{
    public SubgraphLevelGraphType()
    {
        Name = "SubgraphLevel";
        Description = "One node a traversal reached, with how far it is from the start: a line of an indented bill of materials or where-used list.";
        Field<NonNullGraphType<NodeInterface>>("node").Description("The node reached.").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<IntGraphType>>("depth").Description("Edges between the start and this node, by the shortest way; 0 for the start.").Resolve(c => c.Source.Depth);
        Field<EdgeGraphType>("via").Description("The edge this node was first reached by, which names its parent in the list; null for the start.").Resolve(c => c.Source.Via);
        Field<NodeInterface>("through")
            .Description("With members: true, the member of the start this node was reached through (治疗用呼吸机 for a need of the ventilator class); null for what the start reaches itself, and for the members.")
            .Resolve(c => c.Source.Through);
    }
}
