using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.GraphQL.Traversal;

namespace Roadmap.Core.GraphQL.Search;

public sealed class SourceHitGraphType : ObjectGraphType<SourceHit>
{
    private const int SnippetReach = 40;

    public SourceHitGraphType()
    {
        Name = "SourceHit";
        Description = "A sentence of a plan that contains the text searched for, and what the graph cites it for.";
        Field<NonNullGraphType<DocumentGraphType>>("document").Description("The plan.").Resolve(c => c.Source.Document);
        Field<StringGraphType>("section").Description("The clause as curators numbered it in the sources that quote this sentence; null when no source quotes it.")
            .Resolve(c => c.Source.Sections.Count > 0 ? c.Source.Sections[0] : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("sections").Description("Every section number the quoting sources give, when they differ.").Resolve(c => c.Source.Sections);
        Field<NonNullGraphType<StringGraphType>>("sentence").Description("The whole sentence, folded as quotes are (whitespace and table markup gone).").Resolve(c => c.Source.Sentence);
        Field<NonNullGraphType<StringGraphType>>("snippet")
            .Description($"Up to {SnippetReach} characters either side of the first match, each match in 【】, with … where the sentence is cut.")
            .Resolve(c => Snippet(c.Source, c.Source.MatchLength));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("matches").Description("Where the text starts in sentence, each time it occurs (UTF-16 offsets).").Resolve(c => c.Source.Matches);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("nodes").Description("The nodes whose sources, assessments, targets or goals quote this sentence.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType>>>>("edges").Description("The edges whose sources quote this sentence.").Resolve(c => c.Source.Edges);
    }

    private static string Snippet(SourceHit hit, int length)
    {
        var sentence = hit.Sentence;
        if (hit.Matches.Count == 0 || length == 0) return sentence.Length <= 2 * SnippetReach ? sentence : sentence[..(2 * SnippetReach)] + "…";
        var start = Math.Max(0, hit.Matches[0] - SnippetReach);
        var end = Math.Min(sentence.Length, hit.Matches[0] + length + SnippetReach);
        var sb = new System.Text.StringBuilder(start > 0 ? "…" : "");
        var at = start;
        foreach (var match in hit.Matches.Where(m => m >= start && m + length <= end))
        {
            sb.Append(sentence, at, match - at).Append('【').Append(sentence, match, length).Append('】');
            at = match + length;
        }
        sb.Append(sentence, at, end - at);
        if (end < sentence.Length) sb.Append('…');
        return sb.ToString();
    }
}
