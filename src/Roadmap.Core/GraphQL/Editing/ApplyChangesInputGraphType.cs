using GraphQL.Types;
using Roadmap.Core.Editing;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class ApplyChangesInput
{
    public List<ChangeInput> Changes { get; set; } = [];
    public bool DryRun { get; set; }
    public int? ExpectedRevision { get; set; }
}

public sealed class ApplyChangesInputGraphType : InputObjectGraphType<ApplyChangesInput>
{
    public ApplyChangesInputGraphType()
    {
        Name = "ApplyChangesInput";
        Description = "A change set: changes that go in together or not at all.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeInputGraphType>>>>("changes")
            .Description($"1 to {ChangeSetPlanner.MaxChanges} changes (ARGUMENT_OUT_OF_RANGE otherwise), in order: each is checked against the graph as the changes before it leave it, so a set can create a node and then link it.");
        Field<NonNullGraphType<BooleanGraphType>>("dryRun").DefaultValue(false)
            .Description("Check every change and report what the set would do, every refusal with its index and code, and write nothing.");
        Field<IntGraphType>("expectedRevision")
            .Description("The stats.revision the set is based on; CONFLICT (with extensions.currentRevision) when the graph has changed since. Omitted, each change's own expectedVersion is all that is checked.");
    }
}
