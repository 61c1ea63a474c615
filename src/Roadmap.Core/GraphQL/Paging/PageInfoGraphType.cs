using GraphQL.Types;

namespace Roadmap.Core.GraphQL.Paging;

/// <summary>Relay's PageInfo, for every connection of the schema.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where a page stands in the whole list, and how to ask for the pages either side (Relay's PageInfo).";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("True when more items follow this page.").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("True when items come before this page.").Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("Pass as 'before' for the page before (where the list takes it); null on an empty page.").Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor").Description("Pass as 'after' for the next page; null on an empty page.").Resolve(c => c.Source.EndCursor);
    }
}
