using GraphQL.DataLoader;

namespace Roadmap.Core.GraphQL.Loading;

/// <summary>
/// Collects the keys that resolvers ask for while the executor walks one level of the result, then fetches them
/// in one store call when the first deferred result is awaited. The embedded store would not need it; a store
/// behind a network (Neo4j) would otherwise make one call per field. One instance per request.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private readonly HashSet<TKey> _pending = [];
    private Task? _inFlight;

    /// <summary>How many fetches this loader has made: one per batch, whatever the number of keys.</summary>
    public int FetchCount { get; private set; }

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_lock)
        {
            if (_loaded.TryGetValue(key, out var value)) return new Ready(value);
            _pending.Add(key);
        }
        return new Deferred(this, key);
    }

    /// <summary>Drops the loaded values; keys already pending are still fetched with the next batch.</summary>
    public void Clear()
    {
        lock (_lock) _loaded.Clear();
    }

    private async Task<TValue?> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task? running = null;
            TaskCompletionSource? batch = null;
            TKey[] keys = [];
            lock (_lock)
            {
                if (_loaded.TryGetValue(key, out var value)) return value;
                if (_inFlight is { IsCompleted: false }) running = _inFlight;
                else if (_pending.Count > 0)
                {
                    // This caller fetches everything pending; callers that arrive meanwhile wait for it.
                    keys = [.. _pending];
                    _pending.Clear();
                    batch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    _inFlight = batch.Task;
                    FetchCount++;
                }
                else return default;
            }
            if (batch is null)
            {
                await running!;
                continue;
            }
            try
            {
                var found = await fetch(keys, cancellationToken);
                lock (_lock)
                {
                    foreach (var k in keys) _loaded[k] = found.TryGetValue(k, out var v) ? v : default!;
                }
                batch.SetResult();
            }
            catch (Exception e)
            {
                batch.SetException(e);
                throw;
            }
        }
    }

    private sealed class Ready(TValue? value) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);
        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
    }

    private sealed class Deferred(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);
        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
