using System.Globalization;
using System.Text.RegularExpressions;
using Roadmap.Core.Graph;

namespace Roadmap.Core.Analysis;

/// <summary>
/// Puts a roadmap's nodes on a time axis: a program spans its period, any other node the years of the plans that
/// state it; each carries the judgement in force in every year of the span, and its targets or goals as milestones.
/// </summary>
public static partial class RoadmapTimeline
{
    private static readonly NodeKind[] LaneOrder = [NodeKind.Program, NodeKind.Product, NodeKind.Component, NodeKind.Technology];

    /// <summary>The years of the documents that state a node, earliest first; documents not in the graph are left out.</summary>
    public static IReadOnlyList<int> StatedYears(GraphIndex graph, Node node) =>
        StatingDocuments(graph, node).Select(d => d.Year).OfType<int>().Distinct().Order().ToList();

    /// <summary>The documents that state something about a node (a source, an assessment, a target or goal), in id order.</summary>
    public static IReadOnlyList<Node> StatingDocuments(GraphIndex graph, Node node) =>
        NodeSelection.StatingDocuments(node)
            .Select(id => graph.IndexOf(id) is var i and >= 0 ? graph.NodeAt(i) : null)
            .OfType<Node>()
            .Where(d => d.Kind == NodeKind.Document)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The year a target or goal is due, and whether the plan gives it: a "year by which" quantity (unit year, at most
    /// or exactly a year) names it, or its clause does (到2025年); otherwise the end of the stating plan's period.
    /// Null when the plan gives none and the stating document is not in the graph.
    /// </summary>
    public static (int Year, bool Stated)? DueYear(GraphIndex graph, Quantity quantity)
    {
        if (quantity.Unit == "year" && quantity.Comparator is Comparator.Lte or Comparator.Eq
            && quantity.Value == Math.Floor(quantity.Value) && quantity.Value is >= PlanYears.Min and <= PlanYears.Max)
        {
            return ((int)quantity.Value, true);
        }
        if (YearInClause().Match(quantity.Source.Quote) is { Success: true } match
            && int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) is var year && PlanYears.Contains(year))
        {
            return (year, true);
        }
        if (graph.IndexOf(quantity.Source.DocumentId) is var d and >= 0 && graph.NodeAt(d) is { Kind: NodeKind.Document } document
            && (document.Period?.End ?? document.Period?.Start ?? document.Year) is { } periodEnd)
        {
            return (periodEnd, false);
        }
        return null;
    }

    // "到2025年" (by 2025), "至2020年" (up to 2020), "2020年前" (before 2020), "2020年底" (the end of 2020).
    [GeneratedRegex(@"(?:到|至)\s*(?<year>\d{4})\s*年|(?<year>\d{4})\s*年\s*(?:前|底|末)")]
    private static partial Regex YearInClause();

    /// <summary>A quantity as a chart label: the metric, the comparison and the unit ("sensitivity &gt; 6 cps/kBq").</summary>
    public static string Label(Quantity q)
    {
        var value = Number(q.Value);
        var comparison = q.Comparator switch
        {
            Comparator.Lt => $"< {value}",
            Comparator.Lte => $"≤ {value}",
            Comparator.Gt => $"> {value}",
            Comparator.Gte => $"≥ {value}",
            Comparator.Eq => $"= {value}",
            Comparator.Between => $"{value}–{Number(q.MaxValue ?? q.Value)}",
            Comparator.Within => $"± {value}",
            _ => value,
        };
        return q.Unit is { Length: > 0 } unit ? $"{q.Metric} {comparison} {unit}" : $"{q.Metric} {comparison}";
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>
    /// The time axis of a roadmap's nodes: every year from the earliest start or due year to the latest end or due
    /// year, and one lane per layer (PROGRAM, PRODUCT, COMPONENT, TECHNOLOGY, each when it has items), its items
    /// earliest start first. A node that no plan in the graph states, and that has no period, has no place on the axis.
    /// </summary>
    public static (IReadOnlyList<int> Years, IReadOnlyList<RoadmapLane> Lanes) Lay(GraphIndex graph, IEnumerable<Node> nodes)
    {
        var placed = new List<(Node Node, int Start, int End, RoadmapSpan Span, IReadOnlyList<RoadmapMilestone> Milestones)>();
        foreach (var node in nodes)
        {
            if (node.Kind == NodeKind.Document) continue;
            var stated = StatedYears(graph, node);
            int start, end;
            RoadmapSpan span;
            if (node.Kind == NodeKind.Program && node.Period is { } period)
            {
                // A period without an end runs on; the chart draws it to the last plan that still states the program.
                (start, end, span) = (period.Start, period.End ?? Math.Max(period.Start, stated.Count > 0 ? stated[^1] : period.Start), RoadmapSpan.ProgramPeriod);
            }
            else if (stated.Count > 0)
            {
                (start, end, span) = (stated[0], stated[^1], RoadmapSpan.StatedYears);
            }
            else
            {
                continue;
            }
            var milestones = node.Targets.Concat(node.Goals)
                .Select(q => (Quantity: q, Due: DueYear(graph, q) ?? (end, false)))
                .Select(m => new RoadmapMilestone(m.Due.Year, m.Due.Stated, Label(m.Quantity), m.Quantity, m.Quantity.Source))
                .OrderBy(m => m.DueYear)
                .ToList();
            placed.Add((node, start, end, span, milestones));
        }
        if (placed.Count == 0) return ([], []);

        var first = placed.Min(p => Math.Min(p.Start, p.Milestones.Count > 0 ? p.Milestones.Min(m => m.DueYear) : p.Start));
        var last = placed.Max(p => Math.Max(p.End, p.Milestones.Count > 0 ? p.Milestones.Max(m => m.DueYear) : p.End));
        var years = Enumerable.Range(first, last - first + 1).ToList();
        var lanes = LaneOrder
            .Select(kind => new RoadmapLane(kind, placed
                .Where(p => p.Node.Kind == kind)
                .OrderBy(p => p.Start).ThenBy(p => p.End).ThenBy(p => p.Node.Id, StringComparer.Ordinal)
                .Select(p => new RoadmapItem(p.Node, p.Start, p.End, p.Span, StatusesIn(p.Node, years), p.Milestones))
                .ToList()))
            .Where(lane => lane.Items.Count > 0)
            .ToList();
        return (years, lanes);
    }

    /// <summary>The judgement in force in each of the years that has one (the rule of <see cref="Node.StatusAt"/>, as statusIn filters by).</summary>
    public static IReadOnlyList<YearStatus> StatusesIn(Node node, IEnumerable<int> years) =>
        years.Select(y => node.StatusAt(y) is { } a ? new YearStatus(y, a) : null).OfType<YearStatus>().ToList();
}
