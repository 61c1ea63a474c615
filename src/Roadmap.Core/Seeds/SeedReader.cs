using System.Globalization;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;
using Roadmap.Core.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Roadmap.Core.Seeds;

/// <summary>
/// Reads <c>seeds/graph/*.yaml</c> into <see cref="GraphData"/>. Reads the YAML as a node tree rather than
/// deserialising into classes, so that every error can name the file and line it comes from.
/// Structural problems (unknown keys, bad enum values, missing fields) are reported here; cross-references
/// and quotes are checked by <see cref="SeedLoader.Validate"/>; the rules both apply are <see cref="GraphRules"/>.
/// </summary>
public sealed class SeedReader
{
    private static readonly Dictionary<string, NodeKind> Sections = new()
    {
        ["technologies"] = NodeKind.Technology,
        ["components"] = NodeKind.Component,
        ["products"] = NodeKind.Product,
        ["programs"] = NodeKind.Program,
        ["documents"] = NodeKind.Document,
    };

    private static readonly HashSet<string> CommonKeys = ["id", "nameZh", "nameEn", "aliases", "sources", "assessments", "note"];

    private static readonly Dictionary<NodeKind, HashSet<string>> KindKeys = new()
    {
        [NodeKind.Technology] = ["field"],
        [NodeKind.Component] = ["type"],
        [NodeKind.Product] = ["field", "targets"],
        [NodeKind.Program] = ["type", "period", "leadAgencies", "goals"],
        [NodeKind.Document] = ["file", "issuer", "year", "period"],
    };

    private readonly List<SeedIssue> _issues = [];
    private readonly List<Node> _nodes = [];
    private readonly List<Edge> _edges = [];
    private readonly Dictionary<string, SeedLocation> _nodeLocations = new(StringComparer.Ordinal);
    private readonly List<SeedLocation> _edgeLocations = [];
    private readonly List<(Source Source, SeedLocation Location)> _sources = [];
    private string _file = "";
    private string? _defaultDocument;

    public IReadOnlyList<SeedIssue> Issues => _issues;
    public IReadOnlyList<(Source Source, SeedLocation Location)> Sources => _sources;
    public IReadOnlyDictionary<string, SeedLocation> NodeLocations => _nodeLocations;
    public IReadOnlyList<SeedLocation> EdgeLocations => _edgeLocations;
    /// <summary>
    /// The graph read so far, with each <c>extends</c> entry merged into the node it names: a plan that mentions
    /// a thing another file declared adds its sources, aliases and judgements to that one node.
    /// </summary>
    public GraphData BuildGraph()
    {
        {
            var byId = _nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
            foreach (var (extension, at) in _extensions)
            {
                if (!byId.TryGetValue(extension.Id, out var node))
                {
                    _issues.Add(new SeedIssue(at.File, at.Line, ErrorCodes.UnknownNode.Code, $"extends '{extension.Id}', which no file declares"));
                    continue;
                }
                byId[node.Id] = node with
                {
                    Aliases = node.Aliases.Concat(extension.Aliases).Where(a => a != node.NameZh).Distinct(StringComparer.Ordinal).ToList(),
                    Sources = [.. node.Sources, .. extension.Sources],
                    Assessments = [.. node.Assessments, .. extension.Assessments],
                    Targets = [.. node.Targets, .. extension.Targets],
                    Goals = [.. node.Goals, .. extension.Goals],
                    Note = extension.Note is null ? node.Note : node.Note is null ? extension.Note : $"{node.Note} {extension.Note}",
                };
            }
            _extensions.Clear();
            _nodes.Clear();
            _nodes.AddRange(byId.Values);
            MergeEdgesStatedBySeveralFiles();
            return new(_nodes, _edges);
        }
    }

    private readonly List<(Node Extension, SeedLocation At)> _extensions = [];

    /// <summary>
    /// Two plans that state the same dependency make one edge with both sources. The same edge twice in one
    /// file is a curation slip, and is left for the validator to report as DUPLICATE_EDGE.
    /// </summary>
    private void MergeEdgesStatedBySeveralFiles()
    {
        var first = new Dictionary<(string, EdgeType, string), int>();
        var edges = new List<Edge>();
        var locations = new List<SeedLocation>();
        for (var i = 0; i < _edges.Count; i++)
        {
            var edge = _edges[i];
            var key = (edge.From, edge.Type, edge.To);
            if (first.TryGetValue(key, out var at) && locations[at].File != _edgeLocations[i].File)
            {
                edges[at] = edges[at] with { Sources = [.. edges[at].Sources, .. edge.Sources] };
                continue;
            }
            first.TryAdd(key, edges.Count);
            edges.Add(edge);
            locations.Add(_edgeLocations[i]);
        }
        _edges.Clear();
        _edges.AddRange(edges);
        _edgeLocations.Clear();
        _edgeLocations.AddRange(locations);
    }

    private void ReadExtension(YamlMappingNode map)
    {
        CheckKeys(map, ["id", "aliases", "sources", "assessments", "targets", "goals", "note"]);
        var id = Required(map, "id");
        if (id is null) return;
        var extension = new Node
        {
            Id = id,
            Kind = NodeKind.Document,
            NameZh = "",
            NameEn = "",
            Aliases = StringList(map, "aliases"),
            Sources = SourceList(map, "sources", null, required: false),
            Assessments = ListOf(map, "assessments", ReadAssessment),
            Targets = ListOf(map, "targets", ReadQuantity),
            Goals = ListOf(map, "goals", ReadQuantity),
            Note = Scalar(map, "note"),
        };
        if (extension.Sources.Count + extension.Assessments.Count + extension.Targets.Count + extension.Goals.Count == 0)
        {
            Report(map, ErrorCodes.MissingSource.Code, "an extension must add at least one source, assessment, target or goal");
        }
        _extensions.Add((extension, Location(map)));
    }

    /// <summary>Reads every <c>*.yaml</c> file of a directory, in name order.</summary>
    public void ReadDirectory(string directory)
    {
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            ReadFile(Path.GetFileName(path), File.ReadAllText(path));
        }
    }

    public void ReadFile(string fileName, string yaml)
    {
        _file = fileName;
        _defaultDocument = null;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            Report(checked((int)e.Start.Line), ErrorCodes.YamlSyntax.Code, e.InnerException?.Message ?? e.Message);
            return;
        }
        if (stream.Documents.Count == 0) return;
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Report(stream.Documents[0].RootNode, ErrorCodes.BadStructure.Code, "the file must be a mapping of sections");
            return;
        }

        if (Scalar(root, "document") is { } doc) _defaultDocument = doc;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            if (key == "document") continue;
            if (key == "edges") ReadList(value, ReadEdge);
            else if (key == "extends") ReadList(value, ReadExtension);
            else if (Sections.TryGetValue(key, out var kind)) ReadList(value, item => ReadNode(item, kind));
            else Report(keyNode, ErrorCodes.UnknownKey.Code, $"unknown section '{key}'; expected document, {string.Join(", ", Sections.Keys)} edges or extends");
        }
    }

    private void ReadList(YamlNode value, Action<YamlMappingNode> read)
    {
        if (value is YamlScalarNode { Value: null or "" }) return;
        if (value is not YamlSequenceNode list)
        {
            Report(value, ErrorCodes.BadStructure.Code, "expected a list");
            return;
        }
        foreach (var item in list)
        {
            if (item is YamlMappingNode map) read(map);
            else Report(item, ErrorCodes.BadStructure.Code, "expected a mapping");
        }
    }

    private void ReadNode(YamlMappingNode map, NodeKind kind)
    {
        CheckKeys(map, CommonKeys.Concat(KindKeys[kind]).ToHashSet());
        var id = Required(map, "id");
        if (id is null) return;
        var location = Location(map);
        Report(map, GraphRules.Id(kind, id));
        if (!_nodeLocations.TryAdd(id, location))
        {
            var first = _nodeLocations[id];
            Report(map, ErrorCodes.DuplicateId.Code, $"id '{id}' is already declared at {first.File}:{first.Line}");
            return;
        }

        var node = new Node
        {
            Id = id,
            Kind = kind,
            NameZh = Required(map, "nameZh") ?? "",
            NameEn = Required(map, "nameEn") ?? "",
            Aliases = StringList(map, "aliases"),
            Sources = SourceList(map, "sources", kind == NodeKind.Document ? id : null, required: true),
            Assessments = ListOf(map, "assessments", ReadAssessment),
            Note = Scalar(map, "note"),
        };
        node = kind switch
        {
            NodeKind.Technology => node with { Field = OptionalEnum<Field>(map, "field") },
            NodeKind.Component => node with { ComponentType = RequiredEnum<ComponentType>(map, "type") },
            NodeKind.Product => node with { Field = RequiredEnum<Field>(map, "field"), Targets = ListOf(map, "targets", ReadQuantity) },
            NodeKind.Program => node with
            {
                ProgramType = RequiredEnum<ProgramType>(map, "type"),
                Period = ReadPeriod(map),
                LeadAgencies = StringList(map, "leadAgencies"),
                Goals = ListOf(map, "goals", ReadQuantity),
            },
            NodeKind.Document => node with
            {
                File = Required(map, "file"),
                Issuer = Scalar(map, "issuer"),
                Year = RequiredInt(map, "year"),
                Period = ReadPeriod(map),
            },
            _ => node,
        };
        _nodes.Add(node);
    }

    private void ReadEdge(YamlMappingNode map)
    {
        CheckKeys(map, ["from", "type", "to", "group", "reach", "sources"]);
        var from = Required(map, "from");
        var to = Required(map, "to");
        var type = RequiredEnum<EdgeType>(map, "type");
        var sources = SourceList(map, "sources", null, required: true);
        var reach = OptionalWord<NeedReach>(map, "reach") ?? NeedReach.EveryMember;
        if (from is null || to is null || type is null) return;
        var group = Scalar(map, "group");
        group = string.IsNullOrWhiteSpace(group) ? null : group.Trim();
        Report(map, GraphRules.Group(type.Value, group));
        Report(map, GraphRules.Reach(type.Value, reach));
        _edges.Add(new Edge(from, type.Value, to, sources, group, reach));
        _edgeLocations.Add(Location(map));
    }

    private Assessment? ReadAssessment(YamlMappingNode map)
    {
        CheckKeys(map, ["status", "basis", "note", "context", "doc", "section", "quote"]);
        var status = RequiredEnum<AssessmentStatus>(map, "status");
        var basis = OptionalWord<AssessmentBasis>(map, "basis") ?? AssessmentBasis.Stated;
        var note = Scalar(map, "note");
        if (basis == AssessmentBasis.Read && string.IsNullOrWhiteSpace(note)) Report(map, ErrorCodes.MissingField.Code, "a READ judgement needs a 'note' saying how the wording was read");
        var source = ReadSource(map, null);
        var context = SourceList(map, "context", null, required: false);
        // The year is the cited document's; the validator fills it in once every document is known.
        return status is null || source is null ? null : new Assessment(status.Value, 0, source) { Basis = basis, Note = note, Context = context };
    }

    private Quantity? ReadQuantity(YamlMappingNode map)
    {
        CheckKeys(map, ["metric", "comparator", "value", "maxValue", "unit", "unitEn", "doc", "section", "quote"]);
        var metric = Required(map, "metric");
        var comparator = RequiredEnum<Comparator>(map, "comparator");
        var value = RequiredDouble(map, "value");
        var max = Scalar(map, "maxValue") is null ? (double?)null : RequiredDouble(map, "maxValue");
        if (comparator == Comparator.Between && max is null) Report(map, ErrorCodes.MissingField.Code, "a BETWEEN target needs maxValue");
        if (comparator != Comparator.Between && max is not null) Report(map, ErrorCodes.BadValue.Code, "maxValue is only for BETWEEN");
        var source = ReadSource(map, null);
        return metric is null || comparator is null || value is null || source is null
            ? null
            : new Quantity(metric, comparator.Value, value.Value, max, Scalar(map, "unit"), source) { UnitEn = Scalar(map, "unitEn") };
    }

    private Period? ReadPeriod(YamlMappingNode map)
    {
        if (Child(map, "period") is not { } node) return null;
        if (node is not YamlMappingNode period)
        {
            Report(node, ErrorCodes.BadStructure.Code, "period must be {start, end}");
            return null;
        }
        CheckKeys(period, ["start", "end"]);
        var start = RequiredInt(period, "start");
        var end = Scalar(period, "end") is null ? null : RequiredInt(period, "end");
        if (start is null) return null;
        var result = new Period(start.Value, end);
        Report(period, GraphRules.Period(result));
        return result;
    }

    private List<Source> SourceList(YamlMappingNode map, string key, string? selfDocument, bool required)
    {
        var sources = ListOf(map, key, item =>
        {
            CheckKeys(item, ["doc", "section", "quote"]);
            return ReadSource(item, selfDocument);
        });
        if (required && sources.Count == 0) Report(map, ErrorCodes.MissingSource.Code, $"'{key}' needs at least one source");
        return sources;
    }

    private Source? ReadSource(YamlMappingNode map, string? selfDocument)
    {
        var doc = Scalar(map, "doc") ?? selfDocument ?? _defaultDocument;
        if (doc is null) Report(map, ErrorCodes.MissingField.Code, "a source needs 'doc' (or a file-level 'document')");
        var section = Required(map, "section");
        var quote = Required(map, "quote");
        if (doc is null || section is null || quote is null) return null;
        var source = new Source(doc, section, quote);
        _sources.Add((source, Location(map)));
        return source;
    }

    private List<T> ListOf<T>(YamlMappingNode map, string key, Func<YamlMappingNode, T?> read) where T : class
    {
        var result = new List<T>();
        if (Child(map, key) is not { } node) return result;
        if (node is not YamlSequenceNode list)
        {
            Report(node, ErrorCodes.BadStructure.Code, $"'{key}' must be a list");
            return result;
        }
        foreach (var item in list)
        {
            if (item is not YamlMappingNode m)
            {
                Report(item, ErrorCodes.BadStructure.Code, $"each entry of '{key}' must be a mapping");
                continue;
            }
            if (read(m) is { } value) result.Add(value);
        }
        return result;
    }

    private List<string> StringList(YamlMappingNode map, string key)
    {
        if (Child(map, key) is not { } node) return [];
        if (node is YamlSequenceNode list && list.All(i => i is YamlScalarNode))
        {
            return list.Cast<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0).ToList();
        }
        Report(node, ErrorCodes.BadStructure.Code, $"'{key}' must be a list of strings");
        return [];
    }

    private T? RequiredEnum<T>(YamlMappingNode map, string key) where T : struct, Enum
    {
        var text = Required(map, key);
        return text is null ? null : ParseEnum<T>(map, key, text);
    }

    private T? OptionalEnum<T>(YamlMappingNode map, string key) where T : struct, Enum
    {
        var text = Scalar(map, key);
        return text is null ? null : ParseEnum<T>(map, key, text);
    }

    /// <summary>
    /// An enum a curator writes as a word beside the plan's text (<c>reach: class</c>, <c>basis: read</c>): lower case
    /// reads as well as the schema's CONSTANT_CASE.
    /// </summary>
    private T? OptionalWord<T>(YamlMappingNode map, string key) where T : struct, Enum
    {
        var text = Scalar(map, key);
        return text is null ? null : ParseEnum<T>(map, key, text.Trim().Replace('-', '_').ToUpperInvariant());
    }

    private T? ParseEnum<T>(YamlMappingNode map, string key, string text) where T : struct, Enum
    {
        if (EnumNames.TryParse<T>(text, out var value)) return value;
        Report(Child(map, key)!, ErrorCodes.UnknownEnum.Code, $"'{text}' is not a valid {key}; expected one of {EnumNames.Allowed<T>()}");
        return null;
    }

    private int? RequiredInt(YamlMappingNode map, string key)
    {
        var text = Required(map, key);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        Report(Child(map, key)!, ErrorCodes.BadValue.Code, $"'{key}' must be an integer, not '{text}'");
        return null;
    }

    private double? RequiredDouble(YamlMappingNode map, string key)
    {
        var text = Required(map, key);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        Report(Child(map, key)!, ErrorCodes.BadValue.Code, $"'{key}' must be a number, not '{text}'");
        return null;
    }

    private string? Required(YamlMappingNode map, string key)
    {
        var value = Scalar(map, key);
        if (string.IsNullOrWhiteSpace(value))
        {
            Report(map, ErrorCodes.MissingField.Code, $"'{key}' is required");
            return null;
        }
        return value.Trim();
    }

    private string? Scalar(YamlMappingNode map, string key)
    {
        var node = Child(map, key);
        if (node is null) return null;
        if (node is YamlScalarNode scalar) return scalar.Value;
        Report(node, ErrorCodes.BadStructure.Code, $"'{key}' must be a single value");
        return null;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private void CheckKeys(YamlMappingNode map, HashSet<string> allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (!allowed.Contains(name)) Report(key, ErrorCodes.UnknownKey.Code, $"unknown key '{name}'; expected one of {string.Join(", ", allowed)}");
        }
    }

    private SeedLocation Location(YamlNode node) => new(_file, checked((int)node.Start.Line));

    private void Report(YamlNode node, string code, string message) => Report(checked((int)node.Start.Line), code, message);

    private void Report(YamlNode node, RuleViolation? violation)
    {
        if (violation is { } v) Report(node, v.Code.Code, v.Message);
    }

    private void Report(int line, string code, string message) => _issues.Add(new SeedIssue(_file, line, code, message));
}
