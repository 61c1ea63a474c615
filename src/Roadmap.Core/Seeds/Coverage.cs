using System.Text.RegularExpressions;
using Roadmap.Core.Graph;

namespace Roadmap.Core.Seeds;

/// <summary>One enumeration a plan lists explicitly: how many items it has, and the items no node names (with the run they stand in).</summary>
public sealed record CoverageResult(string List, bool Required, int ItemCount, IReadOnlyList<string> Missing)
{
    public int Found => ItemCount - Missing.Count;
}

/// <summary>
/// Checks the graph against the lists the plans spell out item by item (the 关键技术/关键部件/重点产品 clauses of
/// 002's appendix, the 攻关 paragraphs of 003 专栏1, the product lines of 000 专栏3 and 003 专栏2): every item must
/// be some node's nameZh or alias, so that nothing a plan lists is silently left out of the graph.
/// Items are compared folded (<see cref="QuoteFolding"/>). A run of items joined by 、 or / matches when one node
/// names the run (钽基合金丝、棒、管材) or each item is named on its own.
/// </summary>
public static partial class Coverage
{
    private sealed record Enumeration(string Name, string DocumentId, string From, string To, Regex Clause, bool Required, bool LineHeads = false);

    private static readonly Enumeration[] Lists =
    [
        new("002 附录6.1 关键技术/关键部件/重点产品", "document:high-end-device-industrialisation", "附录6.1", "二、高端药品",
            AppendixClause(), Required: true),
        new("003 专栏1 攻关先进基础材料/核心元器件/关键零部件", "document:14fyp-medical-equipment", "专栏1产业基础攻关行动", "攻关诊断检验装备配套件",
            ColumnOneClause(), Required: true),
        new("000 专栏3 product lines", "document:13fyp-medical-device-st", "专栏3", "专栏4", LineHead(), Required: false, LineHeads: true),
        new("003 专栏2 products", "document:14fyp-medical-equipment", "专栏2重点医疗装备供给能力提升行动", "六、加强品牌建设",
            ColumnTwoClause(), Required: false),
    ];

    // Chunks that are the plan's commentary on a list rather than an item of it.
    private static readonly string[] Commentary = ["推动", "提升", "提高", "确保", "满足", "达到", "实现", "主要指标"];

    private static readonly string[] LeadingVerbs = ["以及", "着力攻关", "全面突破", "攻关", "开发", "突破", "提升", "促进", "研制"];

    public static IReadOnlyList<CoverageResult> Check(GraphData graph, string documentsDirectory)
    {
        var names = graph.Nodes.Where(n => n.Kind != NodeKind.Document)
            .SelectMany(n => n.Aliases.Append(n.NameZh))
            .Select(QuoteFolding.Fold).ToHashSet(StringComparer.Ordinal);
        var files = graph.Nodes.Where(n => n.Kind == NodeKind.Document).ToDictionary(n => n.Id, n => n.File);

        var results = new List<CoverageResult>();
        foreach (var list in Lists)
        {
            if (!files.TryGetValue(list.DocumentId, out var file) || file is null) continue;
            var text = File.ReadAllText(Path.Combine(documentsDirectory, file));
            var items = new List<string>();
            var missing = new List<string>();
            foreach (var enumeration in Enumerations(list, text))
            {
                foreach (var chunk in ChunkPattern().Split(enumeration))
                {
                    var item = Clean(chunk);
                    if (item.Length == 0 || Commentary.Any(c => item.StartsWith(c, StringComparison.Ordinal) || chunk.Trim().StartsWith(c, StringComparison.Ordinal))) continue;
                    // Count the single items of a run (A、B、C are three), report each unnamed one with its run.
                    var wholeNamed = IsNamed(StripVerbs(chunk.Trim().TrimEnd('。')), names);
                    items.AddRange(wholeNamed ? [item] : PartPattern().Split(item));
                    if (!wholeNamed) missing.AddRange(Unnamed(item, names).Select(part => part == item ? item : $"{part} (in {item})"));
                }
            }
            results.Add(new CoverageResult(list.Name, list.Required, items.Count, missing));
        }
        return results;
    }

    private static IEnumerable<string> Enumerations(Enumeration list, string text)
    {
        if (list.LineHeads)
        {
            var inside = false;
            foreach (var line in text.Split('\n').Select(QuoteFolding.Fold))
            {
                if (line.StartsWith(list.From, StringComparison.Ordinal)) inside = true;
                else if (line.StartsWith(list.To, StringComparison.Ordinal)) yield break;
                else if (inside && list.Clause.Match(line) is { Success: true } head) yield return head.Groups["items"].Value;
            }
            yield break;
        }
        var folded = QuoteFolding.Fold(text);
        var start = folded.IndexOf(list.From, StringComparison.Ordinal);
        if (start < 0) yield break;
        var end = folded.IndexOf(list.To, start, StringComparison.Ordinal);
        // A column that runs over a page break repeats its heading mid-text; drop the repeats.
        var section = (end < 0 ? folded[start..] : folded[start..end]).Replace(list.From, "", StringComparison.Ordinal);
        foreach (Match match in list.Clause.Matches(section)) yield return match.Groups["items"].Value;
    }

    /// <summary>An item without the verb that introduces it and the "等…" that closes the list.</summary>
    private static string Clean(string chunk)
    {
        var item = StripVerbs(chunk.Trim());
        var etc = item.LastIndexOf('等');
        if (etc > 0 && etc >= item.Length - 16) item = item[..etc];
        return item.TrimEnd('。');
    }

    private static string StripVerbs(string item)
    {
        foreach (var verb in LeadingVerbs)
        {
            if (item.StartsWith(verb, StringComparison.Ordinal)) item = item[verb.Length..];
        }
        return item;
    }

    /// <summary>The parts of an item that no node names, matching the longest named runs first.</summary>
    private static List<string> Unnamed(string item, HashSet<string> names)
    {
        if (IsNamed(item, names)) return [];
        var parts = PartPattern().Split(item);
        var separators = PartPattern().Matches(item).Select(m => m.Value).ToArray();
        string Run(int from, int to) => string.Concat(Enumerable.Range(from, to - from + 1).Select(k => k < to ? parts[k] + separators[k] : parts[k]));

        var missing = new List<string>();
        for (var i = 0; i < parts.Length;)
        {
            var end = Enumerable.Range(i, parts.Length - i).Reverse().FirstOrDefault(j => IsNamed(Run(i, j), names), -1);
            if (end >= 0)
            {
                i = end + 1;
                continue;
            }
            // A shared head or tail written once: 高通量生化分析仪和免疫分析仪 lists 高通量免疫分析仪, and
            // 血糖及压力传感器 lists 血糖传感器.
            var (head, tail, part) = (parts[0], parts[^1], parts[i]);
            var sharesHead = i > 0 && Enumerable.Range(1, head.Length - 1).Any(n => IsNamed(head[..n] + part, names));
            var sharesTail = i < parts.Length - 1 && Enumerable.Range(1, tail.Length - 1).Any(n => IsNamed(part + tail[n..], names));
            if (!sharesHead && !sharesTail) missing.Add(part);
            i++;
        }
        return missing;
    }

    /// <summary>
    /// Named as written, without a parenthesised abbreviation, with 技术 added, or (for "X用Y", a part named by
    /// what it serves) as Y alone.
    /// </summary>
    private static bool IsNamed(string text, HashSet<string> names)
    {
        if (names.Contains(text) || names.Contains(Parenthetical().Replace(text, "")) || names.Contains(text + "技术")) return true;
        var use = text.LastIndexOf('用');
        return use > 0 && use < text.Length - 1 && IsNamed(text[(use + 1)..], names);
    }

    [GeneratedRegex("(?:关键技术|关键部件|重点产品):(?<items>.*?)(?=;|。|主要指标:|关键部件:|重点产品:|关键技术:|\\d+\\D{2,20}关键技术|$)")]
    private static partial Regex AppendixClause();

    [GeneratedRegex("攻关(?:先进基础材料|核心元器件|关键零部件)。(?<items>.*?)(?=攻关(?:核心元器件|关键零部件|诊断检验装备配套件)。|$)")]
    private static partial Regex ColumnOneClause();

    [GeneratedRegex("(?:诊断检验装备|治疗装备|监护与生命支持装备|有源植介入器械|医学科研装备)。(?<items>[^。]*)")]
    private static partial Regex ColumnTwoClause();

    [GeneratedRegex("^(?<items>[^0-9。:][^。:]{1,30})。")]
    private static partial Regex LineHead();

    [GeneratedRegex("[,;，；]")]
    private static partial Regex ChunkPattern();

    [GeneratedRegex("[、/和及]")]
    private static partial Regex PartPattern();

    [GeneratedRegex("\\([^)]*\\)")]
    private static partial Regex Parenthetical();
}
