using GraphQL.Types;

namespace Roadmap.Core.GraphQL.Paging;

public sealed class NodeConnectionGraphType : ObjectGraphType<NodeConnection>
{
    public NodeConnectionGraphType()
    {
        Name = "NodeConnection";
        Description = "A page of nodes (a Relay connection), in the order asked for: by id unless orderBy says otherwise.";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("All matching nodes, on every page.").Resolve(c => c.Source.Window.TotalCount);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Whether other pages lie either side, and the cursors to ask for them.").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeConnectionEdgeGraphType>>>>("edges")
            .Description("This page's nodes in order, each with its cursor.")
            .Resolve(c => c.Source.Edges);
    }
}
