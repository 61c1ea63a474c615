using System.Numerics;

namespace Roadmap.Core.Graph;

/// <summary>
/// How an edit that adds or deletes nodes moves the numbers of the nodes it keeps: numbers follow id order, so a node
/// added moves every later number up by one and a node deleted moves them down by one. Kept as those few steps, so
/// that moving a million numbers is one vectorised pass of compares and adds rather than a lookup per number.
/// </summary>
internal sealed class Renumbering
{
    // Above this many steps, a table of every old number's new one is cheaper than testing each step.
    private const int MostStepsTested = 8;

    private readonly int[] _thresholds;
    private readonly int[] _deltas;
    private readonly int _oldCount;
    private int[]? _table;

    /// <param name="steps">Each step: every old number at or above <c>From</c> moves by <c>Delta</c>.</param>
    /// <param name="oldCount">How many nodes there were before the edit.</param>
    public Renumbering(IEnumerable<(int From, int Delta)> steps, int oldCount)
    {
        var sorted = steps.OrderBy(s => s.From).ToArray();
        (_thresholds, _deltas, _oldCount) = (Array.ConvertAll(sorted, s => s.From), Array.ConvertAll(sorted, s => s.Delta), oldCount);
    }

    /// <summary>The new number of a kept node.</summary>
    public int Map(int old)
    {
        var moved = old;
        for (var s = 0; s < _thresholds.Length && _thresholds[s] <= old; s++) moved += _deltas[s];
        return moved;
    }

    /// <summary>Every number of <paramref name="source"/> moved into <paramref name="target"/>; a negative one (no node) stays.</summary>
    public void Apply(ReadOnlySpan<int> source, Span<int> target)
    {
        if (_thresholds.Length > MostStepsTested)
        {
            var table = Table();
            for (var i = 0; i < source.Length; i++) target[i] = source[i] < 0 ? source[i] : table[source[i]];
            return;
        }
        var at = 0;
        if (Vector.IsHardwareAccelerated && source.Length >= Vector<int>.Count)
        {
            var thresholds = Array.ConvertAll(_thresholds, t => new Vector<int>(t));
            var deltas = Array.ConvertAll(_deltas, d => new Vector<int>(d));
            for (; at <= source.Length - Vector<int>.Count; at += Vector<int>.Count)
            {
                var numbers = new Vector<int>(source[at..]);
                var moved = numbers;
                for (var s = 0; s < thresholds.Length; s++) moved += Vector.GreaterThanOrEqual(numbers, thresholds[s]) & deltas[s];
                moved.CopyTo(target[at..]);
            }
        }
        for (; at < source.Length; at++) target[at] = source[at] < 0 ? source[at] : Map(source[at]);
    }

    /// <summary>A copy of <paramref name="source"/> with every number moved.</summary>
    public int[] Applied(int[] source)
    {
        var target = GC.AllocateUninitializedArray<int>(source.Length);
        Apply(source, target);
        return target;
    }

    /// <summary>Each old number's new one; -1 for the old numbers in <paramref name="removed"/>.</summary>
    public int[] Table(IEnumerable<int> removed)
    {
        var table = (int[])Table().Clone();
        foreach (var old in removed) table[old] = -1;
        return table;
    }

    private int[] Table()
    {
        if (_table is { } known) return known;
        var table = new int[_oldCount];
        var (step, delta) = (0, 0);
        for (var old = 0; old < table.Length; old++)
        {
            for (; step < _thresholds.Length && _thresholds[step] <= old; step++) delta += _deltas[step];
            table[old] = old + delta;
        }
        return _table = table;
    }
}
