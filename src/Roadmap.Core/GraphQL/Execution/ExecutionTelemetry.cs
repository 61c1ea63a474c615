using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Roadmap.Core.Telemetry;

namespace Roadmap.Core.GraphQL.Execution;

/// <summary>
/// One span and one count per GraphQL operation, from any transport: its name and type, a hash of the document
/// (the text itself may carry what a client typed), the error codes of the result and how long it took; and a
/// Warning for an operation slower than GraphQL:SlowOperationThreshold.
/// </summary>
public sealed partial class ExecutionTelemetry(IOptions<GraphQLOptions> graphQLOptions, ILoggerFactory? loggerFactory = null) : IConfigureExecution
{
    // The CLI runs the same pipeline without logging set up.
    private readonly ILogger _logger = loggerFactory?.CreateLogger<ExecutionTelemetry>() ?? NullLogger<ExecutionTelemetry>.Instance;

    // Outside every other step, so refusals (not ready, document limits) are measured too.
    public float SortOrder => 10;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        using var activity = RoadmapTelemetry.Source.StartActivity("graphql");
        var documentHash = DocumentHash(options.Query);
        activity?.SetTag(RoadmapTelemetry.DocumentHashTag, documentHash);
        var started = Stopwatch.GetTimestamp();
        var result = await next(options);
        var elapsed = Stopwatch.GetElapsedTime(started);

        // The operation that ran; one that failed validation is still in the parsed document; one that did not parse
        // has only the name the client sent.
        var operation = result.Operation ?? SelectedOperation(result.Document ?? options.Document, options.OperationName);
        var name = operation?.Name?.StringValue ?? options.OperationName ?? "anonymous";
        var type = operation?.Operation.ToString().ToLowerInvariant() ?? "unknown";
        var codes = result.Errors?.Select(e => e.Code).OfType<string>().Distinct(StringComparer.Ordinal).ToArray() ?? [];
        var outcome = codes.Length > 0 ? codes[0] : result.Errors is { Count: > 0 } ? "error" : "ok";

        if (activity is not null)
        {
            activity.DisplayName = $"{type} {name}";
            activity.SetTag(RoadmapTelemetry.OperationNameTag, name);
            activity.SetTag(RoadmapTelemetry.OperationTypeTag, type);
            if (codes.Length > 0) activity.SetTag(RoadmapTelemetry.ErrorCodesTag, codes);
            if (outcome != "ok") activity.SetStatus(ActivityStatusCode.Error, outcome);
        }
        var tags = new TagList
        {
            { RoadmapTelemetry.OperationTag, name },
            { RoadmapTelemetry.OperationTypeTag, type },
            { RoadmapTelemetry.OutcomeTag, outcome },
        };
        RoadmapTelemetry.GraphQLRequests.Add(1, tags);
        RoadmapTelemetry.GraphQLDuration.Record(elapsed.TotalSeconds, tags);

        var threshold = graphQLOptions.Value.SlowOperationThreshold;
        if (threshold > TimeSpan.Zero && elapsed > threshold)
        {
            LogSlowOperation(_logger, type, name, (long)elapsed.TotalMilliseconds, documentHash, outcome, Activity.Current?.TraceId.ToString());
        }
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow GraphQL operation: {OperationType} {OperationName} took {ElapsedMs} ms (document {DocumentHash}, outcome {Outcome}, trace {TraceId})")]
    private static partial void LogSlowOperation(ILogger logger, string operationType, string operationName, long elapsedMs, string? documentHash, string outcome, string? traceId);

    private static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument? document, string? operationName)
    {
        var operations = document?.Definitions.OfType<GraphQLOperationDefinition>().ToList() ?? [];
        return operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    private static string? DocumentHash(string? document) =>
        document is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)))[..16];
}
