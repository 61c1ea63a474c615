using GraphQL.Types;
using Roadmap.Core.Plans;

namespace Roadmap.Core.GraphQL.Plans;

public sealed class ProposalGraphType : ObjectGraphType<Proposal>
{
    public ProposalGraphType()
    {
        Name = "Proposal";
        Description = "One fact a plan's text supports, with the verbatim quote that states it: the quote is checked against the plan before the proposal is made. " +
            "Node references are ids of existing nodes or of nodes proposed in the same set.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable across reruns on the same text.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<ProposalKindEnum>>("kind").Description("What it would add; the field of that name holds it.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("quote").Description("The plan's words, verbatim.").Resolve(c => c.Source.Quote);
        Field<NonNullGraphType<StringGraphType>>("section").Description("The clause as the plan numbers it (一、(一)、1、专栏N).").Resolve(c => c.Source.Section);
        Field<NonNullGraphType<StringGraphType>>("rule").Description("The rule that found it; docs/plans.md lists them.").Resolve(c => c.Source.Rule);
        Field<NonNullGraphType<FloatGraphType>>("confidence").Description("How sure the rule is, 0 to 1.").Resolve(c => c.Source.Confidence);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("duplicates")
            .Description("Existing nodes a proposed node may be: the same folded name or alias, or one inside the other.").Resolve(c => c.Source.Duplicates ?? []);
        Field<ProposedNodeGraphType>("node").Description("For NODE: the node to create.").Resolve(c => c.Source.Node);
        Field<ProposedEdgeGraphType>("edge").Description("For EDGE: the edge to create.").Resolve(c => c.Source.Edge);
        Field<ProposedAssessmentGraphType>("assessment").Description("For ASSESSMENT: the judgement.").Resolve(c => c.Source.Assessment);
        Field<ProposedTargetGraphType>("target").Description("For TARGET: the target or goal.").Resolve(c => c.Source.Target);
        Field<IdGraphType>("sourceOf").Description("For SOURCE: the existing node the clause mentions.").Resolve(c => c.Source.Source?.Node);
    }
}
