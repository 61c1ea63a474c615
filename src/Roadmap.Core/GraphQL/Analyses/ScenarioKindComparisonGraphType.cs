using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class ScenarioKindComparisonGraphType : ObjectGraphType<ScenarioKindComparison>
{
    private const string NotAConnection = " By id. Not a connection: the comparison is one answer computed whole from two impact reports (bounded by maxDepth); counts gives the sizes.";

    public ScenarioKindComparisonGraphType()
    {
        Name = "ScenarioKindComparison";
        Description = "The nodes of one kind that fare better or worse in the alternative scenario.";
        Field<NonNullGraphType<NodeKindEnum>>("kind").Description("PRODUCT, PROGRAM, COMPONENT or TECHNOLOGY.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScenarioChangeGraphType>>>>("unblocked").Description("BLOCKED in the base, not hit in the alternative." + NotAConnection).Resolve(c => c.Source.Unblocked);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScenarioChangeGraphType>>>>("relieved").Description("BLOCKED in the base, AT_RISK in the alternative." + NotAConnection).Resolve(c => c.Source.Relieved);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScenarioChangeGraphType>>>>("cleared").Description("AT_RISK in the base, not hit in the alternative." + NotAConnection).Resolve(c => c.Source.Cleared);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScenarioChangeGraphType>>>>("newlyHit").Description("Not hit in the base, hit (BLOCKED or AT_RISK) in the alternative." + NotAConnection).Resolve(c => c.Source.NewlyHit);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScenarioChangeGraphType>>>>("worsened").Description("AT_RISK in the base, BLOCKED in the alternative." + NotAConnection).Resolve(c => c.Source.Worsened);
        Field<NonNullGraphType<ScenarioCountsGraphType>>("counts").Description("The sizes of the five lists.").Resolve(c => (IReadOnlyList<ScenarioKindComparison>)[c.Source]);
    }
}
