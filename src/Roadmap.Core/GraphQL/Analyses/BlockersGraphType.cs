using GraphQL;
using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class BlockersGraphType : ObjectGraphType<Blockers>
{
    public BlockersGraphType()
    {
        Name = "Blockers";
        Description = "What holds one node back under a scenario: impact asked from the other end, and in agreement with it.";
        Field<ImpactSeverityEnum>("severity")
            .Description("BLOCKED or AT_RISK exactly as impact reports the node under the same scenario (a gap-set member is BLOCKED); null when no gap lies below it.")
            .Resolve(c => c.Source.Severity);
        Field<NonNullGraphType<BooleanGraphType>>("inGapSet").Description("True when the node is itself in the scenario's gap set.").Resolve(c => c.Source.InGapSet);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BlockingGapGraphType>>>>("gaps")
            .Description("The gaps below the node, nearest first, then by id; the first of them as blockers(first) asks (a list: bounded by first; gapCount counts all).")
            .Resolve(c => c.Source.Gaps);
        Field<NonNullGraphType<IntGraphType>>("gapCount").Description("How many gaps lie below the node in all.").Resolve(c => c.Source.GapCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SavingGroupGraphType>>>>("savingGroups")
            .Description("The alternative groups below the node that a gap hits but does not block, by owner id then group. A list: one node's dependencies, and few of them have alternatives.")
            .Resolve(c => c.Source.SavingGroups);
        Field<AssessmentStatusEnum>("effectiveStatus")
            .Description("The node's readiness rolled up through its needs: the worst of its own judgement and its needs' (a hard need as itself, an alternative group as its best member, a program as the best it covers; a gap-set member as DOMESTIC_GAP, a resolved one as at least BREAKTHROUGH). Null when nothing on the way is judged.")
            .Resolve(c => c.Source.EffectiveStatus);
    }
}
