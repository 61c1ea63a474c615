using GraphQL.Types;
using Roadmap.Core.Analysis;

namespace Roadmap.Core.GraphQL.Traversal;

public sealed class PathSearchGraphType : ObjectGraphType<PathSearch>
{
    public PathSearchGraphType()
    {
        Name = "PathSearch";
        Description = "The paths a path search found, and whether it saw every path up to maxLength.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathGraphType>>>>("paths")
            .Description("The paths found, shortest first; empty when the two nodes are not connected within maxLength.")
            .Resolve(c => c.Source.Paths);
        Field<NonNullGraphType<BooleanGraphType>>("complete")
            .Description("False when the search ran out of steps before it had seen every path up to maxLength: paths may exist that are not listed. True when it finished, or stopped because it had found 'limit' paths.")
            .Resolve(c => c.Source.Complete);
    }
}
