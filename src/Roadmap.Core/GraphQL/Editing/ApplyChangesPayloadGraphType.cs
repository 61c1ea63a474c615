using GraphQL.Types;
using Roadmap.Core.Editing;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class ApplyChangesPayloadGraphType : ObjectGraphType<ChangeSetResult>
{
    public ApplyChangesPayloadGraphType()
    {
        Name = "ApplyChangesPayload";
        Description = "What a change set did, or in a dry run would do.";
        Field<NonNullGraphType<BooleanGraphType>>("applied").Description("True when every change was committed; false in a dry run.").Resolve(c => c.Source.Committed);
        Field<NonNullGraphType<BooleanGraphType>>("dryRun").Description("Whether the set was only checked.").Resolve(c => c.Source.DryRun);
        Field<NonNullGraphType<IntGraphType>>("revision")
            .Description("The graph's revision after the commit; in a dry run, the revision the set was checked against (pass it as expectedRevision to apply exactly what was checked).")
            .Resolve(c => checked((int)c.Source.Revision));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeOutcomeGraphType>>>>("changes")
            .Description("What each change does, in order; a refused change is left out (see refusals).")
            .Resolve(c => c.Source.Plan.Edits.Select((e, i) => new ChangeOutcome(e.Index, e.Edit, c.Source.Committed ? c.Source.Sequences[i] : null)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeRefusalGraphType>>>>("refusals")
            .Description("Every change that would be refused, with its index and code; empty when the set can be applied. Only a dry run reports them here: a set applied for real fails with the first refusal's code instead.")
            .Resolve(c => c.Source.Plan.Refusals);
        Field<NonNullGraphType<ChangeSetCountsGraphType>>("counts").Description("The nodes and edges the set creates, updates and deletes.").Resolve(c => c.Source.Plan);
        // The "impact the change set would have" (a scenario comparison of the graph before and after) is
        // meant to join here as a field over Plan.Before and Plan.After once compareScenarios is in the schema.
    }
}
