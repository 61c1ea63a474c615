using GraphQL;
using Roadmap.Core.Analysis;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Arguments;

/// <summary>
/// The bounds on the arguments that control how much work a field does; above them, ARGUMENT_OUT_OF_RANGE. The
/// traversal bounds are <see cref="TraversalLimits"/>'s, the year bounds the graph's own (<see cref="PlanYears"/>).
/// </summary>
public static class ArgumentLimits
{
    public const int MaxDepth = TraversalLimits.MaxDepth;
    public const int MaxPathLength = TraversalLimits.MaxPathLength;
    public const int MaxPathCount = TraversalLimits.MaxPathCount;
    public const int MaxPageSize = 100;
    public const int MaxIds = 100;
    public const int MaxSearchText = 200;
    public const int MinYear = PlanYears.Min;
    public const int MaxYear = PlanYears.Max;

    public static int InRange(IResolveFieldContext context, string argument, int min, int max)
    {
        var value = context.GetArgument<int>(argument);
        if (value < min || value > max)
        {
            throw new RoadmapError(ErrorCodes.ArgumentOutOfRange, $"'{argument}' must be between {min} and {max}; got {value}.");
        }
        return value;
    }
}
