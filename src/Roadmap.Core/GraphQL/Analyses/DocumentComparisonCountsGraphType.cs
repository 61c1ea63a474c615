using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class DocumentComparisonCountsGraphType : ObjectGraphType<DocumentComparison>
{
    public DocumentComparisonCountsGraphType()
    {
        Name = "DocumentComparisonCounts";
        Description = "The sizes of a comparison's lists by kind, in NodeKind order; a kind with no nodes in a list is left out of it.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountGraphType>>>>("both").Description("Nodes both plans cite, by kind.").Resolve(c => ByKind(c.Source.Both));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountGraphType>>>>("onlyA").Description("Nodes only plan a cites, by kind.").Resolve(c => ByKind(c.Source.OnlyA));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountGraphType>>>>("onlyB").Description("Nodes only plan b cites, by kind.").Resolve(c => ByKind(c.Source.OnlyB));
    }

    private static List<KeyValuePair<NodeKind, int>> ByKind(IReadOnlyList<Node> nodes) =>
        nodes.GroupBy(n => n.Kind).OrderBy(g => g.Key).Select(g => KeyValuePair.Create(g.Key, g.Count())).ToList();
}
