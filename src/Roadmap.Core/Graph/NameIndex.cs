namespace Roadmap.Core.Graph;

/// <summary>
/// An index of the read model's search names, so that a name search reads the nodes that can match instead of every
/// name: for each pair of adjacent characters of a lower-cased name (a bigram), and for each Chinese (non-ASCII)
/// character alone, the nodes whose names contain it, in node order. Chinese has no spaces, so words cannot be cut
/// out of a name; bigrams serve Chinese and English alike, and any text of two characters or more finds its
/// candidates in the shortest list of its bigrams. One ASCII character is not indexed: nearly every name holds it.
/// </summary>
/// <remarks>
/// Immutable once built, like the read model. An edit builds the next index from this one: the lists of the grams
/// the edit's names touch are rewritten, the others are shared; when the edit renumbers nodes, every list is mapped
/// through the new numbering (numbering keeps id order, so the lists stay sorted).
/// </remarks>
public sealed class NameIndex
{
    private readonly Dictionary<long, int[]> _postings;
    // Every name in ordinal order of its text, with its node, its place among the node's names and its length: the
    // names that start with a text are one run of it, found by binary search and read without touching the text.
    private readonly SortedName[] _sorted;

    private NameIndex(Dictionary<long, int[]> postings, SortedName[] sorted) => (_postings, _sorted) = (postings, sorted);

    /// <summary>A name in the sorted list: node <c>Node</c>'s name number <c>Ordinal</c> (0 nameZh, 1 nameEn, then aliases), <c>Length</c> characters.</summary>
    public readonly record struct SortedName(int Node, int Ordinal, int Length);

    /// <summary>Each gram with its nodes, for tests that hold an updated index to one built afresh.</summary>
    public IEnumerable<KeyValuePair<long, int[]>> Entries => _postings;

    /// <summary>The names in ordinal order, for the same tests.</summary>
    public IReadOnlyList<SortedName> SortedNames => _sorted;

    /// <summary>The names of <paramref name="graph"/> (which this index is of) that start with <paramref name="needle"/>, in ordinal order.</summary>
    public ReadOnlySpan<SortedName> StartingWith(GraphIndex graph, ReadOnlySpan<char> needle)
    {
        var sorted = _sorted;
        var (lo, hi) = (0, sorted.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (TextOf(graph, sorted[mid]).SequenceCompareTo(needle) < 0) lo = mid + 1;
            else hi = mid;
        }
        var start = lo;
        hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (TextOf(graph, sorted[mid]).StartsWith(needle)) lo = mid + 1;
            else hi = mid;
        }
        return sorted.AsSpan(start, lo - start);
    }

    private static ReadOnlySpan<char> TextOf(GraphIndex graph, SortedName name) => graph.Name(graph.NamesOf(name.Node).First + name.Ordinal);

    /// <summary>
    /// The nodes whose names may contain <paramref name="needle"/> (lower-cased): every node that does is among them,
    /// in node order. Null when the index cannot narrow the search (one ASCII character).
    /// </summary>
    public int[]? Candidates(ReadOnlySpan<char> needle)
    {
        if (needle.Length == 0) return null;
        if (needle.Length == 1) return needle[0] < 0x80 ? null : _postings.GetValueOrDefault(needle[0], []);
        int[]? shortest = null;
        for (var i = 0; i + 1 < needle.Length; i++)
        {
            if (!_postings.TryGetValue(Bigram(needle[i], needle[i + 1]), out var list)) return [];
            if (shortest is null || list.Length < shortest.Length) shortest = list;
        }
        return shortest;
    }

    internal static NameIndex Build(GraphIndex graph)
    {
        var lists = new Dictionary<long, List<int>>();
        var grams = new HashSet<long>();
        for (var v = 0; v < graph.NodeCount; v++)
        {
            GramsOf(graph, v, grams);
            foreach (var gram in grams)
            {
                if (!lists.TryGetValue(gram, out var list)) lists.Add(gram, list = []);
                list.Add(v);
            }
        }
        var sorted = new List<SortedName>();
        for (var v = 0; v < graph.NodeCount; v++) AddNames(graph, v, sorted);
        return new NameIndex(lists.ToDictionary(p => p.Key, p => p.Value.ToArray()), Sort(graph, sorted));
    }

    private static void AddNames(GraphIndex graph, int node, List<SortedName> names)
    {
        var (first, last) = graph.NamesOf(node);
        for (var k = first; k < last; k++) names.Add(new SortedName(node, k - first, graph.Name(k).Length));
    }

    // Ordinal order of the texts; equal texts by node, then place, so that an edited index and a rebuilt one agree.
    private static int Compare(GraphIndex graph, SortedName a, SortedName b)
    {
        var byText = TextOf(graph, a).SequenceCompareTo(TextOf(graph, b));
        return byText != 0 ? byText : a.Node != b.Node ? a.Node.CompareTo(b.Node) : a.Ordinal.CompareTo(b.Ordinal);
    }

    private static SortedName[] Sort(GraphIndex graph, List<SortedName> names)
    {
        var array = names.ToArray();
        // Most comparisons are settled by the first four characters, packed into one number that orders as they do.
        var keys = Array.ConvertAll(array, n => PrefixKey(TextOf(graph, n)));
        Array.Sort(keys, array);
        for (int i = 1, run = 0; i <= array.Length; i++)
        {
            if (i < array.Length && keys[i] == keys[run]) continue;
            if (i - run > 1) Array.Sort(array, run, i - run, Comparer<SortedName>.Create((a, b) => Compare(graph, a, b)));
            run = i;
        }
        return array;
    }

    private static ulong PrefixKey(ReadOnlySpan<char> text)
    {
        ulong key = 0;
        for (var i = 0; i < 4; i++) key = (key << 16) | (i < text.Length ? text[i] : 0u);
        return key;
    }

    /// <summary>The index for <paramref name="next"/>, an edit of <paramref name="previous"/>, which this index is of.</summary>
    /// <param name="previous">The read model this index is of.</param>
    /// <param name="next">The read model after the edit.</param>
    /// <param name="nameSources">For each node of <paramref name="next"/>, the node of <paramref name="previous"/> whose names it keeps, or -1.</param>
    internal NameIndex Apply(GraphIndex previous, GraphIndex next, int[] nameSources)
    {
        var renumber = new int[previous.NodeCount];
        Array.Fill(renumber, -1);
        var renumbered = next.NodeCount != previous.NodeCount;
        var added = new Dictionary<long, List<int>>();
        var grams = new HashSet<long>();
        for (var v = 0; v < nameSources.Length; v++)
        {
            if (nameSources[v] >= 0)
            {
                renumber[nameSources[v]] = v;
                renumbered |= nameSources[v] != v;
                continue;
            }
            GramsOf(next, v, grams);
            foreach (var gram in grams)
            {
                if (!added.TryGetValue(gram, out var list)) added.Add(gram, list = []);
                list.Add(v);
            }
        }
        // Grams whose lists lose a node: those of every node whose names do not carry over.
        var touched = new HashSet<long>(added.Keys);
        for (var old = 0; old < renumber.Length; old++)
        {
            if (renumber[old] >= 0) continue;
            GramsOf(previous, old, grams);
            touched.UnionWith(grams);
        }

        var postings = new Dictionary<long, int[]>(_postings.Count + added.Count);
        foreach (var (gram, list) in _postings)
        {
            if (!renumbered && !touched.Contains(gram))
            {
                postings.Add(gram, list);
                continue;
            }
            var merged = Merge(list, renumber, added.GetValueOrDefault(gram));
            if (merged.Length > 0) postings.Add(gram, merged);
        }
        foreach (var (gram, list) in added)
        {
            if (!_postings.ContainsKey(gram)) postings.Add(gram, [.. list]);
        }
        return new NameIndex(postings, ApplyToSorted(next, renumber, nameSources));
    }

    // The sorted names after an edit: the kept ones renumbered, in their order; the new ones placed by binary search.
    private SortedName[] ApplyToSorted(GraphIndex next, int[] renumber, int[] nameSources)
    {
        var kept = new List<SortedName>(_sorted.Length);
        foreach (var name in _sorted)
        {
            if (renumber[name.Node] is var v and >= 0) kept.Add(name with { Node = v });
        }
        var fresh = new List<SortedName>();
        for (var v = 0; v < nameSources.Length; v++)
        {
            if (nameSources[v] < 0) AddNames(next, v, fresh);
        }
        if (fresh.Count == 0) return [.. kept];
        var comparer = Comparer<SortedName>.Create((a, b) => Compare(next, a, b));
        fresh.Sort(comparer);
        var result = new SortedName[kept.Count + fresh.Count];
        var (from, to) = (0, 0);
        foreach (var name in fresh)
        {
            var at = kept.BinarySearch(from, kept.Count - from, name, comparer);
            if (at < 0) at = ~at;
            kept.CopyTo(from, result, to, at - from);
            to += at - from;
            from = at;
            result[to++] = name;
        }
        kept.CopyTo(from, result, to, kept.Count - from);
        return result;
    }

    // The old list in the new numbering, without the nodes that left, merged with the new nodes holding the gram.
    private static int[] Merge(int[] list, int[] renumber, List<int>? added)
    {
        var result = new List<int>(list.Length + (added?.Count ?? 0));
        var next = 0;
        foreach (var old in list)
        {
            var v = renumber[old];
            if (v < 0) continue;
            for (; added is not null && next < added.Count && added[next] < v; next++) result.Add(added[next]);
            result.Add(v);
        }
        for (; added is not null && next < added.Count; next++) result.Add(added[next]);
        return [.. result];
    }

    // The distinct grams of a node's names, into a reused set.
    private static void GramsOf(GraphIndex graph, int node, HashSet<long> grams)
    {
        grams.Clear();
        var (first, last) = graph.NamesOf(node);
        for (var k = first; k < last; k++)
        {
            var name = graph.Name(k);
            for (var i = 0; i < name.Length; i++)
            {
                if (name[i] >= 0x80) grams.Add(name[i]);
                if (i + 1 < name.Length) grams.Add(Bigram(name[i], name[i + 1]));
            }
        }
    }

    // Above every single character, so a bigram never meets a character's key.
    private static long Bigram(char a, char b) => (1L << 32) | ((long)a << 16) | b;
}
