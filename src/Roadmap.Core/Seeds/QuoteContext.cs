namespace Roadmap.Core.Seeds;

/// <summary>Finds a quote in its document and returns the sentence around it, as a reader would want to see it.</summary>
public static class QuoteContext
{
    private const string SentenceEnds = "。；;！？";
    private const int MaxReach = 160;

    /// <summary>
    /// The sentence of <paramref name="text"/> that holds <paramref name="quote"/>, folded as for matching (so a line
    /// break in the middle of a sentence does not cut it), at most <see cref="MaxReach"/> characters either side of
    /// the quote; null when the quote is not in the text.
    /// </summary>
    public static string? Sentence(string text, string quote)
    {
        var folded = QuoteFolding.FoldPlanText(text);
        var needle = QuoteFolding.Fold(quote);
        var at = needle.Length == 0 ? -1 : folded.IndexOf(needle, StringComparison.Ordinal);
        if (at < 0) return null;

        var start = at;
        while (start > 0 && !SentenceEnds.Contains(folded[start - 1], StringComparison.Ordinal) && at - start < MaxReach) start--;
        var end = at + needle.Length;
        while (end < folded.Length && !SentenceEnds.Contains(folded[end - 1], StringComparison.Ordinal) && end - at - needle.Length < MaxReach) end++;
        return folded[start..end];
    }
}
