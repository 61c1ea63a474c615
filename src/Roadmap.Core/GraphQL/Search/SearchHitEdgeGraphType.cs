using GraphQL.Types;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Search;

public sealed class SearchHitEdgeGraphType : ObjectGraphType<SearchHitEdge>
{
    public SearchHitEdgeGraphType()
    {
        Name = "SearchHitEdge";
        Description = "One hit of a name search, with its place in the list (a Relay edge; not a dependency edge).";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as 'after' to continue after this hit.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<NodeInterface>>("node").Description("The node found.").Resolve(c => c.Source.Hit.Node);
        Field<NonNullGraphType<SearchMatchEnum>>("match").Description("How the node's best name matched the text.").Resolve(c => c.Source.Hit.Match);
    }
}
