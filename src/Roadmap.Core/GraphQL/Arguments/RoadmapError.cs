using GraphQL;
using Roadmap.Core.Errors;

namespace Roadmap.Core.GraphQL.Arguments;

/// <summary>An error a client caused and can fix; GraphQL.NET reports it with its code and no stack trace.</summary>
public sealed class RoadmapError : ExecutionError
{
    public RoadmapError(ErrorCode code, string message) : base(message) => Code = code.Code;
}
