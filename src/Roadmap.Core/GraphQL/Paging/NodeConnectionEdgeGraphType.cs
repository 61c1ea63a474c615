using GraphQL.Types;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Paging;

public sealed class NodeConnectionEdgeGraphType : ObjectGraphType<NodeConnectionEdge>
{
    public NodeConnectionEdgeGraphType()
    {
        Name = "NodeEdge";
        Description = "One node of a page, with its place in the list (a Relay edge; not a dependency edge).";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("This node's place in the list; pass it as 'after' to continue after it.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<NodeInterface>>("node").Description("The node.").Resolve(c => c.Source.Node);
    }
}
