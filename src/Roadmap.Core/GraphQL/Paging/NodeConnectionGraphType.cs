using GraphQL.Types;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Paging;

public sealed class NodeConnectionGraphType : ObjectGraphType<NodePage>
{
    public NodeConnectionGraphType()
    {
        Name = "NodeConnection";
        Description = "A page of nodes in id order (Relay connection).";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("All matching nodes, on every page.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Whether another page follows, and the cursor to ask for it.").Resolve(c => c.Source);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeConnectionEdgeGraphType>>>>("edges")
            .Description("This page's nodes in id order, each with its cursor.")
            .Resolve(c => c.Source.Nodes.Select((n, i) => new NodeConnectionEdge(Cursors.Encode(c.Source.Offset + i), n)).ToList());
    }
}
