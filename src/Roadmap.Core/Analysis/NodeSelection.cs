using Roadmap.Core.Graph;

namespace Roadmap.Core.Analysis;

/// <summary>A page of nodes to select: a filter, an order, and a window (Relay's first/after and last/before).</summary>
/// <param name="Filter">Which nodes; all when null.</param>
/// <param name="Order">The order, before the id that breaks ties.</param>
/// <param name="After">Only nodes after this key (exclusive).</param>
/// <param name="Before">Only nodes before this key (exclusive).</param>
/// <param name="First">At most this many, from the start of what is left.</param>
/// <param name="Last">At most this many, from the end of what is left.</param>
public sealed record NodeQuery(NodeFilter? Filter, IReadOnlyList<NodeOrder> Order, NodeKey? After = null, NodeKey? Before = null, int? First = null, int? Last = null);

/// <summary>
/// Where a node stands in an ordered list: its values of the order's fields (strings or whole numbers, null where
/// the node has none) and its id, which breaks ties. A cursor carries it, so that paging goes on from the last node
/// seen even when nodes were added or removed in between.
/// </summary>
public sealed record NodeKey(IReadOnlyList<object?> Values, string Id);

/// <summary>The nodes of one page, each with its key, and what lies either side of the page.</summary>
public sealed record NodeWindow(IReadOnlyList<Node> Nodes, IReadOnlyList<NodeKey> Keys, int TotalCount, bool HasPreviousPage, bool HasNextPage);

/// <summary>The list questions on the read model: which nodes match a filter, in what order, how many by group.</summary>
public static class NodeSelection
{
    /// <summary>The matching nodes' numbers, in id order.</summary>
    public static List<int> Select(GraphIndex graph, NodeFilter? filter)
    {
        var matches = new List<int>();
        if (filter is null)
        {
            for (var v = 0; v < graph.NodeCount; v++) matches.Add(v);
            return matches;
        }
        return Evaluate(graph, filter, CandidatesOf(graph, filter) ?? Candidates.Range(0, graph.NodeCount));
    }

    /// <summary>
    /// The matching nodes' numbers, every node asked: what <see cref="Select"/> answers without its indexes, for the
    /// tests that hold the two equal and the benchmark that compares them.
    /// </summary>
    public static List<int> Scan(GraphIndex graph, NodeFilter filter) => Evaluate(graph, filter, Candidates.Range(0, graph.NodeCount));

    private static List<int> Evaluate(GraphIndex graph, NodeFilter filter, Candidates candidates)
    {
        var matches = new List<int>();
        var evaluation = new Evaluation(graph);
        for (var i = 0; i < candidates.Count; i++)
        {
            var v = candidates[i];
            if (evaluation.Matches(v, filter)) matches.Add(v);
        }
        return matches;
    }

    /// <summary>
    /// How many nodes the filter is evaluated on: fewer than all when an index on ids, kinds, fields, latest status or
    /// stating documents serves the filter; null when every node must be asked.
    /// </summary>
    public static int? CandidateCount(GraphIndex graph, NodeFilter filter) => CandidatesOf(graph, filter)?.Count;

    /// <summary>One page of the matching nodes in the query's order (the id last, so the order is total).</summary>
    public static NodeWindow Page(GraphIndex graph, NodeQuery query)
    {
        var matches = Select(graph, query.Filter);
        var keys = matches.Select(v => KeyOf(graph, v, query.Order)).ToArray();
        var order = Enumerable.Range(0, matches.Count).ToArray();
        // Node numbers are in id order already; only another order needs a sort.
        if (query.Order.Any(o => o.Field != NodeOrderField.Id || o.Direction != OrderDirection.Asc))
        {
            Array.Sort(order, (a, b) => Compare(query.Order, keys[a], keys[b]));
        }
        // The window: after the 'after' key and before the 'before' key, then the first or last few of what is left.
        var start = query.After is { } after ? FirstAbove(order, keys, query.Order, after) : 0;
        var end = query.Before is { } before ? FirstAtOrAbove(order, keys, query.Order, before) : order.Length;
        end = Math.Max(start, end);
        var (from, to) = (start, end);
        if (query.First is { } first) to = Math.Min(to, from + first);
        if (query.Last is { } last) from = Math.Max(from, to - last);
        var page = order[from..to];
        return new NodeWindow(
            page.Select(i => graph.NodeAt(matches[i])).ToList(),
            page.Select(i => keys[i]).ToList(),
            matches.Count,
            HasPreviousPage: from > 0,
            HasNextPage: to < order.Length);
    }

    /// <summary>How many matching nodes have each combination of the grouped values, in the order of those values.</summary>
    public static IReadOnlyList<NodeCount> Count(GraphIndex graph, NodeFilter? filter, IReadOnlyList<NodeGroupKey> groupBy)
    {
        var keys = groupBy.ToHashSet();
        // A group as a value tuple (−1 where not grouped by or not set), so counting a million nodes allocates only per
        // group; DOCUMENT and YEAR are many-valued and give a node one tuple per stating plan.
        var counts = new Dictionary<(int Kind, int Field, int Status, int ComponentType, int ProgramType, string? Document, int Year), int>();
        var byDocument = keys.Contains(NodeGroupKey.Document) || keys.Contains(NodeGroupKey.Year);
        // The documents are one kind's run of the index: reading only them keeps a small count from asking every node.
        var years = byDocument
            ? Select(graph, new NodeFilter { Kinds = new HashSet<NodeKind> { NodeKind.Document } }).Select(graph.NodeAt).ToDictionary(n => n.Id, n => n.Year ?? -1, StringComparer.Ordinal)
            : new Dictionary<string, int>(StringComparer.Ordinal);
        // Asked once, not once per node.
        var (byKind, byField, byStatus) = (keys.Contains(NodeGroupKey.Kind), keys.Contains(NodeGroupKey.Field), keys.Contains(NodeGroupKey.Status));
        var (byComponentType, byProgramType) = (keys.Contains(NodeGroupKey.ComponentType), keys.Contains(NodeGroupKey.ProgramType));
        var evaluation = filter is null ? null : new Evaluation(graph);
        var candidates = (filter is null ? null : CandidatesOf(graph, filter)) ?? Candidates.Range(0, graph.NodeCount);
        for (var i = 0; i < candidates.Count; i++)
        {
            var v = candidates[i];
            if (evaluation is not null && !evaluation.Matches(v, filter!)) continue;
            var node = graph.NodeAt(v);
            var single = (
                Kind: byKind ? (int)node.Kind : -1,
                Field: byField ? (int?)node.Field ?? -1 : -1,
                Status: byStatus ? (int?)node.LatestAssessment?.Status ?? -1 : -1,
                ComponentType: byComponentType ? (int?)node.ComponentType ?? -1 : -1,
                ProgramType: byProgramType ? (int?)node.ProgramType ?? -1 : -1);
            if (!byDocument)
            {
                var key = (single.Kind, single.Field, single.Status, single.ComponentType, single.ProgramType, (string?)null, -1);
                counts[key] = counts.GetValueOrDefault(key) + 1;
                continue;
            }
            var seen = new HashSet<(string?, int)>();
            foreach (var document in StatingDocuments(node))
            {
                var group = (keys.Contains(NodeGroupKey.Document) ? document : null, keys.Contains(NodeGroupKey.Year) ? years.GetValueOrDefault(document, -1) : -1);
                if (!seen.Add(group)) continue;
                var key = (single.Kind, single.Field, single.Status, single.ComponentType, single.ProgramType, group.Item1, group.Item2);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        static T? Value<T>(int value) where T : struct, Enum => value < 0 ? null : (T)(object)value;
        return counts
            .OrderBy(c => (uint)c.Key.Kind).ThenBy(c => (uint)c.Key.Field).ThenBy(c => (uint)c.Key.Status)
            .ThenBy(c => c.Key.Document ?? "\uffff", StringComparer.Ordinal)
            .ThenBy(c => (uint)c.Key.ComponentType).ThenBy(c => (uint)c.Key.ProgramType).ThenBy(c => (uint)c.Key.Year)
            .Select(c => new NodeCount(new NodeCountKey
            {
                Kind = Value<NodeKind>(c.Key.Kind),
                Field = Value<Field>(c.Key.Field),
                Status = Value<AssessmentStatus>(c.Key.Status),
                ComponentType = Value<ComponentType>(c.Key.ComponentType),
                ProgramType = Value<ProgramType>(c.Key.ProgramType),
                Document = c.Key.Document,
                Year = c.Key.Year < 0 ? null : c.Key.Year,
            }, c.Value))
            .ToList();
    }

    /// <summary>The documents a node is stated in (documents state themselves).</summary>
    public static IEnumerable<string> StatingDocuments(Node node) =>
        node.Kind == NodeKind.Document
            ? [node.Id]
            : node.AllSources.Select(s => s.DocumentId).Distinct(StringComparer.Ordinal);

    private static NodeKey KeyOf(GraphIndex graph, int v, IReadOnlyList<NodeOrder> order)
    {
        var node = graph.NodeAt(v);
        var values = new object?[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            values[i] = order[i].Field switch
            {
                NodeOrderField.Id => node.Id,
                NodeOrderField.NameZh => node.NameZh,
                NodeOrderField.NameEn => node.NameEn,
                NodeOrderField.LatestStatusYear => node.LatestAssessment is { } a ? (long)a.Year : null,
                NodeOrderField.DependentProducts => (long)Analytics.MeasureOf(graph, v).DependentProducts,
                NodeOrderField.DependentPrograms => (long)Analytics.MeasureOf(graph, v).DependentPrograms,
                NodeOrderField.BlockedProducts => (long)Analytics.MeasureOf(graph, v).BlockedProducts,
                _ => throw new ArgumentOutOfRangeException(nameof(order)),
            };
        }
        return new NodeKey(values, node.Id);
    }

    /// <summary>The order of two keys: field by field, nulls last either way, then by id.</summary>
    public static int Compare(IReadOnlyList<NodeOrder> order, NodeKey a, NodeKey b)
    {
        for (var i = 0; i < order.Count; i++)
        {
            var (x, y) = (a.Values[i], b.Values[i]);
            if (x is null || y is null)
            {
                if (x is null && y is null) continue;
                return x is null ? 1 : -1;
            }
            var c = x is string s ? string.CompareOrdinal(s, (string)y) : ((long)x).CompareTo((long)y);
            if (c != 0) return order[i].Direction == OrderDirection.Desc ? -c : c;
        }
        return string.CompareOrdinal(a.Id, b.Id);
    }

    private static int FirstAbove(int[] order, NodeKey[] keys, IReadOnlyList<NodeOrder> by, NodeKey key) =>
        Partition(order, i => Compare(by, keys[i], key) <= 0);

    private static int FirstAtOrAbove(int[] order, NodeKey[] keys, IReadOnlyList<NodeOrder> by, NodeKey key) =>
        Partition(order, i => Compare(by, keys[i], key) < 0);

    /// <summary>The first position whose item no longer satisfies <paramref name="below"/> (a binary search: the items are sorted).</summary>
    private static int Partition(int[] order, Func<int, bool> below)
    {
        var (low, high) = (0, order.Length);
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (below(order[mid])) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>
    /// Nodes that may match a filter, from the read model's indexes: every node that matches is among them, in node
    /// order. Each indexed condition gives a set and the filter's AND members theirs; the filter's candidates are
    /// their intersection. An OR gives the union of its members' sets when every member has one. Null when nothing
    /// narrows the filter (a NOT, a text, a relation alone): then every node is asked.
    /// </summary>
    private static Candidates? CandidatesOf(GraphIndex graph, NodeFilter f)
    {
        var sets = new List<Candidates>();
        if (f.Ids is not null)
        {
            sets.Add(Candidates.Of([.. f.Ids.Select(graph.IndexOf).Where(v => v >= 0).Distinct().Order()]));
        }
        if (f.Kinds is not null)
        {
            sets.Add(Candidates.Union(f.Kinds.Select(kind => graph.Filters.OfKind(kind) is var (start, end, list) && list is null
                ? Candidates.Range(start, end)
                : Candidates.Of(list!))));
        }
        if (f.Fields is not null) sets.Add(Candidates.Union(f.Fields.Select(field => Candidates.Of(graph.Filters.InField(field)))));
        if (f.LatestStatus is not null) sets.Add(Candidates.Union(f.LatestStatus.Select(status => Candidates.Of(graph.Filters.WithLatestStatus(status)))));
        if (f.StatedIn is not null) sets.Add(Candidates.Union(f.StatedIn.Select(document => Candidates.Of(graph.Filters.StatedIn(document)))));
        foreach (var member in f.And ?? [])
        {
            if (CandidatesOf(graph, member) is { } c) sets.Add(c);
        }
        if (f.Or is not null)
        {
            var members = f.Or.Select(member => CandidatesOf(graph, member)).ToList();
            if (members.All(c => c is not null)) sets.Add(Candidates.Union(members.Select(c => c!.Value)));
        }
        if (sets.Count == 0) return null;
        // From the smallest up: each intersection walks the smaller side and looks its members up in the larger.
        sets.Sort(static (a, b) => a.Count.CompareTo(b.Count));
        var result = sets[0];
        for (var i = 1; i < sets.Count && result.Count > 0; i++) result = Candidates.Intersect(result, sets[i]);
        return result;
    }

    /// <summary>
    /// Sorted node numbers: a run <c>Start .. End - 1</c> when <c>List</c> is null, else <c>List[Start .. End - 1]</c>
    /// (a slice, so that cutting a list down to a kind's run copies nothing).
    /// </summary>
    private readonly record struct Candidates(int[]? List, int Start, int End)
    {
        public static Candidates Range(int start, int end) => new(null, start, Math.Max(start, end));

        public static Candidates Of(int[] list) => new(list, 0, list.Length);

        public int Count => End - Start;

        public int this[int i] => List is null ? Start + i : List[Start + i];

        public static Candidates Intersect(Candidates a, Candidates b)
        {
            if (a.List is null && b.List is null) return Range(Math.Max(a.Start, b.Start), Math.Min(a.End, b.End));
            if (a.List is null || b.List is null)
            {
                var (run, list) = a.List is null ? (a, b) : (b, a);
                return new(list.List, LowerBound(list, run.Start), Math.Max(LowerBound(list, run.Start), LowerBound(list, run.End)));
            }
            var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
            var result = new List<int>(small.Count);
            var from = large.Start;
            for (var i = 0; i < small.Count && from < large.End; i++)
            {
                var at = Array.BinarySearch(large.List!, from, large.End - from, small[i]);
                if (at >= 0)
                {
                    result.Add(small[i]);
                    from = at + 1;
                }
                else from = ~at;
            }
            return Of([.. result]);
        }

        public static Candidates Union(IEnumerable<Candidates> sets)
        {
            var all = sets.Where(s => s.Count > 0).ToList();
            if (all.Count == 0) return Range(0, 0);
            if (all.Count == 1) return all[0];
            var merged = all[0];
            foreach (var next in all.Skip(1)) merged = Merge(merged, next);
            return merged;
        }

        private static Candidates Merge(Candidates a, Candidates b)
        {
            var result = new int[a.Count + b.Count];
            var (i, j, k) = (0, 0, 0);
            while (i < a.Count || j < b.Count)
            {
                if (j == b.Count || (i < a.Count && a[i] < b[j])) result[k++] = a[i++];
                else if (i == a.Count || b[j] < a[i]) result[k++] = b[j++];
                else
                {
                    result[k++] = a[i++];
                    j++;
                }
            }
            return new(result, 0, k);
        }

        // The first position of the slice whose node number is at least v.
        private static int LowerBound(Candidates list, int v)
        {
            var at = Array.BinarySearch(list.List!, list.Start, list.Count, v);
            return at >= 0 ? at : ~at;
        }
    }

    /// <summary>One filter's evaluation over a graph: the text matches and nested relation filters are worked out once per filter.</summary>
    private sealed class Evaluation(GraphIndex graph)
    {
        private readonly Dictionary<NodeFilter, HashSet<int>> _textMatches = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<NodeFilter, sbyte[]> _memo = new(ReferenceEqualityComparer.Instance);

        public bool Matches(int v, NodeFilter f)
        {
            var node = graph.NodeAt(v);
            if (f.Ids is not null && !f.Ids.Contains(node.Id)) return false;
            if (f.Kinds is not null && !f.Kinds.Contains(node.Kind)) return false;
            if (f.Fields is not null && !(node.Field is { } field && f.Fields.Contains(field))) return false;
            if (f.ComponentTypes is not null && !(node.ComponentType is { } ct && f.ComponentTypes.Contains(ct))) return false;
            if (f.ProgramTypes is not null && !(node.ProgramType is { } pt && f.ProgramTypes.Contains(pt))) return false;
            if (f.LatestStatus is not null && !(node.LatestAssessment?.Status is { } latest && f.LatestStatus.Contains(latest))) return false;
            if (f.StatusIn is { } statusIn && !(node.StatusAt(statusIn.Year)?.Status is { } then && statusIn.Statuses.Contains(then))) return false;
            if (f.StatedIn is not null && !StatingDocuments(node).Any(f.StatedIn.Contains)) return false;
            if (f.JudgedIn is not null && !node.Assessments.Any(a => f.JudgedIn.Contains(a.Source.DocumentId))) return false;
            if (f.ActiveIn is { } year && !(node.Kind == NodeKind.Program && node.Period is { } p && p.Start <= year && (p.End is null || year <= p.End))) return false;
            if (f.Text is not null && !TextMatches(f).Contains(v)) return false;
            if (f.And is not null && !f.And.All(g => Matches(v, g))) return false;
            if (f.Or is not null && !f.Or.Any(g => Matches(v, g))) return false;
            if (f.Not is not null && Matches(v, f.Not)) return false;
            if (f.Needs is { } needs && !Relation(v, Direction.Forward, needs)) return false;
            if (f.NeededBy is { } neededBy && !Relation(v, Direction.Backward, neededBy)) return false;
            return true;
        }

        private bool Relation(int v, Direction direction, RelationFilter relation)
        {
            var (some, none, all) = (false, true, true);
            foreach (var e in graph.EdgesOf(v, direction))
            {
                var w = graph.Neighbour(e, direction);
                if (relation.Some is { } s && Memo(w, s)) some = true;
                if (relation.None is { } n && Memo(w, n)) none = false;
                if (relation.All is { } a && !Memo(w, a)) all = false;
            }
            return (relation.Some is null || some) && none && all;
        }

        // A nested filter is asked about the same neighbours again and again (every product's components): remember.
        private bool Memo(int v, NodeFilter f)
        {
            if (!_memo.TryGetValue(f, out var known)) _memo[f] = known = new sbyte[graph.NodeCount];
            if (known[v] == 0) known[v] = Matches(v, f) ? (sbyte)1 : (sbyte)-1;
            return known[v] == 1;
        }

        private HashSet<int> TextMatches(NodeFilter f)
        {
            if (!_textMatches.TryGetValue(f, out var set))
            {
                set = GraphAlgorithms.Search(graph, f.Text!, null, int.MaxValue).Select(n => graph.IndexOf(n.Id)).ToHashSet();
                _textMatches[f] = set;
            }
            return set;
        }
    }
}
