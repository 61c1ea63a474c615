using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Roadmap.Core.Errors;
using Roadmap.Core.GraphQL.Arguments;

namespace Roadmap.Core.GraphQL.Execution;

/// <summary>
/// Bounds a document before validation sees it. GraphQL.NET's validation compares every pair of selections that
/// share a response name and reports each conflict, so a 60 KB document can cost minutes of CPU and millions of
/// errors before the execution timeout starts counting; one linear walk of the parsed document refuses such a
/// document first, with DOCUMENT_TOO_LARGE. After execution, the errors of any response are capped.
/// </summary>
public sealed class DocumentLimits(IOptions<GraphQLOptions> limitOptions) : IConfigureExecution
{
    // After the document cache (200): a cached document passed these limits when it was first parsed.
    public float SortOrder => 300;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var limits = limitOptions.Value;
        if (options.Document is null && options.Query is { } query)
        {
            var parseStarted = System.Diagnostics.Stopwatch.GetTimestamp();
            var builder = options.RequestServices?.GetService<IDocumentBuilder>() ?? new GraphQLDocumentBuilder();
            GraphQLDocument? document = null;
            try
            {
                document = builder.Build(query);
            }
            catch (GraphQLParser.Exceptions.GraphQLMaxDepthExceededException)
            {
                // GraphQL.NET would let this one through as an unhandled exception, INTERNAL and an error in the log.
                return new ExecutionResult { Errors = [new RoadmapError(ErrorCodes.DocumentTooLarge, "The document nests deeper than the parser allows.")] };
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Left to the executer, which parses again and reports the syntax error in its own words.
            }
            if (document is not null)
            {
                ValidationBudget.RecordParseTime(options.UserContext, System.Diagnostics.Stopwatch.GetElapsedTime(parseStarted));
                if (Measure(document, query, limits) is { } refusal)
                {
                    return new ExecutionResult { Errors = [new RoadmapError(ErrorCodes.DocumentTooLarge, refusal)] };
                }
                options.Document = document;
            }
        }
        return CapErrors(await next(options), limits.MaxErrors);
    }

    private static ExecutionResult CapErrors(ExecutionResult result, int maxErrors)
    {
        if (result.Errors is not { } errors || errors.Count <= maxErrors) return result;
        var kept = new ExecutionErrors();
        for (var i = 0; i < maxErrors; i++) kept.Add(errors[i]);
        kept.Add(new RoadmapError(ErrorCodes.TooManyErrors, $"{errors.Count - maxErrors} more errors left out (GraphQL:MaxErrors is {maxErrors})."));
        result.Errors = kept;
        return result;
    }

    /// <summary>Why the document is over a limit, or null when it is within all of them.</summary>
    internal static string? Measure(GraphQLDocument document, string query, GraphQLOptions limits)
    {
        var walk = new Walk(document, query);
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLOperationDefinition operation) walk.Text(operation.SelectionSet);
            else if (definition is GraphQLFragmentDefinition fragment) walk.Text(fragment.SelectionSet);
        }
        if (walk.Aliases > limits.MaxAliases) return $"The document writes {walk.Aliases} aliases; GraphQL:MaxAliases allows {limits.MaxAliases}.";
        if (walk.Spreads > limits.MaxFragmentSpreads) return $"The document writes {walk.Spreads} fragment spreads; GraphQL:MaxFragmentSpreads allows {limits.MaxFragmentSpreads}.";
        if (walk.MostArgumentSets is var (name, count) && count > limits.MaxArgumentSetsPerResponseName)
        {
            return $"The response name '{name}' carries {count} different argument lists; GraphQL:MaxArgumentSetsPerResponseName allows {limits.MaxArgumentSetsPerResponseName}. Give each its own alias.";
        }
        long fields = 0;
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLOperationDefinition operation) fields += walk.Expanded(operation.SelectionSet, limits.MaxFields);
            if (fields > limits.MaxFields) return $"The document selects more than {limits.MaxFields} fields (fragments counted at each spread); GraphQL:MaxFields allows {limits.MaxFields}.";
        }
        return null;
    }

    private sealed class Walk(GraphQLDocument document, string query)
    {
        private readonly Dictionary<string, HashSet<string>> _argumentSets = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _fragmentFields = new(StringComparer.Ordinal);
        private readonly HashSet<string> _expanding = new(StringComparer.Ordinal);
        private Dictionary<string, GraphQLFragmentDefinition>? _fragments;

        public int Aliases { get; private set; }

        public int Spreads { get; private set; }

        public (string Name, int Count)? MostArgumentSets =>
            _argumentSets.Count == 0 ? null : _argumentSets.Select(p => (p.Key, p.Value.Count)).MaxBy(p => p.Count);

        /// <summary>Counts what the text writes: aliases, spreads and the argument lists under each response name.</summary>
        public void Text(GraphQLSelectionSet? selections)
        {
            if (selections is null) return;
            foreach (var selection in selections.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        if (field.Alias is not null) Aliases++;
                        var responseName = (field.Alias?.Name ?? field.Name).StringValue;
                        if (!_argumentSets.TryGetValue(responseName, out var sets)) _argumentSets[responseName] = sets = new HashSet<string>(StringComparer.Ordinal);
                        sets.Add(field.Name.StringValue + ArgumentsText(field.Arguments));
                        Text(field.SelectionSet);
                        break;
                    case GraphQLInlineFragment inline:
                        Text(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread:
                        Spreads++;
                        break;
                }
            }
        }

        /// <summary>Fields as executed, each fragment counted once per spread; stops counting past the limit.</summary>
        public long Expanded(GraphQLSelectionSet? selections, long limit)
        {
            if (selections is null) return 0;
            long count = 0;
            foreach (var selection in selections.Selections)
            {
                count += selection switch
                {
                    GraphQLField field => 1 + Expanded(field.SelectionSet, limit),
                    GraphQLInlineFragment inline => Expanded(inline.SelectionSet, limit),
                    GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue, limit),
                    _ => 0,
                };
                if (count > limit) return count;
            }
            return count;
        }

        private long Fragment(string name, long limit)
        {
            if (_fragmentFields.TryGetValue(name, out var known)) return known;
            // A cycle or an unknown fragment is validation's to report; it adds nothing here.
            if (!_expanding.Add(name)) return 0;
            _fragments ??= document.Definitions.OfType<GraphQLFragmentDefinition>()
                .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var count = _fragments.TryGetValue(name, out var definition) ? Expanded(definition.SelectionSet, limit) : 0;
            _expanding.Remove(name);
            return _fragmentFields[name] = count;
        }

        private string ArgumentsText(GraphQLArguments? arguments)
        {
            if (arguments is null || arguments.Items.Count == 0) return "";
            var location = arguments.Location;
            // The written text: two lists that differ only in spacing count twice, which errs on the side of the limit.
            return location.End > location.Start && location.End <= query.Length
                ? query[location.Start..location.End]
                : "(" + arguments.Items.Count + ")";
        }
    }
}
