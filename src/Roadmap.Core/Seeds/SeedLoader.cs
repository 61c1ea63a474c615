using System.Security.Cryptography;
using System.Text;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;
using Roadmap.Core.Rules;

namespace Roadmap.Core.Seeds;

public sealed record SeedLoadResult(GraphData Graph, IReadOnlyList<SeedIssue> Issues)
{
    public bool IsValid => Issues.Count == 0;
}

/// <summary>
/// Loads and validates a seeds directory (<c>graph/*.yaml</c> and <c>documents/*.txt</c>): the one place that
/// decides whether a dataset may enter a store. <c>roadmap validate</c>, the embedded store's import and the
/// dataset test all go through it.
/// </summary>
public static class SeedLoader
{
    public static SeedLoadResult Load(string seedsDirectory)
    {
        var graphDirectory = Path.Combine(seedsDirectory, "graph");
        if (!Directory.Exists(graphDirectory))
        {
            return new SeedLoadResult(new GraphData([], []), [new SeedIssue(graphDirectory, 0, ErrorCodes.MissingDirectory.Code, "no seeds/graph directory here")]);
        }
        var reader = new SeedReader();
        reader.ReadDirectory(graphDirectory);
        return Validate(reader, Path.Combine(seedsDirectory, "documents"));
    }

    /// <summary>Bumped when the database file's tables change, so that existing files are re-imported.</summary>
    private const int SqliteSchemaVersion = 2;

    /// <summary>A hash of every seed file's name and bytes: the embedded store re-imports when it changes.</summary>
    public static string Fingerprint(string seedsDirectory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"schema {SqliteSchemaVersion}\n"));
        foreach (var sub in new[] { "graph", "documents" })
        {
            var dir = Path.Combine(seedsDirectory, sub);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"{sub}/{Path.GetFileName(file)}\n"));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Checks what a single file cannot: references between nodes, names, and quotes against the plans.</summary>
    public static SeedLoadResult Validate(SeedReader reader, string documentsDirectory)
    {
        var graph = reader.BuildGraph();
        var issues = new List<SeedIssue>(reader.Issues);
        var byId = graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);

        void Report(SeedLocation at, string code, string message) => issues.Add(new SeedIssue(at.File, at.Line, code, message));
        void ReportRule(SeedLocation at, RuleViolation? violation)
        {
            if (violation is { } v) Report(at, v.Code.Code, v.Message);
        }

        var names = new Dictionary<(NodeKind, string), string>();
        foreach (var node in graph.Nodes)
        {
            if (node.NameZh.Length > 0 && !names.TryAdd((node.Kind, node.NameZh), node.Id))
            {
                ReportRule(reader.NodeLocations[node.Id], GraphRules.DuplicateName(node.Id, node.NameZh, names[(node.Kind, node.NameZh)]));
            }
        }

        var seenEdges = new HashSet<(string, EdgeType, string)>();
        for (var i = 0; i < graph.Edges.Count; i++)
        {
            var edge = graph.Edges[i];
            var at = reader.EdgeLocations[i];
            foreach (var violation in GraphRules.Edge(edge.From, edge.Type, edge.To, byId.GetValueOrDefault(edge.From), byId.GetValueOrDefault(edge.To)))
            {
                ReportRule(at, violation);
            }
            if (!seenEdges.Add((edge.From, edge.Type, edge.To)))
            {
                Report(at, ErrorCodes.DuplicateEdge.Code, $"{edge.From} -{EnumNames.ToConstant(edge.Type)}-> {edge.To} is declared twice; merge the sources");
            }
        }

        // Sanity: a product needs something, a component or technology is needed by something, a program covers
        // something, and no technology, component or product stands apart from the rest of the roadmap (a program's
        // target only breaks the trail from plan to plan); a node the plans leave alone says why in its note, so
        // that a bare node is never an oversight. A node linked to nothing is reported once, as an orphan.
        static bool OnRoadmap(NodeKind kind) => kind is NodeKind.Technology or NodeKind.Component or NodeKind.Product;
        var hasOut = graph.Edges.Select(e => e.From).ToHashSet(StringComparer.Ordinal);
        var hasIn = graph.Edges.Select(e => e.To).ToHashSet(StringComparer.Ordinal);
        var linked = graph.Edges
            .Where(e => byId.TryGetValue(e.From, out var from) && OnRoadmap(from.Kind) && byId.TryGetValue(e.To, out var to) && OnRoadmap(to.Kind))
            .SelectMany(e => new[] { e.From, e.To }).ToHashSet(StringComparer.Ordinal);
        foreach (var node in graph.Nodes.Where(n => n.Note is null))
        {
            var problem = node.Kind switch
            {
                NodeKind.Product when !hasOut.Contains(node.Id) => (ErrorCodes.NoDependency.Code, "a product with no REQUIRES, USES_TECHNOLOGY or VARIANT_OF edge"),
                NodeKind.Component or NodeKind.Technology when !hasIn.Contains(node.Id) => (ErrorCodes.NoDependent.Code, $"a {node.Kind.ToString().ToLowerInvariant()} nothing needs"),
                // Needed by a program only: a product that needs something is linked already, so this is the one
                // case of a node linked to no technology, component or product the two rules above do not catch.
                NodeKind.Component or NodeKind.Technology when !linked.Contains(node.Id) => (ErrorCodes.Orphan.Code, $"a {node.Kind.ToString().ToLowerInvariant()} only programs target, linked to no technology, component or product"),
                NodeKind.Program when !hasOut.Contains(node.Id) => (ErrorCodes.CoversNothing.Code, "a program that targets or includes nothing"),
                _ => default,
            };
            if (problem != default)
            {
                Report(reader.NodeLocations[node.Id], problem.Item1, $"'{node.Id}' is {problem.Item2}; add the edge the plan states, or a note saying why there is none");
            }
        }

        // A plan judges a node once; two statuses from one plan stand only when the note names both (and so says
        // which is in force), since a gap analysis would otherwise read whichever sorts worse.
        foreach (var node in graph.Nodes)
        {
            foreach (var plan in node.Assessments.GroupBy(a => a.Source.DocumentId, StringComparer.Ordinal))
            {
                var statuses = plan.Select(a => a.Status).Distinct().ToList();
                if (statuses.Count < 2) continue;
                var judged = statuses.Select(s => EnumNames.ToConstant(s)).ToList();
                if (node.Note is { } note && judged.All(n => note.Contains(n, StringComparison.Ordinal))) continue;
                Report(reader.NodeLocations[node.Id], ErrorCodes.TwoJudgements.Code,
                    $"'{node.Id}' has {string.Join(" and ", judged)} from {plan.Key}; keep the clause that judges it by name, or name both statuses in the note and say which is in force");
            }
        }

        // A need of the class as a whole needs a class: a node with members.
        var classes = graph.Edges.Where(e => e.Type == EdgeType.VariantOf).Select(e => e.To).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < graph.Edges.Count; i++)
        {
            if (GraphRules.ReachHasMembers(graph.Edges[i], classes.Contains(graph.Edges[i].From)) is { } violation) ReportRule(reader.EdgeLocations[i], violation);
        }

        // A judgement's context is what the same plan says of the node elsewhere; another plan's word is its own judgement.
        foreach (var node in graph.Nodes)
        {
            foreach (var assessment in node.Assessments.Where(a => a.Context.Any(c => c.DocumentId != a.Source.DocumentId)))
            {
                Report(reader.NodeLocations[node.Id], ErrorCodes.BadValue.Code,
                    $"an assessment of '{node.Id}' from {assessment.Source.DocumentId} has context from another plan; context is the same plan's other clauses");
            }
        }

        // An alternative group offers a choice of one need: one edge alone is a hard requirement written wrongly, and
        // its alternatives share one reach.
        foreach (var group in graph.Edges.Select((e, i) => (Edge: e, At: reader.EdgeLocations[i])).Where(x => x.Edge.Group is not null)
                     .GroupBy(x => (x.Edge.From, x.Edge.Group)))
        {
            if (group.Count() == 1) Report(group.First().At, ErrorCodes.GroupOfOne.Code, $"group '{group.Key.Group}' of '{group.Key.From}' has one edge; alternatives need two or more");
            ReportRule(group.First().At, GraphRules.GroupReach(group.Key.From, group.Key.Group!, group.Select(x => x.Edge.Reach)));
        }

        // Each document with its text, so that quotes are checked against the plan they cite.
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in graph.Nodes.Where(n => n.Kind == NodeKind.Document))
        {
            var path = Path.Combine(documentsDirectory, document.File ?? "");
            if (document.File is not null && File.Exists(path)) texts[document.Id] = File.ReadAllText(path);
            else Report(reader.NodeLocations[document.Id], ErrorCodes.MissingDocumentFile.Code, $"document file '{path}' does not exist");
        }
        foreach (var (source, at) in reader.Sources)
        {
            var cited = byId.GetValueOrDefault(source.DocumentId);
            // A document whose file is missing was reported above; its quotes cannot be checked.
            if (cited is { Kind: NodeKind.Document } && !texts.ContainsKey(cited.Id)) continue;
            ReportRule(at, GraphRules.Quote(source, cited is { Kind: NodeKind.Document } ? cited with { Text = texts[cited.Id] } : cited));
        }

        // An assessment is dated by the document it cites.
        var nodes = graph.Nodes.Select(n => n.Kind == NodeKind.Document ? n with { Text = texts.GetValueOrDefault(n.Id) } : n).Select(n => n.Assessments.Count == 0 ? n : n with
        {
            Assessments = n.Assessments
                .Select(a => a with { Year = byId.GetValueOrDefault(a.Source.DocumentId)?.Year ?? 0 })
                .OrderBy(a => a.Year).ToList(),
        }).ToList();

        issues.Sort((a, b) => (a.File, a.Line).CompareTo((b.File, b.Line)));
        return new SeedLoadResult(new GraphData(nodes, graph.Edges), issues);
    }
}
