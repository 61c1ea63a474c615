using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Roadmap.Core.Graph;

namespace Roadmap.Core.Plans;

/// <summary>
/// The proposals file that tools read: <c>{ document: {id, title, year}, proposals: [ {id, kind, node, edge, assessment,
/// target, source, quote, section, rule, confidence, duplicates} ] }</c>, enums in CONSTANT_CASE as the schema spells
/// them, absent objects left out.
/// </summary>
public static class ProposalJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ProposalSet set)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartObject("document");
            w.WriteString("id", set.Document.Id);
            w.WriteString("title", set.Document.NameZh);
            if (set.Document.Year is { } year) w.WriteNumber("year", year); else w.WriteNull("year");
            w.WriteEndObject();
            w.WriteStartArray("proposals");
            foreach (var p in set.Proposals)
            {
                w.WriteStartObject();
                w.WriteString("id", p.Id);
                w.WriteString("kind", EnumNames.ToConstant(p.Kind));
                if (p.Node is { } n)
                {
                    w.WriteStartObject("node");
                    w.WriteString("id", n.Id);
                    w.WriteString("kind", EnumNames.ToConstant(n.Kind));
                    if (n.ComponentType is { } ct) w.WriteString("componentType", EnumNames.ToConstant(ct)); else w.WriteNull("componentType");
                    w.WriteString("nameZh", n.NameZh);
                    w.WriteString("nameEn", n.NameEn);
                    w.WriteEndObject();
                }
                if (p.Edge is { } e)
                {
                    w.WriteStartObject("edge");
                    w.WriteString("from", e.From);
                    w.WriteString("type", EnumNames.ToConstant(e.Type));
                    w.WriteString("to", e.To);
                    if (e.Group is { } g) w.WriteString("group", g); else w.WriteNull("group");
                    w.WriteString("reach", EnumNames.ToConstant(e.Reach));
                    w.WriteEndObject();
                }
                if (p.Assessment is { } a)
                {
                    w.WriteStartObject("assessment");
                    w.WriteString("node", a.Node);
                    w.WriteString("status", EnumNames.ToConstant(a.Status));
                    w.WriteString("basis", EnumNames.ToConstant(a.Basis));
                    w.WriteEndObject();
                }
                if (p.Target is { } t)
                {
                    w.WriteStartObject("target");
                    w.WriteString("node", t.Node);
                    w.WriteString("metric", t.Metric);
                    w.WriteString("comparator", EnumNames.ToConstant(t.Comparator));
                    w.WriteNumber("value", t.Value);
                    if (t.Unit is { } u) w.WriteString("unit", u); else w.WriteNull("unit");
                    if (t.DueYear is { } d) w.WriteNumber("dueYear", d); else w.WriteNull("dueYear");
                    w.WriteEndObject();
                }
                if (p.Source is { } s)
                {
                    w.WriteStartObject("source");
                    w.WriteString("node", s.Node);
                    w.WriteEndObject();
                }
                w.WriteString("quote", p.Quote);
                w.WriteString("section", p.Section);
                w.WriteString("rule", p.Rule);
                w.WriteNumber("confidence", p.Confidence);
                w.WriteStartArray("duplicates");
                foreach (var id in p.Duplicates ?? []) w.WriteStringValue(id);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads what <see cref="Write"/> writes. The document comes back as its id, title and year.</summary>
    public static ProposalSet Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var d = root.GetProperty("document");
        var document = new Node
        {
            Id = d.GetProperty("id").GetString()!, Kind = NodeKind.Document, NameZh = d.GetProperty("title").GetString()!, NameEn = "",
            Year = d.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null,
        };
        var proposals = new List<Proposal>();
        foreach (var p in root.GetProperty("proposals").EnumerateArray())
        {
            ProposedNode? node = Obj(p, "node") is { } n
                ? new ProposedNode(Str(n, "id")!, Enum<NodeKind>(Str(n, "kind")), Str(n, "componentType") is { } ct ? Enum<ComponentType>(ct) : null, Str(n, "nameZh")!, Str(n, "nameEn")!)
                : null;
            ProposedEdge? edge = Obj(p, "edge") is { } e
                ? new ProposedEdge(Str(e, "from")!, Enum<EdgeType>(Str(e, "type")), Str(e, "to")!, Str(e, "group"), Str(e, "reach") is { } r ? Enum<NeedReach>(r) : NeedReach.EveryMember)
                : null;
            ProposedAssessment? assessment = Obj(p, "assessment") is { } a
                ? new ProposedAssessment(Str(a, "node")!, Enum<AssessmentStatus>(Str(a, "status")), Str(a, "basis") is { } b ? Enum<AssessmentBasis>(b) : AssessmentBasis.Stated)
                : null;
            ProposedTarget? target = Obj(p, "target") is { } t
                ? new ProposedTarget(Str(t, "node")!, Str(t, "metric")!, Enum<Comparator>(Str(t, "comparator")), t.GetProperty("value").GetDouble(), Str(t, "unit"),
                    t.TryGetProperty("dueYear", out var dy) && dy.ValueKind == JsonValueKind.Number ? dy.GetInt32() : null)
                : null;
            ProposedSource? source = Obj(p, "source") is { } s ? new ProposedSource(Str(s, "node")!) : null;
            var duplicates = p.TryGetProperty("duplicates", out var du) && du.ValueKind == JsonValueKind.Array
                ? du.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
            proposals.Add(new Proposal(Str(p, "id")!, Enum<ProposalKind>(Str(p, "kind")), Str(p, "quote")!, Str(p, "section") ?? "", Str(p, "rule") ?? "",
                p.GetProperty("confidence").GetDouble(), node, edge, assessment, target, source, duplicates));
        }
        return new ProposalSet(document, proposals);
    }

    private static JsonElement? Obj(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static T Enum<T>(string? text) where T : struct, System.Enum =>
        EnumNames.TryParse<T>(text, out var value) ? value : throw new JsonException($"'{text}' is not one of {EnumNames.Allowed<T>()}");

    internal static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
