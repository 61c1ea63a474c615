using System.Runtime.CompilerServices;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;

namespace Roadmap.Core.Analysis;

/// <summary>One sentence of a plan that contains the text searched for, with what the graph cites it for.</summary>
/// <param name="Document">The plan.</param>
/// <param name="Sentence">The sentence, folded as quotes are (whitespace and table markup gone).</param>
/// <param name="Position">Where the sentence starts in the plan's folded text: with the document, the hit's key.</param>
/// <param name="Matches">Where the text occurs in the sentence.</param>
/// <param name="MatchLength">How long each match is, in the folded sentence.</param>
/// <param name="Sections">The sections, as curators numbered them, of the sources that quote this sentence.</param>
/// <param name="Nodes">The nodes whose sources, assessments, targets or goals quote this sentence.</param>
/// <param name="Edges">The edges whose sources quote it.</param>
public sealed record SourceHit(Node Document, string Sentence, int Position, IReadOnlyList<int> Matches, int MatchLength,
    IReadOnlyList<string> Sections, IReadOnlyList<Node> Nodes, IReadOnlyList<Edge> Edges);

/// <summary>How much of a plan the graph cites: its sentences, how many support a fact, and the ones that support none yet.</summary>
public sealed record DocumentCoverage(Node Document, int SentenceCount, int CitedCount, IReadOnlyList<UncitedSentence> Uncited);

/// <summary>A sentence of a plan no fact cites: where it starts in the plan's folded text, and the sentence (folded).</summary>
public sealed record UncitedSentence(int Position, string Sentence);

/// <summary>A page of source hits: the hits, how many there are in all, and whether more follow.</summary>
public sealed record SourceHitPage(IReadOnlyList<SourceHit> Hits, int TotalCount, bool HasNextPage);

/// <summary>
/// Full-text search over what the five plans say: every sentence of every plan, and what cites it. Chinese has no
/// spaces between words, so the index is of character bigrams (every two adjacent characters of the folded text):
/// any term of two characters or more finds every sentence that contains it, with no word segmentation to miss a
/// split the segmenter did not make; a candidate sentence is then checked for the whole term. A one-character term
/// scans the sentences. Built once per read model: the plans never change while the service runs.
/// </summary>
public sealed class PlanTextIndex
{
    private const string SentenceEnds = "。；;！？!?";

    private readonly List<(Node Document, int Start, string Text)> _sentences = [];
    private readonly Dictionary<string, int> _documentRank = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<int>> _bigrams = [];
    private readonly Dictionary<int, (HashSet<string> Sections, List<Node> Nodes, List<Edge> Edges)> _citations = [];

    private static readonly ConditionalWeakTable<GraphIndex, PlanTextIndex> Cache = [];

    /// <summary>The index of a read model's plans, built on first use.</summary>
    public static PlanTextIndex Of(GraphIndex graph) => Cache.GetValue(graph, g => new PlanTextIndex(g));

    public int SentenceCount => _sentences.Count;

    /// <summary>Every sentence as indexed (folded), with its plan, in plan year and reading order: what another engine would index to compare.</summary>
    public IEnumerable<(string Document, string Sentence)> Sentences => _sentences.Select(s => (s.Document.Id, s.Text));

    private PlanTextIndex(GraphIndex graph)
    {
        var documents = graph.Nodes.Where(n => n.Kind == NodeKind.Document && n.Text is not null).OrderBy(n => n.Year).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        var firstSentence = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            firstSentence[document.Id] = _sentences.Count;
            _documentRank[document.Id] = _documentRank.Count;
            var text = QuoteFolding.FoldPlanText(document.Text!);
            for (var start = 0; start < text.Length;)
            {
                var end = start;
                while (end < text.Length && !SentenceEnds.Contains(text[end], StringComparison.Ordinal)) end++;
                if (end < text.Length) end++;
                AddSentence(document, start, text[start..end]);
                start = end;
            }
        }
        foreach (var node in graph.Nodes)
        {
            foreach (var source in node.AllSources.Distinct()) Cite(graph, firstSentence, source, node, null);
        }
        foreach (var edge in graph.Edges)
        {
            foreach (var source in edge.Sources) Cite(graph, firstSentence, source, null, edge);
        }
    }

    private void AddSentence(Node document, int start, string text)
    {
        var id = _sentences.Count;
        _sentences.Add((document, start, text));
        for (var i = 0; i + 1 < text.Length; i++)
        {
            var bigram = Bigram(char.ToLowerInvariant(text[i]), char.ToLowerInvariant(text[i + 1]));
            if (!_bigrams.TryGetValue(bigram, out var postings)) _bigrams[bigram] = postings = [];
            if (postings.Count == 0 || postings[^1] != id) postings.Add(id);
        }
    }

    /// <summary>Marks every sentence a source's quote overlaps as cited by its node or edge.</summary>
    private void Cite(GraphIndex graph, Dictionary<string, int> firstSentence, Source source, Node? node, Edge? edge)
    {
        if (!firstSentence.TryGetValue(source.DocumentId, out var first)) return;
        var document = graph.NodeAt(graph.IndexOf(source.DocumentId));
        var quote = QuoteFolding.Fold(source.Quote);
        var at = QuoteFolding.FoldPlanText(document.Text!).IndexOf(quote, StringComparison.Ordinal);
        if (at < 0) return;
        var end = at + quote.Length;
        for (var s = first; s < _sentences.Count && _sentences[s].Document == document && _sentences[s].Start < end; s++)
        {
            if (_sentences[s].Start + _sentences[s].Text.Length <= at) continue;
            if (!_citations.TryGetValue(s, out var cited)) _citations[s] = cited = ([], [], []);
            cited.Sections.Add(source.Section);
            if (node is not null && !cited.Nodes.Contains(node)) cited.Nodes.Add(node);
            if (edge is not null && !cited.Edges.Contains(edge)) cited.Edges.Add(edge);
        }
    }

    /// <summary>Every sentence that contains <paramref name="text"/> (folded, case-insensitive), in plan year order, then in reading order.</summary>
    public IEnumerable<SourceHit> Search(string text, IReadOnlySet<string>? documents)
    {
        var needle = QuoteFolding.Fold(text).ToLowerInvariant();
        if (needle.Length == 0) yield break;
        IEnumerable<int> candidates;
        if (needle.Length == 1) candidates = Enumerable.Range(0, _sentences.Count);
        else
        {
            // The rarest bigram's postings, each checked for the whole term: a short list even for common characters.
            List<int>? rarest = null;
            for (var i = 0; i + 1 < needle.Length; i++)
            {
                if (!_bigrams.TryGetValue(Bigram(needle[i], needle[i + 1]), out var postings)) yield break;
                if (rarest is null || postings.Count < rarest.Count) rarest = postings;
            }
            candidates = rarest!;
        }
        foreach (var s in candidates)
        {
            var (document, start, sentence) = _sentences[s];
            if (documents is not null && !documents.Contains(document.Id)) continue;
            var lower = sentence.ToLowerInvariant();
            var matches = new List<int>();
            for (var at = lower.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(needle, at + needle.Length, StringComparison.Ordinal)) matches.Add(at);
            if (matches.Count == 0) continue;
            var cited = _citations.GetValueOrDefault(s);
            yield return new SourceHit(document, sentence, start, matches, needle.Length,
                cited.Sections?.Order(StringComparer.Ordinal).ToList() ?? [], cited.Nodes ?? [], cited.Edges ?? []);
        }
    }

    /// <summary>
    /// The hits after a key (a document and a position in its folded text), at most <paramref name="first"/>. Hits are
    /// keyed by where they stand in the plans, which never change, so a page never repeats or skips a hit.
    /// </summary>
    public SourceHitPage Page(string text, IReadOnlySet<string>? documents, (string Document, int Position)? after, int first)
    {
        var all = Search(text, documents).ToList();
        var start = 0;
        if (after is { } key && _documentRank.TryGetValue(key.Document, out var rank))
        {
            start = all.FindIndex(h => (_documentRank[h.Document.Id], h.Position).CompareTo((rank, key.Position)) > 0);
            if (start < 0) start = all.Count;
        }
        var page = all.Skip(start).Take(first).ToList();
        return new SourceHitPage(page, all.Count, start + page.Count < all.Count);
    }

    /// <summary>
    /// Which sentences of a plan no node, edge, judgement or target cites, in reading order; null when the id is not a
    /// document with text. A sentence without a Chinese character (a number, a lone heading mark) is not counted.
    /// </summary>
    public DocumentCoverage? Coverage(string documentId)
    {
        var (document, sentences) = (default(Node), new List<int>());
        for (var s = 0; s < _sentences.Count; s++)
        {
            if (_sentences[s].Document.Id != documentId || !_sentences[s].Text.Any(Plans.PlanTextExtractor.IsChinese)) continue;
            document = _sentences[s].Document;
            sentences.Add(s);
        }
        if (document is null) return null;
        var uncited = sentences.Where(s => !_citations.ContainsKey(s)).Select(s => new UncitedSentence(_sentences[s].Start, _sentences[s].Text)).ToList();
        return new DocumentCoverage(document, sentences.Count, sentences.Count - uncited.Count, uncited);
    }

    private static int Bigram(char a, char b) => (a << 16) | b;
}
