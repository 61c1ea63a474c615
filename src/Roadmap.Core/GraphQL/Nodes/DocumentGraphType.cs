using GraphQL.Types;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Nodes;

public sealed class DocumentGraphType : NodeObjectGraphType
{
    public DocumentGraphType() : base(NodeKind.Document, "One of the policy plans the graph is drawn from.")
    {
        Field<NonNullGraphType<StringGraphType>>("title").Description("The title as the plan writes it.").Resolve(c => c.Source.NameZh);
        Field<NonNullGraphType<StringGraphType>>("titleEn").Description("The title in English.").Resolve(c => c.Source.NameEn);
        Field<StringGraphType>("issuer").Description("The lead issuing agency.").Resolve(c => c.Source.Issuer);
        Field<NonNullGraphType<IntGraphType>>("year").Description("The year the plan speaks from; it dates the plan's assessments.").Resolve(c => c.Source.Year);
        Field<PeriodGraphType>("period")
            .Description("The years the plan covers, e.g. 2021 to 2025 for the 14th Five-Year Plan; null when none is recorded.").Resolve(c => c.Source.Period);
        Field<NonNullGraphType<StringGraphType>>("file").Description("The plan's text under seeds/documents.").Resolve(c => c.Source.File);
    }
}
