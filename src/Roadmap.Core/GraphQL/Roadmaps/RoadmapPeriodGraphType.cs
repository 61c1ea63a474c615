using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Roadmaps;

public sealed class RoadmapPeriodGraphType : ObjectGraphType<RoadmapPeriod>
{
    public RoadmapPeriodGraphType()
    {
        Name = "RoadmapPeriod";
        Description = "A program in a roadmap and the years it runs, for the chart's time axis; programs without a stated period are not listed.";
        Field<NonNullGraphType<ProgramGraphType>>("program").Description("The program.").Resolve(c => c.Source.Program);
        Field<NonNullGraphType<PeriodGraphType>>("period").Description("The years the plan gives the program.").Resolve(c => c.Source.Period);
    }
}
