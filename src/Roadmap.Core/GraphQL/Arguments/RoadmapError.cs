using GraphQL;
using Roadmap.Core.Errors;

namespace Roadmap.Core.GraphQL.Arguments;

/// <summary>An error a client caused and can fix; GraphQL.NET reports it with its code and no stack trace.</summary>
public sealed class RoadmapError : ExecutionError
{
    public RoadmapError(ErrorCode code, string message, IReadOnlyDictionary<string, object?>? details = null) : base(message)
    {
        Code = code.Code;
        Details = details ?? new Dictionary<string, object?>();
    }

    /// <summary>A refusal of the core, with its code, message and details.</summary>
    public static RoadmapError From(RoadmapException refusal) => new(refusal.Code, refusal.Message, refusal.Details);

    /// <summary>Written into the error's extensions beside the code (see <see cref="Execution.RoadmapErrorInfoProvider"/>).</summary>
    public IReadOnlyDictionary<string, object?> Details { get; }
}
