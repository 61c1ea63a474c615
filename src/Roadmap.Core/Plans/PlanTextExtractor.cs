using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Roadmap.Core.Errors;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Roadmap.Core.Plans;

/// <summary>
/// A plan's text out of the file it comes in. The text is kept as the file gives it, lines and all: the quote check
/// folds whitespace, markup and full-width forms away on both sides, so nothing is normalised here beyond line ends.
/// Anything that is not a readable plan is refused with a code, before anything is stored.
/// </summary>
public static class PlanTextExtractor
{
    /// <summary>The format a file name's extension names, or null when it names none of them.</summary>
    public static PlanFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".txt" => PlanFormat.Text,
        ".md" or ".markdown" => PlanFormat.Markdown,
        ".html" or ".htm" => PlanFormat.Html,
        ".docx" => PlanFormat.Docx,
        ".pdf" => PlanFormat.Pdf,
        _ => null,
    };

    /// <summary>
    /// The text of <paramref name="bytes"/> read as <paramref name="format"/>. Throws UNREADABLE_PLAN for a file that is
    /// not that format, NO_PLAN_TEXT when it holds no text (an empty file, a scanned PDF) and NO_CHINESE_TEXT when no
    /// line of it is Chinese.
    /// </summary>
    public static string Extract(byte[] bytes, PlanFormat format)
    {
        string text;
        try
        {
            text = format switch
            {
                PlanFormat.Text or PlanFormat.Markdown => Utf8(bytes),
                PlanFormat.Html => Html(Utf8(bytes)),
                PlanFormat.Docx => Docx(bytes),
                PlanFormat.Pdf => Pdf(bytes),
                _ => throw new ArgumentOutOfRangeException(nameof(format)),
            };
        }
        catch (Exception e) when (e is not RoadmapException and not ArgumentOutOfRangeException)
        {
            throw new RoadmapException(ErrorCodes.UnreadablePlan, $"The file is not a readable {format.ToString().ToUpperInvariant()} file: {e.Message}");
        }
        text = text.ReplaceLineEndings("\n").Trim();
        if (text.Length == 0)
        {
            throw new RoadmapException(ErrorCodes.NoPlanText, format == PlanFormat.Pdf
                ? "The PDF has no text layer (a scanned plan?); run it through OCR and add the text, or add the plan's web page or Word file."
                : "The file holds no text.");
        }
        if (!text.Any(IsChinese)) throw new RoadmapException(ErrorCodes.NoChineseText, "No line of the file is Chinese; the plans are quoted in the language they are written in.");
        return text;
    }

    /// <summary>A CJK unified ideograph: what every plan's text is made of.</summary>
    public static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    private static string Utf8(byte[] bytes)
    {
        // Strict: a GBK file read as UTF-8 would be stored as replacement characters, and no quote would ever match.
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var text = strict.GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "head", "svg" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "ul", "ol", "dd", "dt", "blockquote", "pre", "hr", "title",
    };

    // The body's text with a line break at every block, as a reader sees the page; cells of a row are kept apart by a tab.
    private static string Html(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var sb = new StringBuilder();
        Walk(document.Body ?? document.DocumentElement);
        return string.Join('\n', sb.ToString().Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));

        void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text) sb.Append(text.Data.Replace('\n', ' '));
                else if (child is IElement element && !Skipped.Contains(element.LocalName))
                {
                    var block = Blocks.Contains(element.LocalName);
                    if (block) sb.Append('\n');
                    Walk(element);
                    if (element.LocalName is "td" or "th") sb.Append('\t');
                    if (block) sb.Append('\n');
                }
            }
        }
    }

    private static string Docx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException("the document has no body");
        var lines = new List<string>();
        foreach (var element in body.ChildElements)
        {
            if (element is Paragraph paragraph) lines.Add(paragraph.InnerText);
            else if (element is Table table)
            {
                foreach (var row in table.Elements<TableRow>()) lines.Add(string.Join('\t', row.Elements<TableCell>().Select(c => c.InnerText)));
            }
        }
        return string.Join('\n', lines);
    }

    private static string Pdf(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        var pages = document.GetPages().Select(page => ContentOrderTextExtractor.GetText(page));
        return string.Join('\n', pages);
    }
}
