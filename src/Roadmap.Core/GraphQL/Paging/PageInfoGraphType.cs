using GraphQL.Types;

namespace Roadmap.Core.GraphQL.Paging;

public sealed class PageInfoGraphType : ObjectGraphType<NodeConnection>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where a page stands in the whole list, and how to ask for the pages either side (Relay's PageInfo).";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("True when more nodes follow this page.").Resolve(c => c.Source.Window.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("True when nodes come before this page.").Resolve(c => c.Source.Window.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("Pass as 'before' for the page before; null on an empty page.")
            .Resolve(c => c.Source.Edges.Count == 0 ? null : c.Source.Edges[0].Cursor);
        Field<StringGraphType>("endCursor").Description("Pass as 'after' for the next page; null on an empty page.")
            .Resolve(c => c.Source.Edges.Count == 0 ? null : c.Source.Edges[^1].Cursor);
    }
}
