using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Filtering;

public sealed class StatusInYearInputGraphType : InputObjectGraphType<StatusInYear>
{
    public StatusInYearInputGraphType()
    {
        Name = "StatusInYear";
        Description = "The judgement in force in a year is one of the statuses: what the plans said as of then.";
        Field<NonNullGraphType<IntGraphType>>("year").Description($"The year, {PlanYears.Min} to {PlanYears.Max}.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssessmentStatusEnum>>>>("statuses").Description("The statuses that match.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new StatusInYear((int)value["year"]!, NodeFilterInputGraphType.SetOf<AssessmentStatus>(value, "statuses")!);
}
