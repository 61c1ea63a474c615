using System.Text;
using System.Text.RegularExpressions;
using Roadmap.Core.Seeds;

namespace Roadmap.Core.Plans;

/// <summary>
/// A paragraph of a plan, folded as quotes are (so every span of it is quotable), with the numbering in force where it
/// starts, its lead phrase (a heading's title or a short first sentence, 影像设备。 新型超声成像系统。) and, for a table row,
/// its cells.
/// </summary>
public sealed record PlanParagraph(int Index, string Text, string Section, string? Lead, ParagraphRole Role, IReadOnlyList<string> Cells);

/// <summary>Where a paragraph sits in the plan's structure.</summary>
public enum ParagraphRole
{
    /// <summary>Running text.</summary>
    Body,
    /// <summary>Opens a numbered heading (一、 (一) 1. 1.3): its lead names a class or a task.</summary>
    Heading,
    /// <summary>A 专栏's title line.</summary>
    ColumnTitle,
    /// <summary>A paragraph of a 专栏 that opens with a short title (攻关先进基础材料。 新型超声成像系统。).</summary>
    ColumnItem,
    /// <summary>A numbered table row (附录 rows: 序号, 产品, 技术要求).</summary>
    Row,
}

/// <summary>
/// Cuts a plan's text into paragraphs with the plan's numbering: 一、 (一) 1. and decimal 1.3 headings, 专栏N columns
/// (with the short title of the column item in force, 专栏1 攻关先进基础材料), 附录 appendices and their numbered table
/// rows. Lines broken mid-sentence (003) are joined until a sentence ends.
/// </summary>
public static partial class PlanReader
{
    public static IReadOnlyList<PlanParagraph> Read(string text)
    {
        var result = new List<PlanParagraph>();
        string? appendix = null, l1 = null, l2 = null, l3 = null, column = null, columnSub = null;
        var buffer = new StringBuilder();
        var bufferSection = "";
        string? bufferLead = null;
        var bufferRole = ParagraphRole.Body;

        string Section()
        {
            if (column is not null) return "专栏" + column + (columnSub is null ? "" : " " + columnSub);
            var sb = new StringBuilder();
            if (appendix is not null) sb.Append(appendix).Append(' ');
            if (l1 is not null) sb.Append(l1);
            if (l2 is not null) sb.Append('(').Append(l2).Append(')');
            if (l3 is not null) sb.Append(l3);
            return sb.ToString().Trim();
        }

        void Flush()
        {
            if (buffer.Length > 0) result.Add(new PlanParagraph(result.Count, buffer.ToString(), bufferSection, bufferLead, bufferRole, []));
            buffer.Clear();
            bufferLead = null;
            bufferRole = ParagraphRole.Body;
        }

        void Start(string rest, ParagraphRole role)
        {
            Flush();
            bufferSection = Section();
            bufferLead = LeadOf(rest, role == ParagraphRole.Heading ? 30 : 20);
            bufferRole = role;
            buffer.Append(rest);
        }

        foreach (var raw in text.Split('\n'))
        {
            if (raw.Contains('\t'))
            {
                var cells = raw.Split('\t').Select(QuoteFolding.Fold).ToList();
                if (cells.Count >= 2 && cells[0].Length is > 0 and <= 3 && cells[0].All(char.IsAsciiDigit) && cells.Skip(1).Any(c => c.Length > 0))
                {
                    Flush();
                    l3 = cells[0];
                    var body = cells.Skip(1).Where(c => c.Length > 0).ToList();
                    result.Add(new PlanParagraph(result.Count, string.Concat(body), Section(), body[0], ParagraphRole.Row, body));
                    continue;
                }
            }
            var line = QuoteFolding.Fold(raw);
            if (line.Length == 0) continue;

            if (Appendix().Match(line) is { Success: true } ap && line.Length <= 12)
            {
                Flush();
                appendix = "附录" + ap.Groups[1].Value;
                l1 = l2 = l3 = column = columnSub = null;
                continue;
            }
            if (Column().Match(line) is { Success: true } co)
            {
                Flush();
                column = co.Groups[1].Value;
                columnSub = null;
                var title = co.Groups[2].Value.TrimStart(':', '：', ' ');
                bufferSection = Section();
                if (title.Length > 0)
                {
                    result.Add(new PlanParagraph(result.Count, title, bufferSection, LeadOf(title, 30), ParagraphRole.ColumnTitle, []));
                }
                continue;
            }
            if (Level1().Match(line) is { Success: true } h1)
            {
                l1 = h1.Groups[1].Value; l2 = l3 = null; column = columnSub = null;
                Start(line[h1.Length..], ParagraphRole.Heading);
                continue;
            }
            if (Level2().Match(line) is { Success: true } h2)
            {
                l2 = h2.Groups[1].Value; l3 = null; column = columnSub = null;
                Start(line[h2.Length..], ParagraphRole.Heading);
                continue;
            }
            if (Decimal().Match(line) is { Success: true } hd && line.Length <= 40)
            {
                l1 = hd.Groups[1].Value; l2 = l3 = null; column = columnSub = null;
                Start(line[hd.Length..], ParagraphRole.Heading);
                continue;
            }
            if (Level3().Match(line) is { Success: true } h3)
            {
                l3 = h3.Groups[1].Value;
                Start(line[h3.Length..], ParagraphRole.Heading);
                continue;
            }

            // A heading's bare title (2. 体外诊断类) ends its paragraph; running text broken mid-sentence (003) continues.
            var bareTitle = bufferRole == ParagraphRole.Heading && bufferLead is not null && bufferLead.Length == buffer.Length;
            var continues = buffer.Length > 0 && !EndsSentence(buffer[^1]) && !bareTitle;
            if (continues)
            {
                buffer.Append(line);
                continue;
            }
            if (column is not null && LeadOf(line, 20) is { } sub)
            {
                columnSub = sub;
                Start(line, ParagraphRole.ColumnItem);
                continue;
            }
            Start(line, ParagraphRole.Body);
        }
        Flush();
        return result;
    }

    /// <summary>The sentences (up to 。 ; ! ?) of a paragraph, with their offsets.</summary>
    public static IEnumerable<(int Start, string Text)> Sentences(string paragraph)
    {
        var start = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            if (paragraph[i] is '。' or ';' or '!' or '?')
            {
                if (i > start) yield return (start, paragraph[start..i]);
                start = i + 1;
            }
        }
        if (start < paragraph.Length) yield return (start, paragraph[start..]);
    }

    /// <summary>A heading's or column item's short title: the text up to its first 。 (or all of a short line), without commas.</summary>
    public static string? LeadOf(string text, int max)
    {
        var end = text.IndexOf('。', StringComparison.Ordinal);
        var lead = (end < 0 ? text : text[..end]).Trim();
        if (end < 0 && lead.Length > max) return null;
        return lead.Length is > 0 && lead.Length <= max && lead.IndexOfAny([',', ';', ':', '、']) < 0 ? lead : null;
    }

    private static bool EndsSentence(char c) => c is '。' or ';' or '!' or '?' or ':';

    [GeneratedRegex(@"^附录([\d.]*)")]
    private static partial Regex Appendix();

    [GeneratedRegex(@"^专栏(\d+)(.*)$")]
    private static partial Regex Column();

    [GeneratedRegex(@"^([一二三四五六七八九十]+)、")]
    private static partial Regex Level1();

    [GeneratedRegex(@"^\(([一二三四五六七八九十]+)\)")]
    private static partial Regex Level2();

    [GeneratedRegex(@"^(\d{1,2}(?:\.\d{1,2}){1,3}(?=[^\d.%])|\d{1,2}(?=[\u4e00-\u9fff])(?![个家项年台种万亿月日]))")]
    private static partial Regex Decimal();

    [GeneratedRegex(@"^(\d{1,2})[.、](?!\d)")]
    private static partial Regex Level3();
}
