using System.Collections.Concurrent;

namespace Roadmap.Api.Subscriptions;

/// <summary>Counts the open subscriptions per client address, SSE and WebSocket together.</summary>
public sealed class SubscriptionLimiter(Microsoft.Extensions.Options.IOptions<SubscriptionOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>A lease to dispose when the subscription ends, or null when the address holds its maximum already.</summary>
    public IDisposable? TryAcquire(string address)
    {
        var max = options.Value.MaxPerAddress;
        while (true)
        {
            var current = _open.GetOrAdd(address, 0);
            if (current >= max) return null;
            if (_open.TryUpdate(address, current + 1, current)) return new Lease(this, address);
        }
    }

    public int OpenFor(string address) => _open.GetValueOrDefault(address);

    private void Release(string address)
    {
        while (true)
        {
            var current = _open.GetValueOrDefault(address);
            if (current <= 1)
            {
                if (_open.TryRemove(new KeyValuePair<string, int>(address, current))) return;
            }
            else if (_open.TryUpdate(address, current - 1, current)) return;
        }
    }

    private sealed class Lease(SubscriptionLimiter limiter, string address) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) limiter.Release(address);
        }
    }
}
