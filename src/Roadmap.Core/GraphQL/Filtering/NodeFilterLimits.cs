using Roadmap.Core.Analysis;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Arguments;

namespace Roadmap.Core.GraphQL.Filtering;

/// <summary>The bounds on a filter: how deep it nests, how many conditions it holds, and each condition's values.</summary>
internal static class NodeFilterLimits
{
    public const int MaxDepth = 5;
    public const int MaxClauses = 50;
    public const int MaxIds = ArgumentLimits.MaxIds;
    public const int MaxOrderKeys = 7;

    /// <summary>Throws the coded error for the first bound the filter breaks.</summary>
    public static void Check(NodeFilter? filter)
    {
        if (filter is null) return;
        if (filter.Depth > MaxDepth) throw new RoadmapError(ErrorCodes.Complexity, $"A filter may nest {MaxDepth} levels deep; this one nests {filter.Depth}.");
        if (filter.ClauseCount > MaxClauses) throw new RoadmapError(ErrorCodes.Complexity, $"A filter may hold {MaxClauses} conditions; this one holds {filter.ClauseCount}.");
        CheckValues(filter);
    }

    private static void CheckValues(NodeFilter f)
    {
        if (f.Ids?.Count > MaxIds || f.StatedIn?.Count > MaxIds || f.JudgedIn?.Count > MaxIds)
        {
            throw new RoadmapError(ErrorCodes.ArgumentOutOfRange, $"'ids', 'statedIn' and 'judgedIn' hold up to {MaxIds} ids.");
        }
        if (f.Text is { } text && (text.Trim().Length == 0 || text.Length > ArgumentLimits.MaxSearchText))
        {
            throw new RoadmapError(ErrorCodes.InvalidArgument, $"'text' must have 1 to {ArgumentLimits.MaxSearchText} characters.");
        }
        foreach (var year in new[] { f.ActiveIn, f.StatusIn?.Year })
        {
            if (year is { } y && !PlanYears.Contains(y)) throw new RoadmapError(ErrorCodes.ArgumentOutOfRange, $"A year must lie within {PlanYears.Min} to {PlanYears.Max}; got {y}.");
        }
        foreach (var nested in (f.And ?? []).Concat(f.Or ?? []).Append(f.Not)
                     .Concat([f.Needs?.Some, f.Needs?.None, f.Needs?.All, f.NeededBy?.Some, f.NeededBy?.None, f.NeededBy?.All]))
        {
            if (nested is not null) CheckValues(nested);
        }
    }
}
