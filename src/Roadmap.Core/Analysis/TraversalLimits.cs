namespace Roadmap.Core.Analysis;

/// <summary>
/// How far a traversal may go. The API refuses arguments above these with ARGUMENT_OUT_OF_RANGE; the stores, the
/// edit planner's callers and the command line use the same bounds, so a question has one answer everywhere.
/// </summary>
public static class TraversalLimits
{
    /// <summary>Edges a reach, an impact or a roadmap follows from its start (each way, for a roadmap).</summary>
    public const int MaxDepth = 10;

    /// <summary>Edges in one path of a path search.</summary>
    public const int MaxPathLength = 10;

    /// <summary>Paths one path search returns.</summary>
    public const int MaxPathCount = 100;

    /// <summary>Search steps a path search may take; past it, it returns the paths found so far.</summary>
    public const int PathSearchBudget = 200_000;
}
