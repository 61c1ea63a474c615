using GraphQL.Types;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class KindCountGraphType : ObjectGraphType<KeyValuePair<NodeKind, int>>
{
    public KindCountGraphType()
    {
        Name = "KindCount";
        Description = "How many nodes of one kind.";
        Field<NonNullGraphType<NodeKindEnum>>("kind").Description("The kind counted.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many nodes of that kind.").Resolve(c => c.Source.Value);
    }
}
