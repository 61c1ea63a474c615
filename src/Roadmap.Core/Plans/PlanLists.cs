using Roadmap.Core.Graph;

namespace Roadmap.Core.Plans;

/// <summary>An item of a plan's enumeration: its name, the kind its cue or head noun gives it, and what it serves (A in A用B).</summary>
public sealed record ListItem(string NameZh, NodeKind Kind, ComponentType? ComponentType, string Clause, string Rule, string? Group, string? UsedBy);

/// <summary>
/// The plans' enumerations: 关键技术:A,B / 关键部件:C、D cells of a table row, "…A、B、C等关键部件" lists after a cue verb
/// (重点突破, 攻克, 研发, 开发…), and the lists of a 专栏 item whose title gives the kind (攻关先进基础材料). Items cut from
/// a shared head noun get it back; A/B and A或B are alternatives.
/// </summary>
public static class PlanLists
{
    internal static readonly string[] CueVerbs =
    [
        "着力攻关", "重点突破", "重点开发", "重点发展", "重点推进", "重点研发", "重点解决", "积极发展", "加快推进", "加快发展", "推动", "推进", "突破", "攻克",
        "攻关", "研发", "研制", "开发", "发展", "加快", "鼓励", "支持", "开展", "包括", "聚焦", "围绕", "加强", "提升", "重点", "实现", "布局", "部署",
    ];

    private static readonly (string Head, NodeKind Kind, ComponentType? Type)[] Heads =
    [
        ("关键技术", NodeKind.Technology, null), ("核心技术", NodeKind.Technology, null), ("共性技术", NodeKind.Technology, null),
        ("前沿技术", NodeKind.Technology, null), ("技术", NodeKind.Technology, null),
        ("关键零部件", NodeKind.Component, ComponentType.Part), ("关键部件", NodeKind.Component, ComponentType.Part),
        ("核心部件", NodeKind.Component, ComponentType.Part), ("零部件", NodeKind.Component, ComponentType.Part),
        ("部件", NodeKind.Component, ComponentType.Part), ("元器件", NodeKind.Component, ComponentType.Electronic),
        ("芯片", NodeKind.Component, ComponentType.Electronic), ("传感器", NodeKind.Component, ComponentType.Electronic),
        ("材料", NodeKind.Component, ComponentType.Material), ("试剂", NodeKind.Component, ComponentType.Reagent),
        ("软件", NodeKind.Component, ComponentType.Software),
        ("产品", NodeKind.Product, null), ("装备", NodeKind.Product, null), ("设备", NodeKind.Product, null),
        ("系统", NodeKind.Product, null), ("器械", NodeKind.Product, null), ("仪器", NodeKind.Product, null),
    ];

    // An item's own head noun, longest first: what it is when its list does not say.
    internal static readonly (string Suffix, NodeKind Kind, ComponentType? Type)[] Suffixes =
    [
        ("手术机器人", NodeKind.Product, null), ("机器人", NodeKind.Product, null), ("成像技术", NodeKind.Technology, null),
        ("技术", NodeKind.Technology, null), ("算法", NodeKind.Technology, null), ("成像", NodeKind.Technology, null),
        ("芯片", NodeKind.Component, ComponentType.Electronic), ("传感器", NodeKind.Component, ComponentType.Electronic),
        ("元器件", NodeKind.Component, ComponentType.Electronic), ("连接器", NodeKind.Component, ComponentType.Electronic),
        ("光电倍增管", NodeKind.Component, ComponentType.Electronic), ("软件", NodeKind.Component, ComponentType.Software),
        ("试剂", NodeKind.Component, ComponentType.Reagent), ("质控品", NodeKind.Component, ComponentType.Reagent),
        ("材料", NodeKind.Component, ComponentType.Material), ("合金", NodeKind.Component, ComponentType.Material),
        ("膜", NodeKind.Component, ComponentType.Material), ("晶体", NodeKind.Component, ComponentType.Material),
        ("闪烁体", NodeKind.Component, ComponentType.Material), ("无氧铜", NodeKind.Component, ComponentType.Material),
        ("探测器", NodeKind.Component, ComponentType.Part), ("球管", NodeKind.Component, ComponentType.Part),
        ("线圈", NodeKind.Component, ComponentType.Part), ("磁体", NodeKind.Component, ComponentType.Part),
        ("探头", NodeKind.Component, ComponentType.Part), ("换能器", NodeKind.Component, ComponentType.Part),
        ("部件", NodeKind.Component, ComponentType.Part), ("谱仪", NodeKind.Component, ComponentType.Part),
        ("放大器", NodeKind.Component, ComponentType.Part), ("发生器", NodeKind.Component, ComponentType.Part),
        ("滑环", NodeKind.Component, ComponentType.Part), ("阀", NodeKind.Component, ComponentType.Part),
        ("泵", NodeKind.Component, ComponentType.Part), ("电机", NodeKind.Component, ComponentType.Part),
        ("镜头", NodeKind.Component, ComponentType.Part), ("机架", NodeKind.Component, ComponentType.Part),
        ("系统", NodeKind.Product, null), ("设备", NodeKind.Product, null), ("装备", NodeKind.Product, null),
        ("装置", NodeKind.Product, null), ("器械", NodeKind.Product, null), ("产品", NodeKind.Product, null),
        ("分析仪", NodeKind.Product, null), ("检测仪", NodeKind.Product, null), ("仪", NodeKind.Product, null),
        ("支架", NodeKind.Product, null), ("导管", NodeKind.Product, null), ("起搏器", NodeKind.Product, null),
        ("显微镜", NodeKind.Product, null), ("内窥镜", NodeKind.Product, null), ("机", NodeKind.Product, null),
        ("器", NodeKind.Product, null),
    ];

    private static readonly string[] NotAnItem =
    [
        "提高", "提升", "达到", "满足", "促进", "一批", "水平", "能力", "问题", "推动", "实现", "加强", "完善", "建立", "建设", "形成",
        "应用", "服务", "标准", "企业", "产业", "我国", "国产", "机制", "体系", "领域", "方向", "需求", "研究", "示范", "基础", "重大", "新一代", "创新",
    ];

    /// <summary>The kind a head noun (关键部件, 材料, 装备) gives the items before it, or null.</summary>
    public static (NodeKind Kind, ComponentType? Type)? KindOfHead(string text)
    {
        foreach (var (head, kind, type) in Heads)
        {
            if (text.StartsWith(head, StringComparison.Ordinal) || text.Contains(head, StringComparison.Ordinal)) return (kind, type);
        }
        return null;
    }

    /// <summary>The kind an item's own head noun gives it, with the noun, or null.</summary>
    public static (NodeKind Kind, ComponentType? Type, string Suffix)? KindOfItem(string item)
    {
        foreach (var (suffix, kind, type) in Suffixes)
        {
            if (item.EndsWith(suffix, StringComparison.Ordinal)) return (kind, type, suffix);
        }
        return null;
    }

    /// <summary>The component type an item's own words say (材料, 芯片, 软件, 试剂), else the list's.</summary>
    private static ComponentType TypeOf(string item, ComponentType? listType)
    {
        if (KindOfItem(item) is { Kind: NodeKind.Component, Type: { } own } && own != ComponentType.Part) return own;
        return listType ?? ComponentType.Part;
    }

    /// <summary>The items a paragraph enumerates. <paramref name="contextKind"/> is the kind its 专栏 item's title gives.</summary>
    public static IEnumerable<ListItem> Items(PlanParagraph paragraph, (NodeKind Kind, ComponentType? Type)? contextKind)
    {
        foreach (var (_, sentence) in PlanReader.Sentences(paragraph.Text))
        {
            // 关键技术:A,B / 关键部件:C、D, as table rows and product paragraphs write them.
            var colon = sentence.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && colon <= 6 && KindOfHead(sentence[..colon]) is { } labelled && sentence[..colon] is var label
                && (label.EndsWith("技术", StringComparison.Ordinal) || label.EndsWith("部件", StringComparison.Ordinal) || label.EndsWith("材料", StringComparison.Ordinal)))
            {
                var rule = labelled.Kind == NodeKind.Technology ? "row.key-technologies" : "row.key-parts";
                foreach (var segment in sentence[(colon + 1)..].Split(','))
                {
                    var list = segment;
                    var kind = labelled;
                    var deng = segment.LastIndexOf('等');
                    if (deng > 0 && KindOfHead(segment[(deng + 1)..]) is { } headKind)
                    {
                        list = segment[..deng];
                        kind = labelled.Kind == NodeKind.Technology ? labelled : (labelled.Kind, headKind.Type ?? labelled.Type);
                        foreach (var item in Split(list, '、', kind, segment, rule)) yield return item;
                    }
                    else
                    {
                        foreach (var item in Split(list, '\0', kind, segment, rule)) yield return item;
                    }
                }
                continue;
            }
            foreach (var clause in sentence.Split(','))
            {
                var deng = clause.LastIndexOf('等');
                if (deng > 0 && KindOfHead(clause[(deng + 1)..]) is { } headKind)
                {
                    var list = AfterCue(clause[..deng]);
                    var mixed = clause[(deng + 1)..].Contains('和') || clause[(deng + 1)..].Contains('与') || clause[(deng + 1)..].Contains('及');
                    var rule = headKind.Kind switch { NodeKind.Technology => "list.technologies", NodeKind.Component => "list.components", _ => "list.products" };
                    foreach (var item in Split(list, '、', mixed ? null : headKind, clause, rule)) yield return item;
                }
                else if (StartsWithCue(clause) is { } cue && clause.Contains('、'))
                {
                    foreach (var item in Split(AfterCue(clause), '、', null, clause, "list.after-cue")) yield return item;
                }
                else if (contextKind is { } ctx && paragraph.Role == ParagraphRole.ColumnItem && clause != paragraph.Lead)
                {
                    foreach (var item in Split(AfterCue(clause), '、', ctx, clause, "column.list")) yield return item;
                }
            }
        }
    }

    private static string? StartsWithCue(string clause) => CueVerbs.FirstOrDefault(c => clause.StartsWith(c, StringComparison.Ordinal));

    /// <summary>The list after the last cue verb, and after 的 when a modifier precedes it (鼓励国内空白的A、B).</summary>
    internal static string AfterCue(string text)
    {
        var start = 0;
        foreach (var cue in CueVerbs)
        {
            var at = text.LastIndexOf(cue, StringComparison.Ordinal);
            if (at >= 0 && at + cue.Length > start && at < 12) start = at + cue.Length;
        }
        var rest = text[start..];
        var firstItemEnd = rest.IndexOf('、');
        var de = (firstItemEnd < 0 ? rest : rest[..firstItemEnd]).LastIndexOf('的');
        if (de >= 0 && rest.Length - de > 2) rest = rest[(de + 1)..];
        return rest;
    }

    private static IEnumerable<ListItem> Split(string list, char separator, (NodeKind Kind, ComponentType? Type)? kind, string clause, string rule)
    {
        var raw = (separator == '\0' ? [list] : list.Split(separator)).Select(Clean).Where(i => i.Length > 0).ToList();
        if (raw.Count == 0) yield break;
        // A shared head noun: short fragments before an item that ends with one (口腔 in 心脑血管、口腔…手术机器人).
        var head = KindOfItem(raw[^1]) is { } last && raw[^1].Length > last.Suffix.Length ? last.Suffix : null;
        for (var i = 0; i < raw.Count; i++)
        {
            var item = raw[i];
            var itemRule = rule;
            if (head is not null && i < raw.Count - 1 && item.Length <= 4 && KindOfItem(item) is null)
            {
                item += head;
                itemRule = rule + "+head-noun";
            }
            string? usedBy = null;
            var yong = item.IndexOf('用', StringComparison.Ordinal);
            if (yong >= 2 && item.Length - yong > 2)
            {
                usedBy = item[..yong];
                item = item[(yong + 1)..];
            }
            foreach (var (name, group) in Alternatives(item))
            {
                if (!Plausible(name)) continue;
                var own = KindOfItem(name);
                var k = kind?.Kind ?? own?.Kind;
                if (k is null) continue;
                if (kind is null && own is { } o && o.Suffix.Length == 1 && name.Length < 3) continue;
                var type = k == NodeKind.Component ? TypeOf(name, kind?.Type ?? own?.Type) : (ComponentType?)null;
                yield return new ListItem(name, k.Value, type, clause, group is null ? itemRule : itemRule + "+alternative", group, usedBy);
            }
        }
    }

    /// <summary>CCD/CMOS图像传感器 is a CCD or a CMOS sensor; A或B is A or B.</summary>
    private static IEnumerable<(string Name, string? Group)> Alternatives(string item)
    {
        var slash = System.Text.RegularExpressions.Regex.Match(item, @"^(.*?)([A-Za-z]{2,})/([A-Za-z]{2,})(.+)$");
        if (slash.Success)
        {
            var group = "alt-" + slash.Groups[2].Value.ToLowerInvariant() + "-" + slash.Groups[3].Value.ToLowerInvariant();
            yield return (slash.Groups[1].Value + slash.Groups[2].Value + slash.Groups[4].Value, group);
            yield return (slash.Groups[1].Value + slash.Groups[3].Value + slash.Groups[4].Value, group);
            yield break;
        }
        var or = item.IndexOf('或');
        if (or > 1 && item.Length - or > 2)
        {
            var group = "alt-" + Math.Abs(StableHash(item)).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
            yield return (item[..or], group);
            yield return (item[(or + 1)..], group);
            yield break;
        }
        yield return (item, null);
    }

    internal static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s) h = unchecked(h * 31 + c);
        return h & 0x7fffffff;
    }

    private static string Clean(string item)
    {
        var s = item.Trim();
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var cue in CueVerbs)
            {
                if (s.StartsWith(cue, StringComparison.Ordinal) && s.Length > cue.Length + 1) { s = s[cue.Length..]; changed = true; }
            }
        }
        if (s.EndsWith('等')) s = s[..^1];
        return s.Trim('"', '“', '”', ' ');
    }

    private static bool Plausible(string name) =>
        name.Length is >= 2 and <= 30
        && name.Any(c => c > 0x2e80)
        && !NotAnItem.Any(w => name.Contains(w, StringComparison.Ordinal) && name.Length <= w.Length + 4 && !name.EndsWith("技术", StringComparison.Ordinal) && KindOfItem(name) is null)
        && !name.Contains(',') && !name.Contains(':') && !name.Contains('。')
        && !name.StartsWith("到20", StringComparison.Ordinal);
}
