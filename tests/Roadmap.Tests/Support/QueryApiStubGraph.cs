using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Tests.Support;

/// <summary>
/// A FAKE, not a Cypher engine: the property graph behind <see cref="QueryApiStub"/>, which applies each statement of
/// cypher/queries with that statement's semantics. It knows the store's statements by name and reads from their text
/// only what changes what they do (which labels a REMOVE clears, which label each FOREACH sets for a kind, which
/// relationship type each FOREACH merges, whether search guards the aliases with coalesce), so that a fix in a
/// .cypher file shows here. Anything else a statement says is taken as the store's code intends it; the real
/// conformance run (NEO4J_URL) remains the only check of the Cypher itself.
/// </summary>
public sealed partial class QueryApiStubGraph
{
    public sealed class FakeNode
    {
        public HashSet<string> Labels { get; } = new(StringComparer.Ordinal) { "Node" };

        /// <summary>A property set to null is absent, as in Neo4j.</summary>
        public Dictionary<string, JsonNode?> Properties { get; } = new(StringComparer.Ordinal);

        public string Id => (string)Properties["id"]!;
    }

    public sealed record FakeRelationship(string From, string Type, string To)
    {
        public Dictionary<string, JsonNode?> Properties { get; } = new(StringComparer.Ordinal);
    }

    private readonly Dictionary<string, FakeNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string Type, string To), FakeRelationship> _relationships = new();

    public IReadOnlyDictionary<string, FakeNode> Nodes => _nodes;

    public IReadOnlyCollection<FakeRelationship> Relationships => _relationships.Values;

    /// <summary>The value of the Revision node (bump_revision), null before any import.</summary>
    public long? Revision { get; private set; }

    /// <summary>A graph as an import of <paramref name="graph"/> with today's statements would leave it.</summary>
    public static QueryApiStubGraph From(GraphData graph)
    {
        var fake = new QueryApiStubGraph();
        fake.Apply("import_nodes", CypherQueries.Get("import_nodes"), new JsonObject { ["nodes"] = Rows(graph.Nodes.Select(Neo4jImporter.NodeRow)) });
        fake.Apply("import_edges", CypherQueries.Get("import_edges"), new JsonObject { ["edges"] = Rows(graph.Edges.Select(Neo4jImporter.EdgeRow)) });
        return fake;
    }

    /// <summary>Nodes as neo4j-admin loads them: every property is given explicitly (an absent one stays absent).</summary>
    public void AddNode(IEnumerable<string> labels, IReadOnlyDictionary<string, JsonNode?> properties)
    {
        var node = new FakeNode();
        node.Labels.UnionWith(labels);
        foreach (var (key, value) in properties) if (value is not null) node.Properties[key] = value.DeepClone();
        _nodes[node.Id] = node;
    }

    public void AddRelationship(string from, string type, string to, IReadOnlyDictionary<string, JsonNode?> properties)
    {
        var relationship = new FakeRelationship(from, type, to);
        foreach (var (key, value) in properties) if (value is not null) relationship.Properties[key] = value.DeepClone();
        _relationships[(from, type, to)] = relationship;
    }

    private static JsonArray Rows(IEnumerable<Dictionary<string, object?>> rows) =>
        new([.. rows.Select(r => System.Text.Json.JsonSerializer.SerializeToNode(r, GraphJson.Options))]);

    public QueryApiStubGraph Clone()
    {
        var copy = new QueryApiStubGraph();
        foreach (var node in _nodes.Values) copy.AddNode(node.Labels, node.Properties);
        foreach (var r in _relationships.Values) copy.AddRelationship(r.From, r.Type, r.To, r.Properties);
        copy.Revision = Revision;
        return copy;
    }

    [GeneratedRegex(@"REMOVE n((?::\w+)+)")]
    private static partial Regex RemovedLabels();

    [GeneratedRegex(@"row\.kind = '(?<kind>\w+)' THEN \[1\] ELSE \[\] END \| SET n:(?<label>\w+)")]
    private static partial Regex LabelOfKind();

    [GeneratedRegex(@"row\.type = '(?<type>\w+)' THEN \[1\] ELSE \[\] END \|\s*MERGE \(a\)-\[r:(?<merged>\w+)\]->\(b\)")]
    private static partial Regex TypeMerged();

    /// <summary>Runs one of the store's statements; returns its fields and rows.</summary>
    public (string[] Fields, List<JsonNode?[]> Rows) Apply(string query, string statement, JsonObject p)
    {
        var kinds = p["kinds"] is JsonArray k ? k.Select(x => (string)x!).ToHashSet(StringComparer.Ordinal) : null;
        var ordered = _nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
        bool KindOk(FakeNode n) => kinds is null || (Prop(n, "kind") is { } kind && kinds.Contains(kind));
        string[] Ids() => p["ids"]!.AsArray().Select(x => (string)x!).ToArray();
        List<JsonNode?[]> Bodies(IEnumerable<FakeNode> nodes) => nodes.Select(n => new[] { n.Properties.GetValueOrDefault("body")?.DeepClone() }).ToList();
        switch (query)
        {
            case "schema":
                return ([], []);
            case "import_nodes":
                var removed = RemovedLabels().Matches(statement).SelectMany(m => m.Groups[1].Value.Split(':', StringSplitOptions.RemoveEmptyEntries)).ToList();
                var labelOfKind = LabelOfKind().Matches(statement).ToDictionary(m => m.Groups["kind"].Value, m => m.Groups["label"].Value);
                foreach (var row in p["nodes"]!.AsArray().Select(r => r!.AsObject()))
                {
                    var id = (string)row["id"]!;
                    if (!_nodes.TryGetValue(id, out var node))
                    {
                        node = new FakeNode();
                        node.Properties["id"] = id;
                        _nodes[id] = node;
                    }
                    foreach (var key in new[] { "kind", "nameZh", "nameEn", "aliases", "aliasText", "latestStatus", "body" })
                    {
                        if (row[key] is { } value) node.Properties[key] = value.DeepClone();
                        else node.Properties.Remove(key);
                    }
                    node.Labels.ExceptWith(removed);
                    if (labelOfKind.TryGetValue((string)row["kind"]!, out var label)) node.Labels.Add(label);
                }
                return ([], []);
            case "import_edges":
                var typeMerged = TypeMerged().Matches(statement).ToDictionary(m => m.Groups["type"].Value, m => m.Groups["merged"].Value);
                foreach (var row in p["edges"]!.AsArray().Select(r => r!.AsObject()))
                {
                    var (from, to) = ((string)row["from"]!, (string)row["to"]!);
                    if (!_nodes.ContainsKey(from) || !_nodes.ContainsKey(to) || !typeMerged.TryGetValue((string)row["type"]!, out var type)) continue;
                    if (!_relationships.TryGetValue((from, type, to), out var relationship)) _relationships[(from, type, to)] = relationship = new FakeRelationship(from, type, to);
                    // Neo4j stores what the statement SETs, nothing else of the row.
                    foreach (var key in RelationshipProperties.Where(k => statement.Contains($"r.{k} = row.{k}", StringComparison.Ordinal)))
                    {
                        if (row[key] is { } value) relationship.Properties[key] = value.DeepClone();
                        else relationship.Properties.Remove(key);
                    }
                }
                return ([], []);
            case "delete_absent":
                var keep = Ids().ToHashSet(StringComparer.Ordinal);
                foreach (var gone in _nodes.Keys.Where(id => !keep.Contains(id)).ToList())
                {
                    _nodes.Remove(gone);
                    foreach (var key in _relationships.Keys.Where(r => r.From == gone || r.To == gone).ToList()) _relationships.Remove(key);
                }
                return ([], []);
            case "delete_absent_edges":
                var keys = p["keys"]!.AsArray().Select(x => (string)x!).ToHashSet(StringComparer.Ordinal);
                foreach (var key in _relationships.Keys.Where(r => !keys.Contains($"{r.From} {r.Type} {r.To}")).ToList()) _relationships.Remove(key);
                return ([], []);
            case "bump_revision":
                Revision = (Revision ?? 0) + 1;
                return ([], []);
            case "revision":
                return (["revision"], [[Revision is { } revision ? JsonValue.Create(revision) : null]]);
            case "get_nodes":
                return (["body"], Bodies(ordered.Where(n => Ids().Contains(n.Id))));
            case "all_nodes":
                return (["body"], Bodies(ordered));
            case "list_nodes":
                return (["body"], Bodies(ordered.Where(KindOk).Skip((int)p["offset"]!).Take((int)p["count"]!)));
            case "count_nodes":
                return (["total"], [[JsonValue.Create(ordered.Count(KindOk))]]);
            case "search":
                var text = (string)p["text"]!;
                var guarded = statement.Contains("coalesce(n.aliases, [])", StringComparison.Ordinal);
                return (["body"], Bodies(ordered.Where(KindOk).Where(n => Names(n, guarded) is { } names
                    && names.Any(name => name is not null && name.ToLowerInvariant().Contains(text, StringComparison.Ordinal))).Take((int)p["limit"]!)));
            case "edges_out":
                return EdgeRows(_relationships.Values.Where(r => Ids().Contains(r.From)));
            case "edges_in":
                return EdgeRows(_relationships.Values.Where(r => Ids().Contains(r.To)));
            case "all_edges":
                return EdgeRows(_relationships.Values);
            case "stats":
                return (["what", "name", "count"],
                    ordered.GroupBy(n => Prop(n, "kind")).Select(g => new JsonNode?[] { "node", g.Key, g.Count() })
                        .Concat(_relationships.Values.GroupBy(r => r.Type).Select(g => new JsonNode?[] { "edge", g.Key, g.Count() })).ToList());
            default:
                throw new InvalidOperationException($"The fake does not know the statement {query}.");
        }
    }

    /// <summary>
    /// <c>[n.nameZh, n.nameEn] + n.aliases</c>: in Cypher a list plus null is null, and <c>any()</c> over null is null,
    /// so a node without an aliases property matches nothing unless the statement guards it with coalesce.
    /// </summary>
    private static IEnumerable<string?>? Names(FakeNode n, bool guarded)
    {
        var aliases = n.Properties.GetValueOrDefault("aliases") as JsonArray;
        if (aliases is null && !guarded) return null;
        return new[] { Prop(n, "nameZh"), Prop(n, "nameEn") }.Concat((aliases ?? []).Select(a => (string?)a));
    }

    private static readonly string[] RelationshipProperties = ["sources", "group", "reach"];

    private static string? Prop(FakeNode n, string key) => (string?)n.Properties.GetValueOrDefault(key);

    private static (string[] Fields, List<JsonNode?[]> Rows) EdgeRows(IEnumerable<FakeRelationship> relationships) =>
        (["from", "type", "to", "sources", "group", "reach"], relationships.Select(r => new JsonNode?[]
        {
            r.From, r.Type, r.To, r.Properties.GetValueOrDefault("sources")?.DeepClone(), r.Properties.GetValueOrDefault("group")?.DeepClone(),
            r.Properties.GetValueOrDefault("reach")?.DeepClone(),
        }).ToList());
}
