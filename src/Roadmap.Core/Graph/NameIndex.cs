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

    private NameIndex(Dictionary<long, int[]> postings) => _postings = postings;

    /// <summary>Each gram with its nodes, for tests that hold an updated index to one built afresh.</summary>
    public IEnumerable<KeyValuePair<long, int[]>> Entries => _postings;

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
        return new NameIndex(lists.ToDictionary(p => p.Key, p => p.Value.ToArray()));
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
        return new NameIndex(postings);
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
