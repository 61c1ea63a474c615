namespace Roadmap.Core.Graph;

/// <summary>
/// An array that read models share while each reads its own prefix: the next read model appends past the prefix in
/// place, so an edit that adds a few names does not copy every name. Only the first append past a given length
/// writes in place; a second one from the same length (an edit applied twice to one read model) gets a copy, so no
/// read model ever sees its prefix change.
/// </summary>
internal sealed class AppendOnlyArray<T>
{
    private int _claimed;

    public AppendOnlyArray(T[] items, int length) => (Items, _claimed) = (items, length);

    public T[] Items { get; }

    /// <summary>An array holding this one's first <paramref name="length"/> items followed by <paramref name="values"/>.</summary>
    public AppendOnlyArray<T> Append(int length, ReadOnlySpan<T> values)
    {
        var end = length + values.Length;
        if (values.Length == 0) return this;
        if (end <= Items.Length && Interlocked.CompareExchange(ref _claimed, end, length) == length)
        {
            values.CopyTo(Items.AsSpan(length));
            return this;
        }
        // Room for about as many appends again as a sixteenth of the array, so copies stay rare without doubling its memory.
        var grown = new T[end + length / 16 + 64];
        Items.AsSpan(0, length).CopyTo(grown);
        values.CopyTo(grown.AsSpan(length));
        return new AppendOnlyArray<T>(grown, end);
    }
}
