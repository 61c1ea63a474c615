using Roadmap.Core.Graph;
using YamlDotNet.Serialization;

namespace Roadmap.Core.Seeds;

/// <summary>
/// Writes a graph back in the seed format: a seeds directory (<c>graph/*.yaml</c> and <c>documents/*.txt</c>) that
/// <c>roadmap validate</c> accepts and that loads into the same graph. This is how edits made through the API
/// leave the database: export, review the difference, commit. Each node and edge goes to the file of the plan its
/// first source cites; a source citing another plan says so with <c>doc</c>.
/// </summary>
public static class SeedWriter
{
    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .WithIndentedSequences()
        .Build();

    /// <summary>Writes the files and returns their paths.</summary>
    public static IReadOnlyList<string> Write(GraphData graph, string directory)
    {
        var graphDirectory = Path.Combine(directory, "graph");
        var documentsDirectory = Path.Combine(directory, "documents");
        Directory.CreateDirectory(graphDirectory);
        Directory.CreateDirectory(documentsDirectory);
        var written = new List<string>();

        var documents = graph.Nodes.Where(n => n.Kind == NodeKind.Document).OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
        foreach (var document in documents.Where(d => d.File is not null && d.Text is not null))
        {
            var path = Path.Combine(documentsDirectory, document.File!);
            File.WriteAllText(path, document.Text);
            written.Add(path);
        }
        written.Add(WriteFile(Path.Combine(graphDirectory, "documents.yaml"), new Dictionary<string, object>
        {
            ["documents"] = documents.Select(d => Node(d, d.Id)).ToList(),
        }));

        var fileOf = documents.ToDictionary(d => d.Id, d => d.Id[NodeKinds.Prefix(NodeKind.Document).Length..], StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var nodes = graph.Nodes.Where(n => n.Kind != NodeKind.Document && n.Sources.Count > 0 && n.Sources[0].DocumentId == document.Id).OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
            var edges = graph.Edges.Where(e => e.Sources.Count > 0 && e.Sources[0].DocumentId == document.Id)
                .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.Type).ThenBy(e => e.To, StringComparer.Ordinal).ToList();
            if (nodes.Count == 0 && edges.Count == 0) continue;
            var content = new Dictionary<string, object> { ["document"] = document.Id };
            foreach (var (section, kind) in new[] { ("technologies", NodeKind.Technology), ("components", NodeKind.Component), ("products", NodeKind.Product), ("programs", NodeKind.Program) })
            {
                var ofKind = nodes.Where(n => n.Kind == kind).Select(n => Node(n, document.Id)).ToList();
                if (ofKind.Count > 0) content[section] = ofKind;
            }
            if (edges.Count > 0) content["edges"] = edges.Select(e => Edge(e, document.Id)).ToList();
            written.Add(WriteFile(Path.Combine(graphDirectory, fileOf[document.Id] + ".yaml"), content));
        }
        return written;
    }

    private static string WriteFile(string path, Dictionary<string, object> content)
    {
        File.WriteAllText(path, "# Written by 'roadmap export --format yaml'; check with 'roadmap validate'.\n" + Yaml.Serialize(content));
        return path;
    }

    private static Dictionary<string, object> Node(Node node, string fileDocument)
    {
        var map = new Dictionary<string, object> { ["id"] = node.Id, ["nameZh"] = node.NameZh, ["nameEn"] = node.NameEn };
        if (node.Aliases.Count > 0) map["aliases"] = node.Aliases.ToList();
        switch (node.Kind)
        {
            case NodeKind.Technology when node.Field is { } field:
                map["field"] = EnumNames.ToConstant(field);
                break;
            case NodeKind.Component:
                map["type"] = EnumNames.ToConstant(node.ComponentType!.Value);
                break;
            case NodeKind.Product:
                map["field"] = EnumNames.ToConstant(node.Field!.Value);
                break;
            case NodeKind.Program:
                map["type"] = EnumNames.ToConstant(node.ProgramType!.Value);
                break;
            case NodeKind.Document:
                map["file"] = node.File!;
                if (node.Issuer is not null) map["issuer"] = node.Issuer;
                map["year"] = node.Year!.Value;
                break;
        }
        if (node.Period is { } period)
        {
            map["period"] = period.End is { } end ? new Dictionary<string, object> { ["start"] = period.Start, ["end"] = end } : new Dictionary<string, object> { ["start"] = period.Start };
        }
        if (node.LeadAgencies.Count > 0) map["leadAgencies"] = node.LeadAgencies.ToList();
        // A document's own sources cite itself by default, as in documents.yaml.
        map["sources"] = node.Sources.Select(s => Source(s, fileDocument)).ToList();
        if (node.Assessments.Count > 0)
        {
            map["assessments"] = node.Assessments.Select(a => Assessment(a, fileDocument)).ToList();
        }
        if (node.Targets.Count > 0) map["targets"] = node.Targets.Select(q => Quantity(q, fileDocument)).ToList();
        if (node.Goals.Count > 0) map["goals"] = node.Goals.Select(q => Quantity(q, fileDocument)).ToList();
        if (node.Note is not null) map["note"] = node.Note;
        return map;
    }

    private static Dictionary<string, object> Assessment(Assessment assessment, string fileDocument)
    {
        var map = Prepend(Source(assessment.Source, fileDocument), "status", EnumNames.ToConstant(assessment.Status));
        if (assessment.Basis != AssessmentBasis.Stated) map["basis"] = Word(assessment.Basis);
        if (assessment.Note is not null) map["note"] = assessment.Note;
        if (assessment.Context.Count > 0) map["context"] = assessment.Context.Select(s => Source(s, fileDocument)).ToList();
        return map;
    }

    // As the curators write it: reach: class, basis: read.
    private static string Word<T>(T value) where T : struct, Enum => EnumNames.ToConstant(value).ToLowerInvariant().Replace('_', '-');

    private static Dictionary<string, object> Edge(Edge edge, string fileDocument)
    {
        var map = new Dictionary<string, object> { ["from"] = edge.From, ["type"] = EnumNames.ToConstant(edge.Type), ["to"] = edge.To };
        if (edge.Group is not null) map["group"] = edge.Group;
        if (edge.Reach != NeedReach.EveryMember) map["reach"] = Word(edge.Reach);
        map["sources"] = edge.Sources.Select(s => Source(s, fileDocument)).ToList();
        return map;
    }

    private static Dictionary<string, object> Quantity(Quantity quantity, string fileDocument)
    {
        var map = new Dictionary<string, object>
        {
            ["metric"] = quantity.Metric,
            ["comparator"] = EnumNames.ToConstant(quantity.Comparator),
            ["value"] = quantity.Value,
        };
        if (quantity.MaxValue is { } max) map["maxValue"] = max;
        if (quantity.Unit is not null) map["unit"] = quantity.Unit;
        if (quantity.UnitEn is not null) map["unitEn"] = quantity.UnitEn;
        foreach (var (key, value) in Source(quantity.Source, fileDocument)) map[key] = value;
        return map;
    }

    private static Dictionary<string, object> Source(Source source, string fileDocument)
    {
        var map = new Dictionary<string, object>();
        if (source.DocumentId != fileDocument) map["doc"] = source.DocumentId;
        map["section"] = source.Section;
        map["quote"] = source.Quote;
        return map;
    }

    private static Dictionary<string, object> Prepend(Dictionary<string, object> map, string key, object value)
    {
        var result = new Dictionary<string, object> { [key] = value };
        foreach (var (k, v) in map) result[k] = v;
        return result;
    }
}
