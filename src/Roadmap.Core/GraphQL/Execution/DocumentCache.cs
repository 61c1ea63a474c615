using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;

namespace Roadmap.Core.GraphQL.Execution;

/// <summary>
/// Keeps parsed and validated documents by query text, so a repeated query skips parsing and validation.
/// Validation rules registered with <c>useForCachedDocuments: true</c> (the complexity limit) still run on a hit.
/// Bounded: when full it starts over, which is cheap and keeps memory flat under a stream of unique queries.
/// </summary>
public sealed class DocumentCache(int capacity = DocumentCache.DefaultCapacity) : IConfigureExecution
{
    public const int DefaultCapacity = 1_000;

    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    /// <summary>Hits since start: what the cache saved.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    private long _hits;

    // After the options are filled in by the defaults (100) and before anything reads them.
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var query = options.Document is null ? options.Query : null;
        if (query is not null && _documents.TryGetValue(query, out var cached))
        {
            options.Document = cached;
            Interlocked.Increment(ref _hits);
            return await next(options);
        }

        var result = await next(options);
        // Executed means it parsed and validated; a document that failed either is not worth keeping.
        if (query is not null && result.Executed && result.Document is { } document)
        {
            if (_documents.Count >= capacity) _documents.Clear();
            _documents.TryAdd(query, document);
        }
        return result;
    }
}
