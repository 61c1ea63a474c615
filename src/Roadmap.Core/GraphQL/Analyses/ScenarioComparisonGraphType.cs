using GraphQL.Types;
using Roadmap.Core.Analysis;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class ScenarioComparisonGraphType : ObjectGraphType<ScenarioComparison>
{
    public ScenarioComparisonGraphType()
    {
        Name = "ScenarioComparison";
        Description = "What changes from a base scenario to an alternative: per kind, the nodes unblocked, relieved, cleared, newly hit and worsened, each with its chain, and the counts.";
        Field<NonNullGraphType<ImpactReportGraphType>>("base").Description("The impact of the base scenario.").Resolve(c => c.Source.Base);
        Field<NonNullGraphType<ImpactReportGraphType>>("alternative").Description("The impact of the alternative scenario.").Resolve(c => c.Source.Alternative);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScenarioKindComparisonGraphType>>>>("kinds")
            .Description("PRODUCT, PROGRAM, COMPONENT and TECHNOLOGY, in that order, each present.").Resolve(c => c.Source.Kinds);
        Field<NonNullGraphType<ScenarioCountsGraphType>>("counts").Description("The changes of every kind, counted.").Resolve(c => c.Source.Kinds);
    }
}
