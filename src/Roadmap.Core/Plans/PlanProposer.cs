using System.Security.Cryptography;
using System.Text;
using Roadmap.Core.Graph;
using Roadmap.Core.Rules;
using Roadmap.Core.Seeds;

namespace Roadmap.Core.Plans;

/// <summary>
/// Reads a plan's text and proposes what the curation would write, with the graph as the vocabulary: mentions of
/// existing nodes (new sources), new nodes from the plans' enumerations, edges from their structures (a row or
/// paragraph's 关键技术 and 关键部件, a class heading's items, a program column's items), judgements from status wording
/// and targets from spec rows and goal sentences. Every quote is checked against the plan before it is proposed.
/// </summary>
public static class PlanProposer
{
    public static ProposalSet Propose(GraphIndex vocabulary, Node document)
    {
        var text = document.Text ?? throw new ArgumentException($"'{document.Id}' has no text", nameof(document));
        var paragraphs = PlanReader.Read(text);
        var names = new PlanVocabulary(vocabulary);
        var run = new Run(document, names, vocabulary);

        // Pass 1: the enumerations, so that a new node's name counts as a name when mentions are found.
        var contexts = ContextKinds(paragraphs);
        foreach (var paragraph in paragraphs)
        {
            foreach (var item in PlanLists.Items(paragraph, contexts[paragraph.Index])) run.NewNode(item, paragraph.Section);
            if (paragraph.Role == ParagraphRole.Row && paragraph.Cells.Count > 0)
            {
                foreach (var product in RowProducts(paragraph.Cells[0]))
                {
                    run.NewNode(new ListItem(product, NodeKind.Product, null, paragraph.Cells[0], "row.product", null, null), paragraph.Section);
                }
            }
            if (paragraph.Role is ParagraphRole.Heading or ParagraphRole.ColumnItem or ParagraphRole.ColumnTitle && paragraph.Lead is { } lead)
            {
                run.HeadingNode(lead, paragraph.Section);
            }
        }

        // Pass 2: mentions, edges, judgements and targets, paragraph by paragraph with the headings in force.
        string? classSubject = null, program = null;
        foreach (var paragraph in paragraphs)
        {
            string? lead = paragraph.Lead is { } l ? run.Resolve(l) : null;
            switch (paragraph.Role)
            {
                case ParagraphRole.ColumnTitle:
                    classSubject = null;
                    program = lead is not null && names.KindOf(lead) == NodeKind.Program ? lead : null;
                    continue;
                case ParagraphRole.Heading:
                    if (!paragraph.Section.StartsWith("专栏", StringComparison.Ordinal)) program = null;
                    classSubject = lead is not null && names.KindOf(lead) == NodeKind.Product ? lead : null;
                    if (lead is not null && names.KindOf(lead) == NodeKind.Program) program = lead;
                    break;
            }
            run.Paragraph(paragraph, classSubject, program, lead);
        }
        return new ProposalSet(document, run.Result());
    }

    /// <summary>The kind a 专栏 item's title gives its lists (攻关先进基础材料 → materials), carried by its paragraphs.</summary>
    private static Dictionary<int, (NodeKind, ComponentType?)?> ContextKinds(IReadOnlyList<PlanParagraph> paragraphs)
    {
        var result = new Dictionary<int, (NodeKind, ComponentType?)?>();
        foreach (var p in paragraphs)
        {
            result[p.Index] = p.Role == ParagraphRole.ColumnItem && p.Lead is { } lead
                && PlanLists.CueVerbs.Any(c => lead.StartsWith(c, StringComparison.Ordinal)) && PlanLists.KindOfHead(lead) is { } k ? k : null;
        }
        return result;
    }

    /// <summary>A table row's products: PET-MRI 和 PET-CT is two.</summary>
    private static IEnumerable<string> RowProducts(string cell) =>
        cell.Split(['和', '、', '及'], StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 2 && p.Length <= 30);

    internal static string ProposalId(ProposalKind kind, string payload, string quote)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{payload}\n{QuoteFolding.Fold(quote)}"));
        return "proposal:" + Convert.ToHexStringLower(hash)[..16];
    }

    private sealed class Run(Node document, PlanVocabulary names, GraphIndex graph)
    {
        private readonly List<Proposal> _proposals = [];
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ProposedNode> _newByName = new(StringComparer.Ordinal);
        private readonly HashSet<string> _mentioned = new(StringComparer.Ordinal);
        private readonly HashSet<string> _edges = new(StringComparer.Ordinal);
        private readonly HashSet<string> _judged = new(StringComparer.Ordinal);
        private readonly HashSet<string> _targets = new(StringComparer.Ordinal);

        public List<Proposal> Result() => _proposals;

        /// <summary>The node a whole name names: an existing one (products first) or one proposed here.</summary>
        public string? Resolve(string name)
        {
            var ids = names.Named(name);
            if (ids.Count == 0) return null;
            return ids.OrderBy(id => names.KindOf(id) switch { NodeKind.Product => 0, NodeKind.Program => 1, NodeKind.Component => 2, _ => 3 }).First();
        }

        public void HeadingNode(string lead, string section)
        {
            if (names.Named(lead).Count > 0) return;
            if (lead.EndsWith("行动", StringComparison.Ordinal) || lead.EndsWith("工程", StringComparison.Ordinal) || lead.EndsWith("专项", StringComparison.Ordinal)
                || lead.EndsWith("基地", StringComparison.Ordinal) || lead.EndsWith("平台", StringComparison.Ordinal) || lead.EndsWith("中心", StringComparison.Ordinal))
            {
                NewNode(new ListItem(lead, NodeKind.Program, null, lead, "heading.program", null, null), section);
            }
            else if (lead.EndsWith('类') || PlanLists.KindOfItem(lead) is { Kind: NodeKind.Product })
            {
                NewNode(new ListItem(lead, NodeKind.Product, null, lead, "heading.class", null, null), section);
            }
        }

        public void NewNode(ListItem item, string section)
        {
            var folded = QuoteFolding.Fold(item.NameZh);
            if (names.Named(folded).Count > 0 || _newByName.ContainsKey(folded)) return;
            var english = PlanGlossary.English(folded);
            var rule = item.Rule;
            var confidence = item.Rule.StartsWith("row.", StringComparison.Ordinal) ? 0.85 : item.Rule.StartsWith("heading.", StringComparison.Ordinal) ? 0.6 : 0.7;
            string id;
            if (english is null)
            {
                rule += "+en-untranslated";
                confidence = Math.Min(confidence, 0.5);
                english = "(untranslated) " + folded;
                id = $"{Prefix(item.Kind)}new-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(item.Kind + folded)))[..8]}";
            }
            else
            {
                id = Prefix(item.Kind) + Slug(english);
                if (graph.IndexOf(id) >= 0 || names.KindOf(id) is not null) id += "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folded)))[..6];
            }
            var node = new ProposedNode(id, item.Kind, item.ComponentType, folded, english);
            var duplicates = Duplicates(folded, item.Kind);
            if (!Emit(ProposalKind.Node, $"{id}|{item.Kind}|{item.ComponentType}|{folded}", item.Clause, section, rule, confidence, node: node, duplicates: duplicates)) return;
            _newByName[folded] = node;
            names.Add(folded, id);
            names.AddKind(id, item.Kind);
            if (item.UsedBy is { } user && Resolve(user) is { } userId)
            {
                Edge(userId, EdgeType.Requires, id, null, NeedReach.EveryMember, item.Clause, section, "list.for-use", 0.6);
            }
        }

        private List<string> Duplicates(string folded, NodeKind kind)
        {
            var result = new List<string>();
            foreach (var (name, ids) in names.Names)
            {
                if (name.Length < 2 || !(name.Contains(folded, StringComparison.Ordinal) || folded.Contains(name, StringComparison.Ordinal))) continue;
                foreach (var id in ids)
                {
                    if (names.KindOf(id) == kind && graph.IndexOf(id) >= 0 && !result.Contains(id)) result.Add(id);
                }
                if (result.Count >= 8) break;
            }
            result.Sort(StringComparer.Ordinal);
            return result;
        }

        public void Paragraph(PlanParagraph paragraph, string? classSubject, string? program, string? lead)
        {
            var section = paragraph.Section;
            // Whose needs this paragraph states: a table row's products, a column item's or heading's own node.
            List<string> subjects = [];
            var reach = NeedReach.EveryMember;
            var subjectRule = "paragraph";
            if (paragraph.Role == ParagraphRole.Row && paragraph.Cells.Count > 0)
            {
                subjects = [.. RowProducts(paragraph.Cells[0]).Select(Resolve).OfType<string>().Where(id => names.KindOf(id) == NodeKind.Product)];
                subjectRule = "row";
            }
            else if (lead is not null && names.KindOf(lead) is NodeKind.Product)
            {
                // A column item's paragraph states its own needs and members. A numbered heading's paragraph is a class's
                // (影像设备): its needs are the class's as a whole, and its lists are read as members, not needs.
                if (paragraph.Role == ParagraphRole.ColumnItem) subjects = [lead];
                subjectRule = "column-item";
            }
            if (classSubject is not null)
            {
                foreach (var s in subjects.Where(s => s != classSubject))
                {
                    Edge(s, EdgeType.VariantOf, classSubject, null, NeedReach.EveryMember, paragraph.Cells.Count > 0 ? paragraph.Cells[0] : paragraph.Lead!, section, subjectRule + ".variant-of-class", 0.6);
                }
            }

            foreach (var (_, sentence) in PlanReader.Sentences(paragraph.Text))
            {
                var dueYear = DueYear(sentence);
                var clauses = Clauses(sentence);
                foreach (var (clauseStart, clause) in clauses)
                {
                    var matches = names.Find(clause).ToList();
                    foreach (var m in matches)
                    {
                        foreach (var id in m.Ids)
                        {
                            var kind = names.KindOf(id);
                            if (graph.IndexOf(id) >= 0 && _mentioned.Add(id + "|" + section))
                            {
                                Emit(ProposalKind.Source, id, Trim(clause), section, "mention", m.Name.All(char.IsAscii) && m.Length <= 3 ? 0.7 : 0.9, source: new ProposedSource(id));
                            }
                            if (subjects.Contains(id)) continue;
                            foreach (var subject in subjects)
                            {
                                switch (kind)
                                {
                                    case NodeKind.Technology:
                                        Edge(subject, EdgeType.UsesTechnology, id, GroupOf(id), reach, clause, section, subjectRule + ".uses-technology", subjectRule == "row" ? 0.85 : 0.6);
                                        break;
                                    case NodeKind.Component:
                                        Edge(subject, EdgeType.Requires, id, GroupOf(id), reach, clause, section, subjectRule + ".requires", subjectRule == "row" ? 0.85 : 0.6);
                                        break;
                                    case NodeKind.Product when paragraph.Role != ParagraphRole.Row:
                                        Edge(id, EdgeType.VariantOf, subject, null, NeedReach.EveryMember, clause, section, subjectRule + ".variant-of", 0.5);
                                        break;
                                }
                            }
                            if (program is not null && kind is NodeKind.Technology or NodeKind.Component or NodeKind.Product)
                            {
                                Edge(program, EdgeType.Targets, id, null, NeedReach.EveryMember, clause, section, "program.targets", 0.6);
                            }
                        }
                    }
                    Judge(clause, matches, sentence, section);
                    Targets(clause, matches, subjects, program, dueYear, section);
                }
            }
        }

        private readonly Dictionary<string, string?> _groups = new(StringComparer.Ordinal);

        private string? GroupOf(string id) => _groups.GetValueOrDefault(id);

        public void Group(string id, string group) => _groups[id] = group;

        private static readonly (string Word, AssessmentStatus Status)[] StatusWords =
        [
            ("依赖进口", AssessmentStatus.ImportDependent), ("进口依赖", AssessmentStatus.ImportDependent), ("受制于人", AssessmentStatus.ImportDependent),
            ("以进口为主", AssessmentStatus.ImportDependent), ("国内空白", AssessmentStatus.DomesticGap), ("取得突破", AssessmentStatus.Breakthrough),
            ("突破了", AssessmentStatus.Breakthrough), ("迅速突破", AssessmentStatus.Breakthrough), ("实现国产化", AssessmentStatus.Breakthrough),
            ("成功国产化", AssessmentStatus.Breakthrough), ("具备一定基础", AssessmentStatus.Foundation), ("已有一定技术积累", AssessmentStatus.Foundation),
            ("达到国际先进水平", AssessmentStatus.Advanced),
        ];

        private void Judge(string clause, List<NameMatch> matches, string sentence, string section)
        {
            foreach (var (word, status) in StatusWords)
            {
                var at = clause.IndexOf(word, StringComparison.Ordinal);
                if (at < 0) continue;
                var before = clause[..at];
                // A goal is not a status: 填补国内空白, 推动…达到国际先进水平, 争取/力争…
                if (before.EndsWith("填补", StringComparison.Ordinal) || before.Contains("争取", StringComparison.Ordinal) || before.Contains("力争", StringComparison.Ordinal)
                    || before.Contains("推动", StringComparison.Ordinal) && status == AssessmentStatus.Advanced
                    || before.Contains("到20", StringComparison.Ordinal) || before.EndsWith("实现", StringComparison.Ordinal) && status != AssessmentStatus.Breakthrough) continue;
                var named = matches.Count > 0 ? matches : names.Find(sentence).ToList();
                if (named.Count > 12) continue;
                foreach (var m in named)
                {
                    foreach (var id in m.Ids)
                    {
                        if (names.KindOf(id) is not (NodeKind.Technology or NodeKind.Component or NodeKind.Product)) continue;
                        if (!_judged.Add(id + "|" + status)) continue;
                        var quote = matches.Count > 0 ? Trim(clause) : Trim(sentence);
                        Emit(ProposalKind.Assessment, $"{id}|{status}", quote, section, "status." + EnumNames.ToConstant(status).ToLowerInvariant().Replace('_', '-'), 0.8,
                            assessment: new ProposedAssessment(id, status, AssessmentBasis.Stated));
                    }
                }
                break;
            }
        }

        private static readonly System.Text.RegularExpressions.Regex Spec = new(
            @"(?<metric>[\u4e00-\u9fffA-Za-z]{1,10}?)(?:\((?:横向/轴向|[^)]{0,8})\))?(?<cmp>≥|≤|>|<|不小于|不低于|不少于|不大于|不高于|不超过|大于|小于|超过)\s*(?<val>\d+(?:\.\d+)?)(?:/\d+(?:\.\d+)?)?(?<unit>cps/kBq|MHU|rpm|mm|μm|cm|kW|MHz|LPM|T|%|排|层|通道|项|家|个|台|种|轴|°/s)?",
            System.Text.RegularExpressions.RegexOptions.Compiled);

        private static readonly System.Text.RegularExpressions.Regex Suffixed = new(
            @"(?<val>\d+(?:\.\d+)?)(?<unit>排|层|通道|项|家|个|台|种|T|%|mm)(?<cmp>以上|以下)",
            System.Text.RegularExpressions.RegexOptions.Compiled);

        private static readonly Dictionary<string, string> Metrics = new(StringComparer.Ordinal)
        {
            ["场强"] = "magnetic field strength", ["通道数"] = "channel count", ["扫描层数"] = "slices per rotation", ["扫描速度"] = "scan speed",
            ["灵敏度"] = "sensitivity", ["空间分辨率"] = "spatial resolution", ["像素"] = "pixel pitch", ["图像矩阵"] = "image matrix",
            ["球管热容量"] = "tube heat capacity", ["C臂机架"] = "C-arm axes", ["最大旋转速度"] = "maximum rotation speed", ["视野"] = "field of view",
        };

        private void Targets(string clause, List<NameMatch> matches, List<string> subjects, string? program, int? dueYear, string section)
        {
            foreach (System.Text.RegularExpressions.Match m in Spec.Matches(clause)) Target(m, false, clause, matches, subjects, program, dueYear, section);
            foreach (System.Text.RegularExpressions.Match m in Suffixed.Matches(clause)) Target(m, true, clause, matches, subjects, program, dueYear, section);
        }

        private void Target(System.Text.RegularExpressions.Match m, bool suffixed, string clause, List<NameMatch> matches, List<string> subjects, string? program, int? dueYear, string section)
        {
            var value = double.Parse(m.Groups["val"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var unit = m.Groups["unit"].Success && m.Groups["unit"].Length > 0 ? m.Groups["unit"].Value : null;
            if (unit is null && value >= 1900 && value <= 2100) return;
            var cmp = m.Groups["cmp"].Value switch
            {
                "≥" or "不小于" or "不低于" or "不少于" or "以上" => Comparator.Gte,
                "≤" or "不大于" or "不高于" or "不超过" or "以下" => Comparator.Lte,
                ">" or "大于" or "超过" => Comparator.Gt,
                _ => Comparator.Lt,
            };
            // The node: a product the clause names, else the row's or item's product, else the program (a count of 项, 家, 个).
            var node = matches.SelectMany(x => x.Ids).FirstOrDefault(id => names.KindOf(id) == NodeKind.Product)
                ?? subjects.FirstOrDefault()
                ?? (unit is "项" or "家" or "个" or "台" or "种" ? program : null);
            if (node is null) return;
            var metricZh = suffixed ? "" : m.Groups["metric"].Value;
            var metric = Metrics.GetValueOrDefault(metricZh) ?? (suffixed ? "count" : "(untranslated) " + metricZh);
            var quote = Trim(clause);
            if (!_targets.Add($"{node}|{value}|{unit}")) return;
            Emit(ProposalKind.Target, $"{node}|{metric}|{cmp}|{value}|{unit}|{dueYear}", quote, section, suffixed ? "target.count-suffix" : "target.spec", 0.75,
                target: new ProposedTarget(node, metric, cmp, value, unit, dueYear));
        }

        private static int? DueYear(string sentence)
        {
            var m = System.Text.RegularExpressions.Regex.Match(sentence, @"到(20\d\d)年");
            return m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        }

        private void Edge(string from, EdgeType type, string to, string? group, NeedReach reach, string clause, string section, string rule, double confidence)
        {
            if (from == to || names.KindOf(from) is not { } fk || names.KindOf(to) is not { } tk || !NodeKinds.Allows(type, fk, tk)) return;
            if (type is not (EdgeType.Requires or EdgeType.UsesTechnology)) { group = null; reach = NeedReach.EveryMember; }
            if (!_edges.Add($"{from}|{type}|{to}")) return;
            Emit(ProposalKind.Edge, $"{from}|{type}|{to}|{group}|{reach}", Trim(clause), section, rule, confidence, edge: new ProposedEdge(from, type, to, group, reach));
        }

        private bool Emit(ProposalKind kind, string payload, string quote, string section, string rule, double confidence,
            ProposedNode? node = null, ProposedEdge? edge = null, ProposedAssessment? assessment = null, ProposedTarget? target = null, ProposedSource? source = null,
            IReadOnlyList<string>? duplicates = null)
        {
            if (quote.Length == 0 || GraphRules.TextLength(quote) > GraphRules.MaxQuoteLength) return false;
            if (GraphRules.Quote(new Source(document.Id, section, quote), document) is not null) return false;
            var id = ProposalId(kind, payload, quote);
            if (!_ids.Add(id)) return false;
            _proposals.Add(new Proposal(id, kind, quote, section, rule, Math.Round(confidence, 2), node, edge, assessment, target, source, duplicates));
            return true;
        }
    }

    /// <summary>A sentence's comma clauses; a list joined by 、 stays in one clause.</summary>
    private static List<(int Start, string Text)> Clauses(string sentence)
    {
        var result = new List<(int, string)>();
        var start = 0;
        var depth = 0;
        for (var i = 0; i < sentence.Length; i++)
        {
            if (sentence[i] == '(') depth++;
            else if (sentence[i] == ')') depth = Math.Max(0, depth - 1);
            else if (sentence[i] is ',' or ':' && depth == 0)
            {
                if (i > start) result.Add((start, sentence[start..i]));
                start = i + 1;
            }
        }
        if (start < sentence.Length) result.Add((start, sentence[start..]));
        return result;
    }

    private static string Trim(string clause)
    {
        var s = clause.Trim().Trim(',', '、', ';', ':');
        return s.Length > 300 ? s[..300] : s;
    }

    internal static string Prefix(NodeKind kind) => NodeKinds.Prefix(kind);

    internal static string Slug(string english)
    {
        var sb = new StringBuilder();
        foreach (var c in english.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }
}
