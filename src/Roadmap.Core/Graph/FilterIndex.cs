namespace Roadmap.Core.Graph;

/// <summary>
/// The read model's index for the list questions: which nodes have each kind, field and latest status, and which
/// nodes each document states something about, as node numbers in node order. A filter on one of these reads its
/// candidates here instead of asking every node.
/// </summary>
/// <remarks>
/// Every id starts with its kind's prefix (the rules refuse any other) and nodes are numbered in id order, so each kind
/// is normally one run of node numbers, kept as a range. The build checks that rather than trusting it: a kind whose
/// nodes are not one run (a graph built without the rules) gets a list like the others.
/// </remarks>
public sealed class FilterIndex
{
    private readonly (int Start, int End)[] _kindRanges;
    private readonly int[]?[] _kindLists;
    private readonly int[][] _byField;
    private readonly int[][] _byLatestStatus;
    private readonly Dictionary<string, int[]> _byDocument;

    private FilterIndex((int, int)[] kindRanges, int[]?[] kindLists, int[][] byField, int[][] byLatestStatus, Dictionary<string, int[]> byDocument) =>
        (_kindRanges, _kindLists, _byField, _byLatestStatus, _byDocument) = (kindRanges, kindLists, byField, byLatestStatus, byDocument);

    /// <summary>The nodes of a kind: a range of node numbers <c>Start .. End - 1</c>, or, when they are not one run, a list.</summary>
    public (int Start, int End, int[]? List) OfKind(NodeKind kind) => (_kindRanges[(int)kind].Start, _kindRanges[(int)kind].End, _kindLists[(int)kind]);

    /// <summary>The nodes in a field, in node order.</summary>
    public int[] InField(Field field) => _byField[(int)field];

    /// <summary>The nodes whose judgement in force now has this status, in node order.</summary>
    public int[] WithLatestStatus(AssessmentStatus status) => _byLatestStatus[(int)status];

    /// <summary>The nodes a document states something about (the document itself among them), in node order.</summary>
    public int[] StatedIn(string documentId) => _byDocument.TryGetValue(documentId, out var nodes) ? nodes : [];

    /// <summary>
    /// The index after an edit, from this one (of <paramref name="previous"/>): the lists of the fields, statuses and
    /// documents the edit's nodes had or have are rewritten, the others shared; when the edit renumbers nodes, every
    /// list is mapped through the new numbering, which keeps id order, so the lists stay sorted.
    /// </summary>
    /// <param name="previous">The read model this index is of.</param>
    /// <param name="next">The read model after the edit.</param>
    /// <param name="sources">For each node of <paramref name="next"/>, the node of <paramref name="previous"/> it is, unchanged, or -1 when it is new or changed.</param>
    /// <param name="renumbered">False when every kept node keeps its number (then <paramref name="sources"/> maps each node to itself or -1).</param>
    internal FilterIndex Apply(GraphIndex previous, GraphIndex next, int[] sources, bool renumbered)
    {
        var renumber = new int[previous.NodeCount];
        Array.Fill(renumber, -1);
        var fresh = new List<int>();
        for (var k = 0; k < sources.Length; k++)
        {
            if (sources[k] >= 0) renumber[sources[k]] = k;
            else fresh.Add(k);
        }
        var byField = new Dictionary<int, List<int>>();
        var byStatus = new Dictionary<int, List<int>>();
        var byDocument = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        // The lists a changed node leaves must be rewritten even when nothing joins them.
        if (!renumbered)
        {
            foreach (var v in fresh)
            {
                if (v < previous.NodeCount) Touch(previous.NodeAt(v), -1);
            }
        }
        foreach (var v in fresh) Touch(next.NodeAt(v), v);

        var fields = new int[_byField.Length][];
        for (var f = 0; f < fields.Length; f++) fields[f] = Rewrite(_byField[f], byField.GetValueOrDefault(f));
        var statuses = new int[_byLatestStatus.Length][];
        for (var s = 0; s < statuses.Length; s++) statuses[s] = Rewrite(_byLatestStatus[s], byStatus.GetValueOrDefault(s));
        var documents = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (document, nodes) in _byDocument)
        {
            if (Rewrite(nodes, byDocument.GetValueOrDefault(document)) is { Length: > 0 } kept) documents[document] = kept;
        }
        foreach (var (document, nodes) in byDocument)
        {
            if (!_byDocument.ContainsKey(document) && nodes.Count > 0) documents[document] = [.. nodes];
        }
        var (kindRanges, kindLists) = KindRuns(next);
        return new FilterIndex(kindRanges, kindLists, fields, statuses, documents);

        // Registers the lists a node is on; a node of the new numbering (v >= 0) joins them.
        void Touch(Node node, int v)
        {
            if (node.Field is { } field) Join(byField, (int)field, v);
            if (node.LatestAssessment is { } latest) Join(byStatus, (int)latest.Status, v);
            if (node.Kind == NodeKind.Document) Join(byDocument, node.Id, v);
            else foreach (var source in node.AllSources) Join(byDocument, source.DocumentId, v);
        }

        static void Join<TKey>(Dictionary<TKey, List<int>> lists, TKey key, int v) where TKey : notnull
        {
            if (!lists.TryGetValue(key, out var nodes)) lists[key] = nodes = [];
            if (v >= 0 && (nodes.Count == 0 || nodes[^1] != v)) nodes.Add(v);
        }

        int[] Rewrite(int[] list, List<int>? joining)
        {
            if (!renumbered && joining is null) return list;
            var result = new List<int>(list.Length + (joining?.Count ?? 0));
            var j = 0;
            foreach (var old in list)
            {
                if (renumber[old] is var v and >= 0)
                {
                    for (; joining is not null && j < joining.Count && joining[j] < v; j++) result.Add(joining[j]);
                    result.Add(v);
                }
            }
            for (; joining is not null && j < joining.Count; j++) result.Add(joining[j]);
            return [.. result];
        }
    }

    // Each kind's run of node numbers, and a list for a kind whose nodes are not one run.
    private static ((int, int)[] Ranges, int[]?[] Lists) KindRuns(GraphIndex graph)
    {
        var kindCount = Enum.GetValues<NodeKind>().Length;
        var (first, last, count) = (new int[kindCount], new int[kindCount], new int[kindCount]);
        Array.Fill(first, -1);
        for (var v = 0; v < graph.NodeCount; v++)
        {
            var kind = (int)graph.KindOf(v);
            if (first[kind] < 0) first[kind] = v;
            last[kind] = v;
            count[kind]++;
        }
        var ranges = new (int, int)[kindCount];
        var lists = new int[]?[kindCount];
        for (var k = 0; k < kindCount; k++)
        {
            ranges[k] = count[k] == 0 ? (0, 0) : (first[k], last[k] + 1);
            if (count[k] > 0 && last[k] - first[k] + 1 != count[k])
            {
                lists[k] = [.. Enumerable.Range(first[k], last[k] - first[k] + 1).Where(v => (int)graph.KindOf(v) == k)];
            }
        }
        return (ranges, lists);
    }

    /// <summary>One pass over the nodes.</summary>
    public static FilterIndex Build(GraphIndex graph)
    {
        var byField = Lists(Enum.GetValues<Field>().Length);
        var byStatus = Lists(Enum.GetValues<AssessmentStatus>().Length);
        var byDocument = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var v = 0; v < graph.NodeCount; v++)
        {
            var node = graph.NodeAt(v);
            if (node.Field is { } field) byField[(int)field].Add(v);
            if (node.LatestAssessment is { } latest) byStatus[(int)latest.Status].Add(v);
            if (node.Kind == NodeKind.Document) AddStated(node.Id, v);
            else foreach (var source in node.AllSources) AddStated(source.DocumentId, v);
        }
        var (kindRanges, kindLists) = KindRuns(graph);
        return new FilterIndex(
            kindRanges, kindLists, [.. byField.Select(l => l.ToArray())], [.. byStatus.Select(l => l.ToArray())],
            byDocument.ToDictionary(d => d.Key, d => d.Value.ToArray(), StringComparer.Ordinal));

        void AddStated(string documentId, int v)
        {
            if (!byDocument.TryGetValue(documentId, out var nodes)) byDocument[documentId] = nodes = [];
            // Nodes come in number order, so a node stated twice by one document is the list's last entry.
            if (nodes.Count == 0 || nodes[^1] != v) nodes.Add(v);
        }

        static List<int>[] Lists(int count) => [.. Enumerable.Range(0, count).Select(_ => new List<int>())];
    }
}
