using GraphQL.Types;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Editing;

public sealed class PeriodInput
{
    public int Start { get; set; }
    public int? End { get; set; }
}

public sealed class PeriodInputGraphType : InputObjectGraphType<PeriodInput>
{
    public PeriodInputGraphType()
    {
        Name = "PeriodInput";
        Description = $"The years a program runs, within {PlanYears.Min} to {PlanYears.Max}.";
        Field<NonNullGraphType<IntGraphType>>("start").Description("The first year.");
        Field<IntGraphType>("end").Description("The last year, not before start; omit it when the plan states only a start.");
    }
}
