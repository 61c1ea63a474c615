using GraphQL.Types;
using Roadmap.Core.Analysis;

namespace Roadmap.Core.GraphQL.Roadmaps;

public sealed class RoadmapSpanEnum : EnumerationGraphType<RoadmapSpan>
{
    public RoadmapSpanEnum()
    {
        Name = "RoadmapSpan";
        Description = "Where a roadmap item's start and end years come from.";
        this.Describe(RoadmapSpan.ProgramPeriod, "The program's period as its plan states it (a period without an end is drawn to the last plan that states the program).");
        this.Describe(RoadmapSpan.StatedYears, "The years of the first and the last plan that state the node (in a source, an assessment, a target or goal).");
    }
}
