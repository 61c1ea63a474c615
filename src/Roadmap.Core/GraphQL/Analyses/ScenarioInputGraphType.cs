using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.GraphQL.Filtering;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class ScenarioInputGraphType : InputObjectGraphType<Scenario>
{
    public ScenarioInputGraphType()
    {
        Name = "Scenario";
        Description = "A what-if: the nodes that stay unavailable (gaps, and with assumeGaps the plans' own), less the resolved ones, judged as of a year.";
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("gaps").Description($"Nodes to treat as unavailable, up to {ArgumentLimits.MaxIds}.");
        Field<NonNullGraphType<BooleanGraphType>>("assumeGaps").DefaultValue(false)
            .Description("Add every node judged DOMESTIC_GAP or IMPORT_DEPENDENT (as of asOfYear, else by the latest plan) to the gap set.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("resolved")
            .Description($"Nodes taken out of the gap set even when named or judged gaps (a part localised, a technology mastered), up to {ArgumentLimits.MaxIds}.");
        Field<IntGraphType>("asOfYear").Description($"Judge every node by the assessment in force in this year ({ArgumentLimits.MinYear} to {ArgumentLimits.MaxYear}): the latest a plan of that year or earlier makes.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new Scenario
    {
        Gaps = NodeFilterInputGraphType.ListOf<string>(value, "gaps") ?? [],
        AssumeGaps = value.TryGetValue("assumeGaps", out var assume) && assume is true,
        Resolved = NodeFilterInputGraphType.ListOf<string>(value, "resolved") ?? [],
        AsOfYear = value.TryGetValue("asOfYear", out var year) ? (int?)year : null,
    };
}
