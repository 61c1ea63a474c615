using GraphQL.Types;
using Roadmap.Core.GraphQL.Paging;

namespace Roadmap.Core.GraphQL.Search;

public sealed class SourceHitConnectionGraphType : ObjectGraphType<SourceHitConnection>
{
    public SourceHitConnectionGraphType()
    {
        Name = "SourceHitConnection";
        Description = "A page of source hits in plan year order, then in reading order (a Relay connection).";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Every sentence that matches, on every page.").Resolve(c => c.Source.Page.TotalCount);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Whether more hits follow, and the cursor to ask for them.").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceHitEdgeGraphType>>>>("edges").Description("This page's hits, each with its cursor.").Resolve(c => c.Source.Edges);
    }
}
