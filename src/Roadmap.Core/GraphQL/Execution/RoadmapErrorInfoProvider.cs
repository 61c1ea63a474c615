using GraphQL;
using GraphQL.Execution;
using Roadmap.Core.GraphQL.Arguments;

namespace Roadmap.Core.GraphQL.Execution;

/// <summary>GraphQL.NET's error shape with no exception details, and a refusal's details beside its code in extensions.</summary>
public sealed class RoadmapErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = false })
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (executionError is RoadmapError { Details.Count: > 0 } error)
        {
            var extensions = info.Extensions ?? new Dictionary<string, object?>();
            foreach (var (key, value) in error.Details) extensions[key] = value;
            info.Extensions = extensions;
        }
        return info;
    }
}
