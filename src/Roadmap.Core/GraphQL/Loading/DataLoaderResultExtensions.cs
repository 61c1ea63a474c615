using GraphQL.DataLoader;

namespace Roadmap.Core.GraphQL.Loading;

public static class DataLoaderResultExtensions
{
    /// <summary>Maps a deferred result without resolving it early, so the batch still forms.</summary>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> map) => new Mapped<T, TResult>(result, map);

    /// <summary>Many deferred results as one, each still queued in its batch until the whole is asked for.</summary>
    public static IDataLoaderResult<IReadOnlyList<T>> All<T>(this IEnumerable<IDataLoaderResult<T>> results) => new Combined<T>([.. results]);

    /// <summary>A store call as a deferred result, for the shared node fields (their resolvers return one value type for every field).</summary>
    public static IDataLoaderResult<T> Deferred<T>(Func<Task<T>> call) => new FromTask<T>(call);

    private sealed class FromTask<T>(Func<Task<T>> call) : IDataLoaderResult<T>
    {
        public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => call();

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await call();
    }

    private sealed class Combined<T>(List<IDataLoaderResult<T>> parts) : IDataLoaderResult<IReadOnlyList<T>>
    {
        public async Task<IReadOnlyList<T>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = new List<T>(parts.Count);
            foreach (var part in parts) values.Add(await part.GetResultAsync(cancellationToken));
            return values;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }

    private sealed class Mapped<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
