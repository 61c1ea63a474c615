using GraphQL.Types;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Paging;

public sealed class PageInfoGraphType : ObjectGraphType<NodePage>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where a page stands in the whole list, and how to ask for the next.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("True when more nodes follow this page.")
            .Resolve(c => c.Source.Offset + c.Source.Nodes.Count < c.Source.TotalCount);
        Field<StringGraphType>("endCursor").Description("Pass as 'after' for the next page; null on an empty page.")
            .Resolve(c => c.Source.Nodes.Count == 0 ? null : Cursors.Encode(c.Source.Offset + c.Source.Nodes.Count - 1));
    }
}
