using System.Globalization;
using System.Security;
using System.Text;
using Roadmap.Core.Graph;

namespace Roadmap.Core.Analysis;

/// <summary>
/// A roadmap's time axis drawn: a Mermaid Gantt chart for Markdown, and a swimlane chart as one self-contained SVG for
/// a slide (lanes as rows, years as columns, bars, status chips, target milestones).
/// </summary>
public static class RoadmapCharts
{
    /// <summary>The statuses that make a bar critical (red) in the Gantt chart: the plans' gaps.</summary>
    private static bool Critical(RoadmapItem item) => item.Statuses.Count > 0 && Analytics.IsGapStatus(item.Statuses[^1].Assessment.Status);

    public static string MermaidGantt(NodeRoadmap roadmap)
    {
        var sb = new StringBuilder("gantt\n");
        sb.Append(CultureInfo.InvariantCulture, $"  title {GanttText(roadmap.Node.NameEn)} {GanttText(roadmap.Node.NameZh)}\n");
        // Years are the only unit the plans speak in; a bar runs from 1 January of its start to the end of its last year.
        sb.Append("  dateFormat YYYY\n  axisFormat %Y\n");
        var taskNumber = 0;
        foreach (var lane in roadmap.Lanes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  section {LaneName(lane.Kind)}\n");
            foreach (var item in lane.Items)
            {
                var tags = item.Span == RoadmapSpan.ProgramPeriod ? "active, " : Critical(item) ? "crit, " : "";
                sb.Append(CultureInfo.InvariantCulture, $"  {GanttText(item.Node.NameEn)} {GanttText(item.Node.NameZh)} :{tags}t{taskNumber++}, {item.StartYear}, {item.EndYear + 1}\n");
                foreach (var due in item.Milestones.GroupBy(m => m.DueYear))
                {
                    var labels = string.Join("; ", due.Select(m => m.Label));
                    var mark = due.All(m => m.DueYearStated) ? "" : " (plan period end)";
                    sb.Append(CultureInfo.InvariantCulture, $"  ◆ {GanttText(Shorten(labels, 80))}{mark} :milestone, t{taskNumber++}, {due.Key}, 0d\n");
                }
            }
        }
        return sb.ToString();
    }

    private static string LaneName(NodeKind kind) => kind switch
    {
        NodeKind.Program => "Programs 规划与专项",
        NodeKind.Product => "Products 产品",
        NodeKind.Component => "Components 部件",
        NodeKind.Technology => "Technologies 技术",
        _ => kind.ToString(),
    };

    // A Gantt task name ends at ':' and a line at ';' or '#'; full-width forms keep the text readable.
    private static string GanttText(string text) =>
        text.Replace(':', '：').Replace(';', '；').Replace('#', '＃').Replace('\n', ' ');

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    // The SVG's geometry, in px.
    private const int LabelWidth = 330, YearWidth = 52, RowHeight = 24, LaneGap = 10, HeaderHeight = 58, Margin = 16, LegendHeight = 76;

    private const string Fonts = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif";

    /// <summary>The chip colour of each judgement, from red (a gap) to green (advanced).</summary>
    private static string StatusColour(AssessmentStatus status) => status switch
    {
        AssessmentStatus.DomesticGap => "#c62828",
        AssessmentStatus.ImportDependent => "#ef6c00",
        AssessmentStatus.Foundation => "#f9a825",
        AssessmentStatus.Breakthrough => "#7cb342",
        AssessmentStatus.Advanced => "#2e7d32",
        _ => "#9e9e9e",
    };

    private static string LaneColour(NodeKind kind) => kind switch
    {
        NodeKind.Program => "#3949ab",
        NodeKind.Product => "#00838f",
        NodeKind.Component => "#6d4c41",
        NodeKind.Technology => "#8e24aa",
        _ => "#616161",
    };

    public static string Svg(NodeRoadmap roadmap)
    {
        var years = roadmap.Years;
        var rows = roadmap.Lanes.Sum(l => l.Items.Count);
        var width = Margin * 2 + LabelWidth + Math.Max(1, years.Count) * YearWidth;
        var height = Margin * 2 + HeaderHeight + rows * RowHeight + roadmap.Lanes.Count * LaneGap + LegendHeight;
        var first = years.Count > 0 ? years[0] : 0;
        double X(int year) => Margin + LabelWidth + (year - first) * YearWidth;

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{Fonts}\" font-size=\"12\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"  <title>{Xml(roadmap.Node.NameEn)} {Xml(roadmap.Node.NameZh)}: roadmap</title>\n");
        sb.Append(CultureInfo.InvariantCulture, $"  <rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        sb.Append(CultureInfo.InvariantCulture,
            $"  <text x=\"{Margin}\" y=\"{Margin + 16}\" font-size=\"16\" font-weight=\"bold\" fill=\"#212121\">{Xml(roadmap.Node.NameZh)} {Xml(roadmap.Node.NameEn)} · roadmap</text>\n");

        // Year columns: a header and a faint rule per year.
        var top = Margin + HeaderHeight;
        var bottom = top + rows * RowHeight + roadmap.Lanes.Count * LaneGap;
        foreach (var year in years)
        {
            var x = X(year);
            sb.Append(CultureInfo.InvariantCulture, $"  <rect x=\"{x}\" y=\"{top - 20}\" width=\"{YearWidth}\" height=\"{bottom - top + 20}\" fill=\"{((year - first) % 2 == 0 ? "#fafafa" : "#f0f0f0")}\"/>\n");
            sb.Append(CultureInfo.InvariantCulture, $"  <text x=\"{x + YearWidth / 2.0}\" y=\"{top - 6}\" text-anchor=\"middle\" fill=\"#424242\">{year}</text>\n");
        }

        var y = top;
        foreach (var lane in roadmap.Lanes)
        {
            var laneHeight = lane.Items.Count * RowHeight + LaneGap;
            sb.Append(CultureInfo.InvariantCulture, $"  <g class=\"lane\" data-kind=\"{EnumNames.ToConstant(lane.Kind)}\">\n");
            sb.Append(CultureInfo.InvariantCulture, $"    <rect x=\"{Margin}\" y=\"{y}\" width=\"6\" height=\"{laneHeight - LaneGap}\" fill=\"{LaneColour(lane.Kind)}\"/>\n");
            sb.Append(CultureInfo.InvariantCulture, $"    <line x1=\"{Margin}\" y1=\"{y + laneHeight - LaneGap / 2.0}\" x2=\"{width - Margin}\" y2=\"{y + laneHeight - LaneGap / 2.0}\" stroke=\"#bdbdbd\"/>\n");
            foreach (var item in lane.Items)
            {
                Row(sb, item, lane.Kind, y, X);
                y += RowHeight;
            }
            sb.Append("  </g>\n");
            y += LaneGap;
        }
        Legend(sb, bottom + 14);
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, RoadmapItem item, NodeKind kind, int y, Func<int, double> x)
    {
        var name = $"{item.Node.NameZh} {item.Node.NameEn}";
        sb.Append(CultureInfo.InvariantCulture, $"    <g class=\"item\" data-id=\"{Xml(item.Node.Id)}\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"      <title>{Xml(name)} ({item.StartYear}–{item.EndYear})</title>\n");
        sb.Append(CultureInfo.InvariantCulture, $"      <text x=\"{Margin + 12}\" y=\"{y + 16}\" fill=\"#212121\">{Xml(Fit(name, LabelWidth - 20))}</text>\n");

        // The bar: solid for a program's period, lighter for the years the plans state a node in.
        var (barX, barWidth) = (x(item.StartYear) + 2, (item.EndYear - item.StartYear + 1) * YearWidth - 4.0);
        var opacity = item.Span == RoadmapSpan.ProgramPeriod ? "0.85" : "0.35";
        sb.Append(CultureInfo.InvariantCulture,
            $"      <rect class=\"bar\" x=\"{barX}\" y=\"{y + 4}\" width=\"{barWidth}\" height=\"{RowHeight - 8}\" rx=\"4\" fill=\"{LaneColour(kind)}\" fill-opacity=\"{opacity}\"/>\n");

        foreach (var status in item.Statuses)
        {
            // Left of centre, so that a milestone at the end of the same year does not cover it.
            var cx = x(status.Year) + YearWidth * 0.35;
            sb.Append(CultureInfo.InvariantCulture,
                $"      <circle class=\"chip\" cx=\"{cx}\" cy=\"{y + RowHeight / 2.0}\" r=\"5\" fill=\"{StatusColour(status.Assessment.Status)}\" stroke=\"#ffffff\" stroke-width=\"1\"><title>{status.Year}: {EnumNames.ToConstant(status.Assessment.Status)} ({Xml(status.Assessment.Source.DocumentId)})</title></circle>\n");
        }

        foreach (var due in item.Milestones.GroupBy(m => m.DueYear))
        {
            // A diamond at the end of the due year; hollow when the plan gives no year and its period end stands in.
            var (cx, cy) = (x(due.Key) + YearWidth - 8, y + RowHeight / 2.0);
            var stated = due.Any(m => m.DueYearStated);
            var labels = string.Join("\n", due.Select(m => (m.DueYearStated ? "" : "(plan period end) ") + m.Label));
            sb.Append(CultureInfo.InvariantCulture,
                $"      <path class=\"milestone\" d=\"M {cx} {cy - 7} L {cx + 7} {cy} L {cx} {cy + 7} L {cx - 7} {cy} Z\" fill=\"{(stated ? "#212121" : "#ffffff")}\" stroke=\"#212121\" stroke-width=\"1.5\"><title>{Xml(labels)}</title></path>\n");
            if (due.Count() > 1)
            {
                sb.Append(CultureInfo.InvariantCulture, $"      <text x=\"{cx + 9}\" y=\"{cy + 4}\" font-size=\"10\" fill=\"#212121\">×{due.Count()}</text>\n");
            }
        }
        sb.Append("    </g>\n");
    }

    private static void Legend(StringBuilder sb, int y)
    {
        var x = (double)Margin;
        sb.Append("  <g class=\"legend\" font-size=\"11\" fill=\"#424242\">\n");
        foreach (var status in Enum.GetValues<AssessmentStatus>())
        {
            sb.Append(CultureInfo.InvariantCulture, $"    <circle cx=\"{x + 5}\" cy=\"{y}\" r=\"5\" fill=\"{StatusColour(status)}\"/><text x=\"{x + 14}\" y=\"{y + 4}\">{EnumNames.ToConstant(status)}</text>\n");
            x += 26 + EnumNames.ToConstant(status).Length * 7;
        }
        var y2 = y + 22;
        sb.Append(CultureInfo.InvariantCulture,
            $"    <rect x=\"{Margin}\" y=\"{y2 - 6}\" width=\"24\" height=\"12\" rx=\"3\" fill=\"{LaneColour(NodeKind.Program)}\" fill-opacity=\"0.85\"/><text x=\"{Margin + 30}\" y=\"{y2 + 4}\">program period</text>\n");
        sb.Append(CultureInfo.InvariantCulture,
            $"    <rect x=\"{Margin + 140}\" y=\"{y2 - 6}\" width=\"24\" height=\"12\" rx=\"3\" fill=\"{LaneColour(NodeKind.Product)}\" fill-opacity=\"0.35\"/><text x=\"{Margin + 170}\" y=\"{y2 + 4}\">years of the plans that state it</text>\n");
        var m = Margin + 390;
        sb.Append(CultureInfo.InvariantCulture,
            $"    <path d=\"M {m} {y2 - 6} L {m + 6} {y2} L {m} {y2 + 6} L {m - 6} {y2} Z\" fill=\"#212121\"/><text x=\"{m + 12}\" y=\"{y2 + 4}\">target due (year stated)</text>\n");
        m += 170;
        sb.Append(CultureInfo.InvariantCulture,
            $"    <path d=\"M {m} {y2 - 6} L {m + 6} {y2} L {m} {y2 + 6} L {m - 6} {y2} Z\" fill=\"#ffffff\" stroke=\"#212121\"/><text x=\"{m + 12}\" y=\"{y2 + 4}\">target due by the plan's period end</text>\n");
        var y3 = y2 + 22;
        var lx = (double)Margin;
        foreach (var kind in new[] { NodeKind.Program, NodeKind.Product, NodeKind.Component, NodeKind.Technology })
        {
            var name = LaneName(kind);
            sb.Append(CultureInfo.InvariantCulture, $"    <rect x=\"{lx}\" y=\"{y3 - 6}\" width=\"6\" height=\"12\" fill=\"{LaneColour(kind)}\"/><text x=\"{lx + 12}\" y=\"{y3 + 4}\">{Xml(name)}</text>\n");
            lx += 40 + name.Length * 8;
        }
        sb.Append("  </g>\n");
    }

    /// <summary>Cuts a label to what fits in a width, counting a CJK character as 12 px and others as 6.5 px at 12 px type.</summary>
    private static string Fit(string text, int width)
    {
        double used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            used += text[i] > 0x2E7F ? 12 : 6.5;
            if (used > width - 8) return text[..i] + "…";
        }
        return text;
    }

    private static string Xml(string text) => SecurityElement.Escape(text) ?? "";
}
