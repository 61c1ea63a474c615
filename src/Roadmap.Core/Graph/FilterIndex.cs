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

    /// <summary>One pass over the nodes.</summary>
    public static FilterIndex Build(GraphIndex graph)
    {
        var kindCount = Enum.GetValues<NodeKind>().Length;
        var (first, last, count) = (new int[kindCount], new int[kindCount], new int[kindCount]);
        Array.Fill(first, -1);
        var byField = Lists(Enum.GetValues<Field>().Length);
        var byStatus = Lists(Enum.GetValues<AssessmentStatus>().Length);
        var byDocument = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var v = 0; v < graph.NodeCount; v++)
        {
            var node = graph.NodeAt(v);
            var kind = (int)graph.KindOf(v);
            if (first[kind] < 0) first[kind] = v;
            last[kind] = v;
            count[kind]++;
            if (node.Field is { } field) byField[(int)field].Add(v);
            if (node.LatestAssessment is { } latest) byStatus[(int)latest.Status].Add(v);
            if (node.Kind == NodeKind.Document) AddStated(node.Id, v);
            else foreach (var source in node.AllSources) AddStated(source.DocumentId, v);
        }
        var kindRanges = new (int, int)[kindCount];
        var kindLists = new int[]?[kindCount];
        for (var k = 0; k < kindCount; k++)
        {
            kindRanges[k] = count[k] == 0 ? (0, 0) : (first[k], last[k] + 1);
            if (count[k] > 0 && last[k] - first[k] + 1 != count[k])
            {
                kindLists[k] = [.. Enumerable.Range(first[k], last[k] - first[k] + 1).Where(v => (int)graph.KindOf(v) == k)];
            }
        }
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
