using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.GraphQL.Traversal;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class DocumentComparisonGraphType : ObjectGraphType<DocumentComparison>
{
    private const string NotAConnection = " Not a connection: a comparison is one answer, worked out whole; counts gives the sizes.";

    public DocumentComparisonGraphType()
    {
        Name = "DocumentComparison";
        Description = "What two plans state: the nodes each cites, the dependencies each states, the targets they set differently and the judgements they differ on.";
        Field<NonNullGraphType<DocumentGraphType>>("a").Description("The plan the argument a names.").Resolve(c => c.Source.A);
        Field<NonNullGraphType<DocumentGraphType>>("b").Description("The plan the argument b names.").Resolve(c => c.Source.B);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("both")
            .Description("Nodes both plans cite, in a source, an assessment, a target or a goal; in id order. Not a connection: a comparison is one answer; counts gives the sizes, and nodes(where: { statedIn }) pages through either plan's nodes.").Resolve(c => c.Source.Both);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("onlyA").Description("Nodes plan a cites and plan b does not, in id order. Not a connection: a comparison is one answer; counts gives the sizes, and nodes(where: { statedIn }) pages through either plan's nodes.").Resolve(c => c.Source.OnlyA);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("onlyB").Description("Nodes plan b cites and plan a does not, in id order. Not a connection: a comparison is one answer; counts gives the sizes, and nodes(where: { statedIn }) pages through either plan's nodes.").Resolve(c => c.Source.OnlyB);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType>>>>("edgesOnlyA")
            .Description("Dependencies plan a states and plan b does not, by from, type, to." + NotAConnection).Resolve(c => c.Source.EdgesOnlyA);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType>>>>("edgesOnlyB")
            .Description("Dependencies plan b states and plan a does not, by from, type, to." + NotAConnection).Resolve(c => c.Source.EdgesOnlyB);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TargetChangeGraphType>>>>("changedTargets")
            .Description("Targets and goals both plans set on a node for the same metric, with different bounds; in node id order." + NotAConnection).Resolve(c => c.Source.ChangedTargets);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssessmentChangeGraphType>>>>("changedAssessments")
            .Description("Nodes both plans judge, differently; in id order." + NotAConnection).Resolve(c => c.Source.ChangedAssessments);
        Field<NonNullGraphType<DocumentComparisonCountsGraphType>>("counts").Description("How many nodes in each list, by kind.").Resolve(c => c.Source);
    }
}
