using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class DocumentComparisonGraphType : ObjectGraphType<DocumentComparison>
{
    public DocumentComparisonGraphType()
    {
        Name = "DocumentComparison";
        Description = "The nodes two plans state something about.";
        Field<NonNullGraphType<DocumentGraphType>>("a").Description("The plan the argument a names.").Resolve(c => c.Source.A);
        Field<NonNullGraphType<DocumentGraphType>>("b").Description("The plan the argument b names.").Resolve(c => c.Source.B);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("both")
            .Description("Nodes both plans cite, in a source, an assessment, a target or a goal; in id order. Not a connection: a comparison is one answer; counts gives the sizes, and nodes(where: { statedIn }) pages through either plan's nodes.").Resolve(c => c.Source.Both);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("onlyA").Description("Nodes plan a cites and plan b does not, in id order. Not a connection: a comparison is one answer; counts gives the sizes, and nodes(where: { statedIn }) pages through either plan's nodes.").Resolve(c => c.Source.OnlyA);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("onlyB").Description("Nodes plan b cites and plan a does not, in id order. Not a connection: a comparison is one answer; counts gives the sizes, and nodes(where: { statedIn }) pages through either plan's nodes.").Resolve(c => c.Source.OnlyB);
        Field<NonNullGraphType<DocumentComparisonCountsGraphType>>("counts").Description("How many nodes in each list, by kind.").Resolve(c => c.Source);
    }
}
