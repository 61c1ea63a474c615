using GraphQL.Types;
using Roadmap.Core.Analysis;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class ScenarioCountsGraphType : ObjectGraphType<IReadOnlyList<ScenarioKindComparison>>
{
    public ScenarioCountsGraphType()
    {
        Name = "ScenarioCounts";
        Description = "How many nodes fall in each class of change.";
        Field<NonNullGraphType<IntGraphType>>("unblocked").Description("BLOCKED in the base, not hit in the alternative.").Resolve(c => c.Source.Sum(k => k.Unblocked.Count));
        Field<NonNullGraphType<IntGraphType>>("relieved").Description("BLOCKED in the base, AT_RISK in the alternative.").Resolve(c => c.Source.Sum(k => k.Relieved.Count));
        Field<NonNullGraphType<IntGraphType>>("cleared").Description("AT_RISK in the base, not hit in the alternative.").Resolve(c => c.Source.Sum(k => k.Cleared.Count));
        Field<NonNullGraphType<IntGraphType>>("newlyHit").Description("Not hit in the base, hit in the alternative.").Resolve(c => c.Source.Sum(k => k.NewlyHit.Count));
        Field<NonNullGraphType<IntGraphType>>("worsened").Description("AT_RISK in the base, BLOCKED in the alternative.").Resolve(c => c.Source.Sum(k => k.Worsened.Count));
    }
}
