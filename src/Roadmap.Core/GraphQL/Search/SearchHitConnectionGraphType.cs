using GraphQL.Types;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.GraphQL.Paging;

namespace Roadmap.Core.GraphQL.Search;

public sealed class SearchHitConnectionGraphType : ObjectGraphType<SearchHitConnection>
{
    public SearchHitConnectionGraphType()
    {
        Name = "SearchHitConnection";
        Description = "A page of nodes found by name, best match first (a Relay connection).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchHitEdgeGraphType>>>>("edges")
            .Description("This page's hits in rank order, each with its cursor and how it matched.")
            .Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("nodes")
            .Description("This page's nodes in rank order, for clients that need neither cursors nor how each matched.")
            .Resolve(c => c.Source.Page.Hits.Select(h => h.Node).ToList());
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Whether more hits follow, and the cursor to ask for them.").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Every node that matches, on every page.").Resolve(c => c.Source.Page.TotalCount);
    }
}
