using System.Diagnostics;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Roadmap.Core.Telemetry;

namespace Roadmap.Core.GraphQL.Execution;

/// <summary>GraphQL.NET's complexity rule, which also puts the document's cost and depth on the operation's span, over the limit or not.</summary>
public sealed class ObservedComplexityRule(ComplexityOptions options) : ComplexityValidationRule(options)
{
    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        // Validation runs inside ExecutionTelemetry's span, so the current activity is the operation's.
        if (Activity.Current is { } operation && operation.Source == RoadmapTelemetry.Source)
        {
            operation.SetTag(RoadmapTelemetry.ComplexityTag, totalComplexity);
            operation.SetTag(RoadmapTelemetry.DepthTag, maxDepth);
        }
        return base.ValidateComplexityAsync(context, totalComplexity, maxDepth);
    }
}
