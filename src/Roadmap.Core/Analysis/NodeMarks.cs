namespace Roadmap.Core.Analysis;

/// <summary>
/// A per-node int (a depth, an edge, a counter) for one traversal, without clearing or allocating an array the
/// size of the graph per query: a value counts only when its stamp is the current generation, so starting over is
/// one increment. Rented from a small shared pool and returned by Dispose, so at a million nodes a query touches
/// only the nodes it visits.
/// </summary>
internal sealed class NodeMarks : IDisposable
{
    // Bounded by the number of traversals running at once (a few per request thread), not by the number of queries.
    private static readonly Stack<NodeMarks> Pool = new();

    private const int MaxPooled = 64;

    private int[] _stamp = [];
    private int[] _value = [];
    private int _generation;

    public static NodeMarks Rent(int size)
    {
        NodeMarks? marks = null;
        lock (Pool)
        {
            if (Pool.Count > 0) marks = Pool.Pop();
        }
        marks ??= new NodeMarks();
        if (marks._stamp.Length < size)
        {
            marks._stamp = new int[size];
            marks._value = new int[size];
            marks._generation = 0;
        }
        marks.Clear();
        return marks;
    }

    /// <summary>Forgets every mark.</summary>
    public void Clear()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }
    }

    public bool Has(int index) => _stamp[index] == _generation;

    /// <summary>The value set for an index in this generation, or <paramref name="fallback"/>.</summary>
    public int Get(int index, int fallback = -1) => _stamp[index] == _generation ? _value[index] : fallback;

    public void Set(int index, int value)
    {
        _stamp[index] = _generation;
        _value[index] = value;
    }

    /// <summary>Marks an index not yet marked, and says whether it was new.</summary>
    public bool TrySet(int index, int value = 0)
    {
        if (Has(index)) return false;
        Set(index, value);
        return true;
    }

    public void Dispose()
    {
        lock (Pool)
        {
            if (Pool.Count < MaxPooled) Pool.Push(this);
        }
    }
}
