using Roadmap.Core.Graph;

namespace Roadmap.Core.Analysis;

/// <summary>How a name matched the text searched for, best first: the order of <c>search</c>'s results.</summary>
public enum SearchMatch
{
    /// <summary>The whole name is the text.</summary>
    Exact,
    /// <summary>The name starts with the text.</summary>
    Prefix,
    /// <summary>A word of the name starts with the text; in Chinese, which has no spaces, any match that is not a prefix.</summary>
    Word,
    /// <summary>The text is inside a Latin word or number of the name.</summary>
    Substring,
}

/// <summary>Where a hit stands in the ranking: how it matched, the length of the name that matched, then the node's id.</summary>
public sealed record NameHitKey(SearchMatch Match, int Length, string Id)
{
    /// <summary>True when a hit with this key ranks after <paramref name="other"/>.</summary>
    public bool IsAfter(NameHitKey other) =>
        Match != other.Match ? Match > other.Match
        : Length != other.Length ? Length > other.Length
        : string.CompareOrdinal(Id, other.Id) > 0;
}

/// <summary>A node found by name: the node and how its best name matched.</summary>
public sealed record NameHit(Node Node, SearchMatch Match, int Length)
{
    public NameHitKey Key => new(Match, Length, Node.Id);
}

/// <summary>One page of name hits, in rank order, whether more follow, and how many match in all.</summary>
/// <param name="Hits">The page's hits, best first.</param>
/// <param name="HasNextPage">Whether more hits follow.</param>
/// <param name="Total">Counted when first asked for: a page of prefix matches is found without looking at the rest.</param>
public sealed record NameHitPage(IReadOnlyList<NameHit> Hits, bool HasNextPage, Lazy<int> Total)
{
    public NameHitPage(IReadOnlyList<NameHit> hits, bool hasNextPage, int totalCount) : this(hits, hasNextPage, new Lazy<int>(totalCount)) { }

    public int TotalCount => Total.Value;
}

/// <summary>
/// Search by name: nodes whose names or aliases contain a text (case-insensitive), exact matches first, then
/// prefixes, then matches at the start of a word ("photon-counting CT" for "ct"), then the rest ("traction"); within
/// each, shorter names first, then by id. A node ranks by its best name, and a name by its first match.
/// </summary>
public static class NameSearch
{
    // Up to this many hits a page is kept in order as the candidates go by; past it (a filter's every match), sorted once.
    private const int KeptInOrder = 1000;

    /// <summary>
    /// The hits after <paramref name="after"/> (from the start when null), at most <paramref name="first"/> of them.
    /// Reads only the nodes the name index gives as candidates, so it costs what matches, not the graph's size.
    /// </summary>
    public static NameHitPage Page(GraphIndex graph, string text, IReadOnlySet<NodeKind>? kinds, NameHitKey? after, int first)
    {
        var needle = text.Trim().ToLowerInvariant();
        var candidates = needle.Contains('\0') ? null : graph.Names.Candidates(needle);
        if (candidates is null) return PageOf(Rank(graph, text, kinds), after, first);
        // A later page checks every candidate: a node shown before by its best name must not come back by another.
        if (first <= KeptInOrder && after is null && PrefixPage(graph, needle, candidates, kinds, first) is { } page)
        {
            return page;
        }
        return Verified(graph, needle, candidates, kinds, after, first);
    }

    /// <summary>
    /// The page when names that are the text or start with it fill it: they outrank every other match, and they are
    /// one run of the index's sorted names, so the page costs that run, not every candidate. Null when they do not fill it.
    /// </summary>
    private static NameHitPage? PrefixPage(GraphIndex graph, string needle, int[] candidates, IReadOnlySet<NodeKind>? kinds, int first)
    {
        var kept = new List<(int Rank, int Length, int Node)>(first + 1);
        foreach (var name in graph.Names.StartingWith(graph, needle))
        {
            if (kinds is not null && !kinds.Contains(graph.KindOf(name.Node))) continue;
            var hit = ((int)(name.Length == needle.Length ? SearchMatch.Exact : SearchMatch.Prefix), name.Length, name.Node);
            // Most names rank below a full page; whether their node is on it already does not matter then.
            if (kept.Count > first && hit.CompareTo(kept[^1]) >= 0) continue;
            // A node's names lie apart in this order: keep its best one only.
            var same = kept.FindIndex(h => h.Node == name.Node);
            if (same >= 0)
            {
                if (hit.CompareTo(kept[same]) >= 0) continue;
                kept.RemoveAt(same);
            }
            else if (kept.Count > first) kept.RemoveAt(kept.Count - 1);
            var place = kept.BinarySearch(hit);
            kept.Insert(place < 0 ? ~place : place, hit);
        }
        if (kept.Count <= first) return null;
        var hits = kept.Take(first).Select(h => new NameHit(graph.NodeAt(h.Node), (SearchMatch)h.Rank, h.Length)).ToList();
        return new NameHitPage(hits, true, new Lazy<int>(() => Verified(graph, needle, candidates, kinds, null, 0).TotalCount));
    }

    /// <summary>The page from every candidate the bigrams give, each checked against its names.</summary>
    private static NameHitPage Verified(GraphIndex graph, string needle, int[] candidates, IReadOnlySet<NodeKind>? kinds, NameHitKey? after, int first)
    {
        var total = 0;
        var kept = new List<(int Rank, int Length, int Node)>();
        var inOrder = first <= KeptInOrder;
        foreach (var v in candidates)
        {
            if (kinds is not null && !kinds.Contains(graph.KindOf(v))) continue;
            var best = (Rank: int.MaxValue, Length: 0);
            var (firstName, lastName) = graph.NamesOf(v);
            for (var k = firstName; k < lastName; k++)
            {
                var name = graph.Name(k);
                var at = name.IndexOf(needle, StringComparison.Ordinal);
                if (at < 0) continue;
                var match = ((int)MatchAt(name, at, needle.Length), name.Length);
                if (match.CompareTo(best) < 0) best = match;
            }
            if (best.Rank == int.MaxValue) continue;
            total++;
            if (after is not null && !IsAfter(graph, best, v, after)) continue;
            // Candidates come in node order, which is id order: a later one never beats an equal key.
            var hit = (best.Rank, best.Length, v);
            if (!inOrder)
            {
                kept.Add(hit);
                continue;
            }
            if (kept.Count > first)
            {
                if (hit.CompareTo(kept[^1]) >= 0) continue;
                kept.RemoveAt(kept.Count - 1);
            }
            var place = kept.BinarySearch(hit);
            kept.Insert(place < 0 ? ~place : place, hit);
        }
        if (!inOrder) kept.Sort();
        var hits = kept.Take(first).Select(h => new NameHit(graph.NodeAt(h.Node), (SearchMatch)h.Rank, h.Length)).ToList();
        return new NameHitPage(hits, kept.Count > first, total);
    }

    private static bool IsAfter(GraphIndex graph, (int Rank, int Length) hit, int node, NameHitKey after) =>
        hit.Rank != (int)after.Match ? hit.Rank > (int)after.Match
        : hit.Length != after.Length ? hit.Length > after.Length
        : string.CompareOrdinal(graph.NodeAt(node).Id, after.Id) > 0;

    private static NameHitPage PageOf(IReadOnlyList<NameHit> all, NameHitKey? after, int first)
    {
        var from = 0;
        if (after is not null)
        {
            while (from < all.Count && !all[from].Key.IsAfter(after)) from++;
        }
        var hits = all.Skip(from).Take(first).ToList();
        return new NameHitPage(hits, from + hits.Count < all.Count, all.Count);
    }

    /// <summary>Every hit, in rank order, by a scan of every name: what the index answers for one Latin letter, and what it is held to.</summary>
    public static IReadOnlyList<NameHit> Rank(GraphIndex graph, string text, IReadOnlySet<NodeKind>? kinds)
    {
        var needle = text.Trim().ToLowerInvariant();
        var hits = new List<(int Rank, int Length, int Node)>();
        var all = graph.SearchText;
        if (needle.Length == 0 || needle.Contains('\0'))
        {
            // Every name contains the empty string at its start: each node ranks by its shortest name.
            for (var position = 0; position < all.Length; position += graph.NameAt(position).Length + 1) Add(position, 0);
        }
        else
        {
            // One scan of all names: at each match, rank it within its name, then go on from the next name, since a
            // name ranks by its first match.
            for (var position = 0; position < all.Length;)
            {
                var found = all[position..].IndexOf(needle, StringComparison.Ordinal);
                if (found < 0) break;
                var start = Add(position + found, position + found - graph.NameAt(position + found).Start);
                position = start + graph.NameAt(start).Length + 1;
            }
        }
        // Node numbers follow id order, so the last key makes ties deterministic.
        hits.Sort();
        return hits.Select(h => new NameHit(graph.NodeAt(h.Node), (SearchMatch)h.Rank, h.Length)).ToList();

        // Ranks the name holding a position by a match at an offset in it; names of one node are adjacent, so a
        // node's best name is kept by comparing with the last hit. Returns the name's start.
        int Add(int position, int at)
        {
            var (start, length, node) = graph.NameAt(position);
            // A name an edit dropped stays in the text, owned by no node, until the text is written afresh.
            if (node < 0 || (kinds is not null && !kinds.Contains(graph.KindOf(node)))) return start;
            var rank = (int)MatchAt(graph.SearchText.Slice(start, length), at, needle.Length);
            if (hits.Count > 0 && hits[^1].Node == node)
            {
                if ((rank, length).CompareTo((hits[^1].Rank, hits[^1].Length)) < 0) hits[^1] = (rank, length, node);
            }
            else hits.Add((rank, length, node));
            return start;
        }
    }

    /// <summary>How a name matches a text of <paramref name="length"/> characters found first at <paramref name="at"/>.</summary>
    internal static SearchMatch MatchAt(ReadOnlySpan<char> name, int at, int length) =>
        name.Length == length ? SearchMatch.Exact : at == 0 ? SearchMatch.Prefix : StartsWord(name, at) ? SearchMatch.Word : SearchMatch.Substring;

    // A match starts a word unless it continues a Latin word or number; Chinese has no spaces, so it always does.
    private static bool StartsWord(ReadOnlySpan<char> text, int at) => !char.IsAsciiLetterOrDigit(text[at - 1]) || !char.IsAsciiLetterOrDigit(text[at]);
}
