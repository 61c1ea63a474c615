using Roadmap.Core.Errors;

namespace Roadmap.Core.Storage;

/// <summary>
/// The committed changes, as they happen, to every watcher; a watcher that names a revision first gets what the
/// audit log holds after it, then the live changes, with none missed or repeated in between.
/// </summary>
public sealed class ChangeFeed
{
    /// <summary>The most audit entries a watcher may ask to replay; further behind, graphDiff answers better.</summary>
    public const int MaxReplay = 1000;

    private readonly object _gate = new();
    private readonly List<Watcher> _watchers = [];

    /// <summary>How many watchers are registered now.</summary>
    public int WatcherCount
    {
        get
        {
            lock (_gate) return _watchers.Count;
        }
    }

    /// <summary>Called by the store after each commit, in revision order.</summary>
    public void Publish(GraphChange change)
    {
        Watcher[] watchers;
        lock (_gate) watchers = [.. _watchers];
        foreach (var watcher in watchers) watcher.Deliver(change);
    }

    /// <summary>
    /// The changes after <paramref name="afterRevision"/> (replayed from the audit log) and every change after them;
    /// only the live ones when it is null. ARGUMENT_OUT_OF_RANGE when the replay would exceed <see cref="MaxReplay"/> entries.
    /// </summary>
    public IObservable<GraphChange> Watch(IEditableGraphStore store, long? afterRevision)
    {
        if (afterRevision is { } after)
        {
            if (after < 0) throw new RoadmapException(ErrorCodes.ArgumentOutOfRange, "'afterRevision' must be 0 or more.");
            if (store.Revision - after > MaxReplay)
            {
                throw new RoadmapException(ErrorCodes.ArgumentOutOfRange,
                    $"'afterRevision' {after} is {store.Revision - after} entries behind the graph's revision {store.Revision}, more than the {MaxReplay} a feed replays: " +
                    "read what changed with graphDiff, then watch from stats.revision.");
            }
        }
        return new Observable(this, store, afterRevision);
    }

    private sealed class Observable(ChangeFeed feed, IEditableGraphStore store, long? afterRevision) : IObservable<GraphChange>
    {
        public IDisposable Subscribe(IObserver<GraphChange> observer)
        {
            var watcher = new Watcher(feed, observer, replaying: afterRevision is not null);
            lock (feed._gate) feed._watchers.Add(watcher);
            if (afterRevision is { } after)
            {
                // Registered first, so that a change committed during the replay waits in the watcher, not lost.
                var entries = store.AuditLogAsync(null, after, null, MaxReplay * 2, CancellationToken.None).GetAwaiter().GetResult();
                watcher.Replay(GraphChange.FromAudit(entries));
            }
            return watcher;
        }
    }

    private sealed class Watcher(ChangeFeed feed, IObserver<GraphChange> observer, bool replaying) : IDisposable
    {
        private readonly List<GraphChange> _pending = [];
        private long _last;
        private bool _replaying = replaying;
        private bool _disposed;

        public void Deliver(GraphChange change)
        {
            lock (this)
            {
                if (_disposed) return;
                if (_replaying) _pending.Add(change);
                else Next(change);
            }
        }

        public void Replay(IEnumerable<GraphChange> changes)
        {
            lock (this)
            {
                foreach (var change in changes) Next(change);
                foreach (var change in _pending) Next(change);
                _pending.Clear();
                _replaying = false;
            }
        }

        private void Next(GraphChange change)
        {
            if (_disposed || change.Revision <= _last) return;
            _last = change.Revision;
            observer.OnNext(change);
        }

        public void Dispose()
        {
            lock (this) _disposed = true;
            lock (feed._gate) feed._watchers.Remove(this);
        }
    }
}
