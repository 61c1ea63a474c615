using System.Diagnostics;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using Roadmap.Core.Errors;

namespace Roadmap.Core.GraphQL.Execution;

/// <summary>
/// The time parse and validation of a new document may take (GraphQL:ValidationTimeout, at most GraphQL:ExecutionTimeout), parse time as
/// <see cref="DocumentLimits"/> measured it plus validation's. GraphQL.NET's execution timeout starts only after validation, and
/// validation cannot be interrupted from outside, so this rule looks at the clock on every node it is shown and
/// ends validation with VALIDATION_TIMEOUT once the budget is spent. One node's own work (the comparison of the
/// fields of one selection set) is not divisible: it is bounded by the document limits, this by the clock.
/// Cached documents passed their validation already and are not timed again.
/// </summary>
public sealed class ValidationBudget(IOptions<GraphQLOptions> options) : ValidationRuleBase
{
    private const string ParseTimeKey = "roadmap.validation.parse_time";

    /// <summary>Records how long parsing took, which the budget counts with validation.</summary>
    internal static void RecordParseTime(IDictionary<string, object?>? userContext, TimeSpan parseTime)
    {
        if (userContext is not null) userContext[ParseTimeKey] = parseTime;
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        // Counted from here rather than from the start of the request, so that the schema's one-time initialization
        // (the first request's, between parse and validation) is not charged to the document.
        var parseTime = context.UserContext?.TryGetValue(ParseTimeKey, out var value) == true && value is TimeSpan parsed ? parsed : TimeSpan.Zero;
        var limits = options.Value;
        // Never more than the whole request may take.
        var budget = limits.ValidationTimeout < limits.ExecutionTimeout ? limits.ValidationTimeout : limits.ExecutionTimeout;
        return new ValueTask<INodeVisitor?>(new Clock(Stopwatch.GetTimestamp(), budget - parseTime, budget));
    }

    private sealed class Clock(long started, TimeSpan left, TimeSpan budget) : INodeVisitor
    {
        public ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            if (Stopwatch.GetElapsedTime(started) > left)
            {
                throw new RoadmapException(ErrorCodes.ValidationTimeout,
                    $"Parsing and validating the document took more than GraphQL:ValidationTimeout ({budget.TotalMilliseconds:0} ms). Send a smaller document.");
            }
            return default;
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;
    }
}
