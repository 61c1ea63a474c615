using System.Runtime;

namespace Roadmap.Core.Storage;

/// <summary>
/// Holds off garbage collection while a loader allocates a graph that will live as long as the process. Every
/// collection in the middle of such a load finds all of it alive and copies it up a generation, which at a million
/// nodes made collecting cost more than decoding. One burst at a time per process; when the runtime refuses (another
/// burst is on, or the size is more than it can promise), the load simply runs with collections as usual.
/// </summary>
internal sealed class AllocationBurst : IDisposable
{
    private static readonly Lock Gate = new();
    private static bool _active;
    private readonly bool _started;

    private AllocationBurst(bool started) => _started = started;

    public static AllocationBurst Begin(long expectedBytes)
    {
        lock (Gate)
        {
            if (_active || GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) return new AllocationBurst(false);
            try
            {
                _active = GC.TryStartNoGCRegion(expectedBytes);
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
            {
                _active = false;
            }
            return new AllocationBurst(_active);
        }
    }

    public void Dispose()
    {
        if (!_started) return;
        lock (Gate)
        {
            _active = false;
            // The region ends by itself once more than the promised bytes were allocated.
            if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
                // Ended meanwhile by a collection the runtime had to make.
            }
        }
    }
}
