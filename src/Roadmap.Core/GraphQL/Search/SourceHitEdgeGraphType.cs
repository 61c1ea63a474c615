using GraphQL.Types;

namespace Roadmap.Core.GraphQL.Search;

public sealed class SourceHitEdgeGraphType : ObjectGraphType<SourceHitEdge>
{
    public SourceHitEdgeGraphType()
    {
        Name = "SourceHitEdge";
        Description = "One hit of a page, with its place in the list (a Relay edge).";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as 'after' to continue after this hit.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<SourceHitGraphType>>("node").Description("The hit.").Resolve(c => c.Source.Node);
    }
}
