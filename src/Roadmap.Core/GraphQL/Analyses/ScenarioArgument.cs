using GraphQL;
using Roadmap.Core.Analysis;
using Roadmap.Core.Errors;
using Roadmap.Core.GraphQL.Arguments;

namespace Roadmap.Core.GraphQL.Analyses;

/// <summary>Reads a Scenario argument and holds it to the bounds every id list and year has.</summary>
internal static class ScenarioArgument
{
    public static Scenario? Read(IResolveFieldContext context, string argument)
    {
        if (context.GetArgument<Scenario?>(argument) is not { } scenario) return null;
        foreach (var (name, ids) in new[] { ("gaps", scenario.Gaps), ("resolved", scenario.Resolved) })
        {
            if (ids.Count > ArgumentLimits.MaxIds)
            {
                throw new RoadmapError(ErrorCodes.ArgumentOutOfRange, $"'{argument}.{name}' may hold up to {ArgumentLimits.MaxIds} ids; got {ids.Count}.");
            }
        }
        if (scenario.AsOfYear is { } year && (year < ArgumentLimits.MinYear || year > ArgumentLimits.MaxYear))
        {
            throw new RoadmapError(ErrorCodes.ArgumentOutOfRange, $"'{argument}.asOfYear' must be between {ArgumentLimits.MinYear} and {ArgumentLimits.MaxYear}; got {year}.");
        }
        return scenario;
    }

    /// <summary>A scenario that names nothing unavailable asks nothing: refused, as impact without ids always was.</summary>
    public static Scenario RequireGaps(Scenario scenario, string argument) =>
        scenario.Gaps.Count == 0 && !scenario.AssumeGaps
            ? throw new RoadmapError(ErrorCodes.ArgumentOutOfRange, $"'{argument}' names no gap: give 1 to {ArgumentLimits.MaxIds} gaps, or assumeGaps: true.")
            : scenario;
}
