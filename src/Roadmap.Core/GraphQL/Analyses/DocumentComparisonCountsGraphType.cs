using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class DocumentComparisonCountsGraphType : ObjectGraphType<DocumentComparison>
{
    public DocumentComparisonCountsGraphType()
    {
        Name = "DocumentComparisonCounts";
        Description = "The sizes of a comparison's lists: the node lists by kind, in NodeKind order (a kind with no nodes in a list is left out of it), the others as numbers.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountGraphType>>>>("both").Description("Nodes both plans cite, by kind.").Resolve(c => ByKind(c.Source.Both));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountGraphType>>>>("onlyA").Description("Nodes only plan a cites, by kind.").Resolve(c => ByKind(c.Source.OnlyA));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountGraphType>>>>("onlyB").Description("Nodes only plan b cites, by kind.").Resolve(c => ByKind(c.Source.OnlyB));
        Field<NonNullGraphType<IntGraphType>>("edgesBoth").Description("Dependencies both plans state.").Resolve(c => c.Source.EdgesBoth.Count);
        Field<NonNullGraphType<IntGraphType>>("edgesOnlyA").Description("Dependencies only plan a states.").Resolve(c => c.Source.EdgesOnlyA.Count);
        Field<NonNullGraphType<IntGraphType>>("edgesOnlyB").Description("Dependencies only plan b states.").Resolve(c => c.Source.EdgesOnlyB.Count);
        Field<NonNullGraphType<IntGraphType>>("changedTargets").Description("Targets and goals set differently for the same metric.").Resolve(c => c.Source.ChangedTargets.Count);
        Field<NonNullGraphType<IntGraphType>>("changedAssessments").Description("Nodes judged differently.").Resolve(c => c.Source.ChangedAssessments.Count);
    }

    private static List<KeyValuePair<NodeKind, int>> ByKind(IReadOnlyList<Node> nodes) =>
        nodes.GroupBy(n => n.Kind).OrderBy(g => g.Key).Select(g => KeyValuePair.Create(g.Key, g.Count())).ToList();
}
