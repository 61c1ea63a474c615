using System.Globalization;
using System.Text;
using System.Xml;
using Roadmap.Core.Graph;

namespace Roadmap.Core.Analysis;

public enum ExportFormat
{
    Mermaid,
    Graphml,
    Csv,
    /// <summary>A roadmap's time axis as a Mermaid Gantt chart (<see cref="RoadmapCharts"/>); roadmaps only.</summary>
    MermaidGantt,
    /// <summary>A roadmap's swimlane chart as SVG (<see cref="RoadmapCharts"/>); roadmaps only.</summary>
    Svg,
}

/// <summary>
/// Writes a set of nodes and edges for other tools: a Mermaid flowchart to paste into slides or Markdown, GraphML
/// for yEd or Gephi, CSV for a spreadsheet. Edges whose ends are not in the set are left out.
/// </summary>
public static class Export
{
    /// <summary>The formats that draw a roadmap's time axis, which other results do not have.</summary>
    public static bool IsRoadmapChart(ExportFormat format) => format is ExportFormat.MermaidGantt or ExportFormat.Svg;

    /// <summary>A roadmap in any format: its charts, or its nodes and edges as any other result.</summary>
    public static string Write(ExportFormat format, NodeRoadmap roadmap) => format switch
    {
        ExportFormat.MermaidGantt => RoadmapCharts.MermaidGantt(roadmap),
        ExportFormat.Svg => RoadmapCharts.Svg(roadmap),
        _ => Write(format, roadmap.Layers.SelectMany(l => l.Nodes).ToList(), roadmap.Edges),
    };

    public static string Write(ExportFormat format, IReadOnlyList<Node> nodes, IEnumerable<Edge> edges)
    {
        var ids = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var kept = edges.Where(e => ids.Contains(e.From) && ids.Contains(e.To)).DistinctBy(e => (e.From, e.Type, e.To)).ToList();
        return format switch
        {
            ExportFormat.Mermaid => Mermaid(nodes, kept),
            ExportFormat.Graphml => GraphMl(nodes, kept),
            ExportFormat.Csv => Csv(nodes, kept),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    private static string Mermaid(IReadOnlyList<Node> nodes, List<Edge> edges)
    {
        // Mermaid ids must be plain words; number the nodes and keep the real id in the label.
        var key = nodes.Select((n, i) => (n.Id, Key: $"n{i}")).ToDictionary(x => x.Id, x => x.Key, StringComparer.Ordinal);
        var sb = new StringBuilder("flowchart LR\n");
        foreach (var node in nodes)
        {
            var (open, close) = node.Kind switch
            {
                NodeKind.Program => ("[[", "]]"),
                NodeKind.Product => ("[", "]"),
                NodeKind.Component => ("(", ")"),
                NodeKind.Technology => ("{{", "}}"),
                _ => ("[/", "/]"),
            };
            sb.Append(CultureInfo.InvariantCulture, $"  {key[node.Id]}{open}\"{Label(node.NameEn)}<br/>{Label(node.NameZh)}\"{close}\n");
        }
        foreach (var edge in edges)
        {
            var arrow = edge.Group is null ? "-->" : "-.->";
            var label = edge.IsClassNeed ? $"{EnumNames.ToConstant(edge.Type)} (class)" : EnumNames.ToConstant(edge.Type);
            sb.Append(CultureInfo.InvariantCulture, $"  {key[edge.From]} {arrow}|{label}| {key[edge.To]}\n");
        }
        foreach (var kind in nodes.Select(n => n.Kind).Distinct())
        {
            sb.Append(CultureInfo.InvariantCulture, $"  class {string.Join(",", nodes.Where(n => n.Kind == kind).Select(n => key[n.Id]))} {kind.ToString().ToLowerInvariant()}\n");
        }
        return sb.ToString();
    }

    private static string Label(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);

    private static string GraphMl(IReadOnlyList<Node> nodes, List<Edge> edges)
    {
        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            const string ns = "http://graphml.graphdrawing.org/xmlns";
            xml.WriteStartElement("graphml", ns);
            foreach (var (id, target, name) in new[]
            {
                ("kind", "node", "kind"), ("nameZh", "node", "nameZh"), ("nameEn", "node", "nameEn"), ("status", "node", "latestStatus"),
                ("type", "edge", "type"), ("group", "edge", "alternativeGroup"), ("reach", "edge", "reach"), ("source", "edge", "source"),
            })
            {
                xml.WriteStartElement("key", ns);
                xml.WriteAttributeString("id", id);
                xml.WriteAttributeString("for", target);
                xml.WriteAttributeString("attr.name", name);
                xml.WriteAttributeString("attr.type", "string");
                xml.WriteEndElement();
            }
            xml.WriteStartElement("graph", ns);
            xml.WriteAttributeString("id", "roadmap");
            xml.WriteAttributeString("edgedefault", "directed");
            foreach (var node in nodes)
            {
                xml.WriteStartElement("node", ns);
                xml.WriteAttributeString("id", node.Id);
                Data(xml, ns, "kind", EnumNames.ToConstant(node.Kind));
                Data(xml, ns, "nameZh", node.NameZh);
                Data(xml, ns, "nameEn", node.NameEn);
                if (node.LatestAssessment is { } latest) Data(xml, ns, "status", EnumNames.ToConstant(latest.Status));
                xml.WriteEndElement();
            }
            foreach (var edge in edges)
            {
                xml.WriteStartElement("edge", ns);
                xml.WriteAttributeString("source", edge.From);
                xml.WriteAttributeString("target", edge.To);
                Data(xml, ns, "type", EnumNames.ToConstant(edge.Type));
                if (edge.Group is not null) Data(xml, ns, "group", edge.Group);
                Data(xml, ns, "reach", EnumNames.ToConstant(edge.Reach));
                Data(xml, ns, "source", string.Join(" | ", edge.Sources.Select(s => $"{s.DocumentId} {s.Section}: {s.Quote}")));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        // StringBuilder output declares UTF-16; the text is served and saved as UTF-8.
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal) + "\n";
    }

    private static void Data(XmlWriter xml, string ns, string key, string value)
    {
        xml.WriteStartElement("data", ns);
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    /// <summary>One table: a row per node, then a row per edge, so one file opens whole in a spreadsheet.</summary>
    private static string Csv(IReadOnlyList<Node> nodes, List<Edge> edges)
    {
        var sb = new StringBuilder("record,id,kind,name_zh,name_en,latest_status,type,from,to,group,reach,document,section,quote\n");
        foreach (var node in nodes)
        {
            var source = node.Sources.Count > 0 ? node.Sources[0] : null;
            Row(sb, "node", node.Id, EnumNames.ToConstant(node.Kind), node.NameZh, node.NameEn,
                node.LatestAssessment is { } a ? EnumNames.ToConstant(a.Status) : "", "", "", "", "", "", source?.DocumentId ?? "", source?.Section ?? "", source?.Quote ?? "");
        }
        foreach (var edge in edges)
        {
            var source = edge.Sources.Count > 0 ? edge.Sources[0] : null;
            Row(sb, "edge", "", "", "", "", "", EnumNames.ToConstant(edge.Type), edge.From, edge.To, edge.Group ?? "", EnumNames.ToConstant(edge.Reach),
                source?.DocumentId ?? "", source?.Section ?? "", source?.Quote ?? "");
        }
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, params string[] cells)
    {
        sb.AppendJoin(',', cells.Select(c => c.AsSpan().IndexOfAny("\",\n\r") >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c));
        sb.Append('\n');
    }
}
