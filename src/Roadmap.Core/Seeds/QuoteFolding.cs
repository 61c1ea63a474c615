using System.Text;
using System.Text.RegularExpressions;

namespace Roadmap.Core.Seeds;

/// <summary>
/// Folds a plan's text and a quote the same way before comparing them, so that a verbatim quote matches
/// although the extracted text breaks lines mid-sentence (003), carries table markup (002) or Markdown (004).
/// </summary>
public static partial class QuoteFolding
{
    private static readonly (string Latex, string Symbol)[] LatexSymbols =
    [
        (@"\geq", "≥"), (@"\leq", "≤"), (@"\times", "×"), (@"\mu", "μ"), (@"^\circ", "°"), (@"\pm", "±"),
    ];

    // The plans' texts, folded: five documents of up to 35 KB each, folded once rather than on every quote they are
    // asked for. Keyed by the text itself, so a store that hands out new node records per request still hits.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> FoldedPlans = new(StringComparer.Ordinal);
    private const int MaxFoldedPlans = 64;

    /// <summary>A plan's whole text folded, from a cache: the plans are few and never change while the service runs.</summary>
    public static string FoldPlanText(string text)
    {
        if (FoldedPlans.TryGetValue(text, out var folded)) return folded;
        if (FoldedPlans.Count >= MaxFoldedPlans) FoldedPlans.Clear();
        return FoldedPlans.GetOrAdd(text, Fold);
    }

    public static string Fold(string text)
    {
        var s = HtmlTag().Replace(text, "");
        s = LatexText().Replace(s, "$1");
        foreach (var (latex, symbol) in LatexSymbols) s = s.Replace(latex, symbol, StringComparison.Ordinal);
        s = s.Replace("$", "", StringComparison.Ordinal).Replace("**", "", StringComparison.Ordinal);
        s = s.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    [GeneratedRegex("</?[a-zA-Z][^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\\(?:text|mathrm)\{([^}]*)\}")]
    private static partial Regex LatexText();
}
