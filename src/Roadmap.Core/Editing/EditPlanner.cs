using Roadmap.Core.Errors;
using Roadmap.Core.Graph;
using Roadmap.Core.Rules;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage;

namespace Roadmap.Core.Editing;

/// <summary>A node as an editor sends it. Null lists and attributes keep what an existing node has.</summary>
/// <summary>A plan to add: its text (already out of its file), its title and dates, and the file it came from.</summary>
public sealed record DocumentDraft(string Id, string Title, string? TitleEn, string? Issuer, int Year, Period? Period, string Text, string? FileName);

public sealed record NodeDraft
{
    public required string Id { get; init; }
    public required NodeKind Kind { get; init; }
    public required string NameZh { get; init; }
    public required string NameEn { get; init; }
    public IReadOnlyList<string>? Aliases { get; init; }
    public IReadOnlyList<Source>? Sources { get; init; }
    public string? Note { get; init; }
    public ComponentType? ComponentType { get; init; }
    public Field? Field { get; init; }
    public ProgramType? ProgramType { get; init; }
    public Period? Period { get; init; }
    public IReadOnlyList<string>? LeadAgencies { get; init; }
}

/// <summary>
/// Works out what a mutation does to the current graph, or refuses it: the checks <c>roadmap validate</c> makes
/// on the seeds (ids, kinds, names, edge kinds, groups, quotes found in the cited plan), plus optimistic
/// concurrency. Pure: it reads a snapshot and returns a <see cref="GraphEdit"/>; the store writes it.
/// </summary>
public static class EditPlanner
{
    private const int MaxNameLength = GraphRules.MaxNameLength;
    private const int MaxListLength = GraphRules.MaxListLength;

    public static GraphEdit UpsertNode(GraphIndex graph, NodeDraft draft, int? expectedVersion)
    {
        if (draft.Kind == NodeKind.Document) throw new RoadmapException(ErrorCodes.DocumentsReadOnly, "A plan is added whole, with its text: use addDocument (or roadmap plan add).");
        Refuse(GraphRules.Id(draft.Kind, draft.Id));
        var existing = Find(graph, draft.Id);
        if (existing is null)
        {
            if (expectedVersion is not null) throw new RoadmapException(ErrorCodes.NotFound, $"No node '{draft.Id}' to update; omit expectedVersion to create it.");
        }
        else
        {
            if (expectedVersion is null) throw Conflict($"'{draft.Id}' exists at version {existing.Version}; pass expectedVersion to update it.", existing.Version);
            CheckVersion(draft.Id, existing.Version, expectedVersion);
            if (existing.Kind != draft.Kind) throw new RoadmapException(ErrorCodes.BadValue, $"'{draft.Id}' is a {existing.Kind}; a node's kind cannot change.");
        }

        var nameZh = Name(draft.NameZh, "nameZh");
        var nameEn = Name(draft.NameEn, "nameEn");
        foreach (var otherId in graph.IdsNamed(nameZh))
        {
            if (otherId != draft.Id && Find(graph, otherId) is { } other && other.Kind == draft.Kind)
            {
                throw GraphRules.DuplicateName(draft.Id, nameZh, other.Id).ToException();
            }
        }
        var sources = draft.Sources ?? existing?.Sources ?? [];
        Refuse(GraphRules.HasSources(sources.Count, "a node"));
        CheckList(sources, "sources");
        foreach (var source in sources) CheckSource(graph, source);
        var aliases = draft.Aliases?.Select(a => Name(a, "alias")).Distinct(StringComparer.Ordinal).ToList() ?? existing?.Aliases ?? [];
        CheckList(aliases, "aliases");
        var leadAgencies = draft.LeadAgencies?.Select(a => Name(a, "leadAgency")).ToList() ?? existing?.LeadAgencies ?? [];
        CheckList(leadAgencies, "leadAgencies");
        var note = draft.Note is null ? existing?.Note : draft.Note.Trim() is { Length: > 0 } trimmed ? trimmed : null;
        if (note is not null && GraphRules.TextLength(note) > GraphRules.MaxNoteLength) throw new RoadmapException(ErrorCodes.BadValue, $"'note' has more than {GraphRules.MaxNoteLength} characters.");

        // Each kind carries its own attributes and no others, as in the seed files.
        NotFor(draft.ComponentType, "componentType", NodeKind.Component, draft.Kind);
        NotFor(draft.ProgramType, "programType", NodeKind.Program, draft.Kind);
        NotFor(draft.Period, "period", NodeKind.Program, draft.Kind);
        if (draft.LeadAgencies is not null) NotFor(draft.LeadAgencies, "leadAgencies", NodeKind.Program, draft.Kind);
        if (draft.Field is not null && draft.Kind is not (NodeKind.Technology or NodeKind.Product))
        {
            throw new RoadmapException(ErrorCodes.BadValue, $"'field' is for technologies and products, not a {draft.Kind}.");
        }
        var componentType = draft.ComponentType ?? existing?.ComponentType;
        var field = draft.Field ?? existing?.Field;
        var programType = draft.ProgramType ?? existing?.ProgramType;
        var period = draft.Period ?? existing?.Period;
        if (draft.Kind == NodeKind.Component && componentType is null) throw new RoadmapException(ErrorCodes.MissingField, "A component needs 'componentType'.");
        if (draft.Kind == NodeKind.Product && field is null) throw new RoadmapException(ErrorCodes.MissingField, "A product needs 'field'.");
        if (draft.Kind == NodeKind.Program && programType is null) throw new RoadmapException(ErrorCodes.MissingField, "A program needs 'programType'.");
        if (period is not null) Refuse(GraphRules.Period(period));

        var node = (existing ?? new Node { Id = draft.Id, Kind = draft.Kind, NameZh = nameZh, NameEn = nameEn }) with
        {
            Version = (existing?.Version ?? 0) + 1,
            NameZh = nameZh,
            NameEn = nameEn,
            Aliases = aliases,
            Sources = sources,
            Note = note,
            ComponentType = componentType,
            Field = field,
            ProgramType = programType,
            Period = period,
            LeadAgencies = leadAgencies,
        };
        return new GraphEdit("upsertNode", [new Change<Node>(existing, node)], []);
    }

    public static GraphEdit UpsertEdge(GraphIndex graph, Edge draft, int? expectedVersion)
    {
        foreach (var violation in GraphRules.Edge(draft.From, draft.Type, draft.To, Find(graph, draft.From), Find(graph, draft.To)))
        {
            throw violation.ToException();
        }
        var group = string.IsNullOrWhiteSpace(draft.Group) ? null : draft.Group.Trim();
        Refuse(GraphRules.Group(draft.Type, group));
        Refuse(GraphRules.Reach(draft.Type, draft.Reach));
        Refuse(GraphRules.ReachHasMembers(draft, HasMembers(graph, draft.From)));
        if (group is not null && graph.IndexOf(draft.From) is var owner and >= 0)
        {
            var alternatives = new List<NeedReach> { draft.Reach };
            foreach (var e in graph.EdgesOf(owner, Direction.Forward))
            {
                if (graph.EdgeAt(e) is { } other && other.Group == group && other.Key != draft.Key) alternatives.Add(other.Reach);
            }
            Refuse(GraphRules.GroupReach(draft.From, group, alternatives));
        }
        if (group is not null && GraphRules.TextLength(group) > MaxNameLength) throw new RoadmapException(ErrorCodes.BadValue, $"'group' has more than {MaxNameLength} characters.");
        Refuse(GraphRules.HasSources(draft.Sources.Count, "an edge"));
        CheckList(draft.Sources, "sources");
        foreach (var source in draft.Sources) CheckSource(graph, source);

        var existing = FindEdge(graph, draft.Key);
        if (existing is null && expectedVersion is not null) throw new RoadmapException(ErrorCodes.NotFound, $"No edge {draft.Key} to update; omit expectedVersion to create it.");
        if (existing is not null)
        {
            if (expectedVersion is null) throw Conflict($"{draft.Key} exists at version {existing.Version}; pass expectedVersion to update it.", existing.Version);
            CheckVersion(draft.Key.ToString(), existing.Version, expectedVersion);
        }
        var edge = new Edge(draft.From, draft.Type, draft.To, [.. draft.Sources.Distinct()], group, draft.Reach) { Version = (existing?.Version ?? 0) + 1 };
        return new GraphEdit("upsertEdge", [], [new Change<Edge>(existing, edge)]);
    }

    // Deleting a class's last member would leave its needs of the class as a whole on a node without members.
    private static void KeepClassMembers(GraphIndex graph, Edge deleted)
    {
        if (deleted.Type != EdgeType.VariantOf) return;
        var general = graph.IndexOf(deleted.To);
        if (general < 0 || graph.EdgesOf(general, Direction.Backward, EdgeType.VariantOf).Length > 1) return;
        foreach (var e in graph.EdgesOf(general, Direction.Forward))
        {
            if (graph.EdgeAt(e).IsClassNeed) Refuse(GraphRules.ReachHasMembers(graph.EdgeAt(e), fromHasMembers: false));
        }
    }

    private static bool HasMembers(GraphIndex graph, string id) =>
        graph.IndexOf(id) is var index and >= 0 && graph.EdgesOf(index, Direction.Backward, EdgeType.VariantOf).Length > 0;

    /// <summary>
    /// A new plan as a document node with its text, which every later quote from it is checked against. Refused when
    /// the id is taken, when another document has the same text (folded as quotes are), or when the title, year or
    /// period break the rules a seed document keeps. The document cites itself: its first line, as the seeds cite a
    /// plan by its title.
    /// </summary>
    public static GraphEdit AddDocument(GraphIndex graph, DocumentDraft draft)
    {
        Refuse(GraphRules.Id(NodeKind.Document, draft.Id));
        if (Find(graph, draft.Id) is { } taken) throw Conflict($"'{draft.Id}' is taken by {taken.NameZh}; a plan is added once, under an id of its own.", taken.Version);
        var title = Name(draft.Title, "title");
        var titleEn = Name(string.IsNullOrWhiteSpace(draft.TitleEn) ? draft.Title : draft.TitleEn, "titleEn");
        if (!PlanYears.Contains(draft.Year)) throw new RoadmapException(ErrorCodes.BadValue, $"year must lie within {PlanYears.Min} to {PlanYears.Max}.");
        if (draft.Period is { } period) Refuse(GraphRules.Period(period));
        var issuer = draft.Issuer is null ? null : Name(draft.Issuer, "issuer");
        var folded = QuoteFolding.Fold(draft.Text);
        foreach (var other in graph.Nodes.Where(n => n.Kind == NodeKind.Document && n.Text is not null))
        {
            if (QuoteFolding.FoldPlanText(other.Text!) == folded) throw new RoadmapException(ErrorCodes.DuplicatePlan, $"'{other.Id}' ({other.NameZh}) has the same text.");
        }
        var firstLine = draft.Text.Split('\n').Select(l => l.Trim()).First(l => l.Length > 0);
        var self = new Source(draft.Id, "标题", GraphRules.TextLength(firstLine) <= GraphRules.MaxQuoteLength ? firstLine : firstLine[..GraphRules.MaxQuoteLength]);
        var document = new Node
        {
            Id = draft.Id, Kind = NodeKind.Document, NameZh = title, NameEn = titleEn, Sources = [self], Text = draft.Text, Year = draft.Year,
            Period = draft.Period, Issuer = issuer, File = draft.FileName,
        };
        return new GraphEdit("addDocument", [new Change<Node>(null, document)], []);
    }

    public static GraphEdit DeleteNode(GraphIndex graph, string id, bool cascade, int? expectedVersion)
    {
        var index = graph.IndexOf(id);
        if (index < 0) throw new RoadmapException(ErrorCodes.NotFound, $"No node '{id}'.");
        var node = graph.NodeAt(index);
        if (node.Kind == NodeKind.Document) throw new RoadmapException(ErrorCodes.DocumentsReadOnly, "Documents are cited by the graph's sources and cannot be deleted through the API.");
        CheckVersion(id, node.Version, expectedVersion);
        var edges = new List<Change<Edge>>();
        foreach (var direction in new[] { Direction.Forward, Direction.Backward })
        {
            foreach (var e in graph.EdgesOf(index, direction)) edges.Add(new Change<Edge>(graph.EdgeAt(e), null));
        }
        if (edges.Count > 0 && !cascade)
        {
            throw new RoadmapException(ErrorCodes.HasEdges, $"'{id}' has {edges.Count} edge(s); delete them first, or pass cascade: true to delete them with the node.");
        }
        foreach (var change in edges.Where(c => c.Before!.To != id)) KeepClassMembers(graph, change.Before!);
        return new GraphEdit("deleteNode", [new Change<Node>(node, null)], edges);
    }

    public static GraphEdit DeleteEdge(GraphIndex graph, EdgeKey key, int? expectedVersion)
    {
        var edge = FindEdge(graph, key) ?? throw new RoadmapException(ErrorCodes.NotFound, $"No edge {key}.");
        CheckVersion(key.ToString(), edge.Version, expectedVersion);
        KeepClassMembers(graph, edge);
        return new GraphEdit("deleteEdge", [], [new Change<Edge>(edge, null)]);
    }

    public static GraphEdit AddAssessment(GraphIndex graph, string id, AssessmentStatus status, Source source, int? expectedVersion)
    {
        var node = Find(graph, id) ?? throw new RoadmapException(ErrorCodes.NotFound, $"No node '{id}'.");
        if (node.Kind == NodeKind.Document) throw new RoadmapException(ErrorCodes.DocumentsReadOnly, "Plans are not assessed.");
        CheckVersion(id, node.Version, expectedVersion);
        var document = CheckSource(graph, source);
        if (node.Assessments.Any(a => a.Status == status && a.Source == source))
        {
            throw new RoadmapException(ErrorCodes.DuplicateSource, $"'{id}' already has this assessment from this clause.");
        }
        // An assessment is dated by the plan that makes it, as in the seeds.
        var assessment = new Assessment(status, document.Year ?? 0, source);
        var after = node with { Assessments = [.. node.Assessments.Append(assessment).OrderBy(a => a.Year)], Version = node.Version + 1 };
        return new GraphEdit("addAssessment", [new Change<Node>(node, after)], []);
    }

    public static GraphEdit AddSource(GraphIndex graph, string? nodeId, EdgeKey? edgeKey, Source source, int? expectedVersion)
    {
        if ((nodeId is null) == (edgeKey is null)) throw new RoadmapException(ErrorCodes.BadValue, "Name either a node or an edge to add the source to.");
        CheckSource(graph, source);
        if (nodeId is not null)
        {
            var node = Find(graph, nodeId) ?? throw new RoadmapException(ErrorCodes.NotFound, $"No node '{nodeId}'.");
            if (node.Kind == NodeKind.Document) throw new RoadmapException(ErrorCodes.DocumentsReadOnly, "A plan is its own source.");
            CheckVersion(nodeId, node.Version, expectedVersion);
            if (node.Sources.Contains(source)) throw new RoadmapException(ErrorCodes.DuplicateSource, $"'{nodeId}' already cites this clause.");
            CheckList(node.Sources.Append(source).ToList(), "sources");
            return new GraphEdit("addSource", [new Change<Node>(node, node with { Sources = [.. node.Sources, source], Version = node.Version + 1 })], []);
        }
        var edge = FindEdge(graph, edgeKey!.Value) ?? throw new RoadmapException(ErrorCodes.NotFound, $"No edge {edgeKey}.");
        CheckVersion(edgeKey.Value.ToString(), edge.Version, expectedVersion);
        if (edge.Sources.Contains(source)) throw new RoadmapException(ErrorCodes.DuplicateSource, $"{edgeKey} already cites this clause.");
        CheckList(edge.Sources.Append(source).ToList(), "sources");
        return new GraphEdit("addSource", [], [new Change<Edge>(edge, edge with { Sources = [.. edge.Sources, source], Version = edge.Version + 1 })]);
    }

    public static Edge? FindEdge(GraphIndex graph, EdgeKey key)
    {
        var from = graph.IndexOf(key.From);
        var to = graph.IndexOf(key.To);
        if (from < 0 || to < 0) return null;
        foreach (var e in graph.EdgesOf(from, Direction.Forward, key.Type))
        {
            if (graph.EdgeTo(e) == to) return graph.EdgeAt(e);
        }
        return null;
    }

    private static Node? Find(GraphIndex graph, string id) => graph.IndexOf(id) is var i and >= 0 ? graph.NodeAt(i) : null;

    private static void CheckVersion(string target, int current, int? expected)
    {
        if (expected is not null && expected != current)
        {
            throw Conflict($"'{target}' is at version {current}, not {expected}: someone changed it since you read it. Read it again and retry.", current);
        }
    }

    /// <summary>A CONFLICT that tells the client the version to retry with.</summary>
    private static RoadmapException Conflict(string message, int currentVersion) =>
        new(ErrorCodes.Conflict, message, new Dictionary<string, object?> { ["currentVersion"] = currentVersion });

    /// <summary>The cited plan must be a document and the quote must occur in its text; section and quote within bounds.</summary>
    private static Node CheckSource(GraphIndex graph, Source source)
    {
        var document = Find(graph, source.DocumentId);
        if (document is not { Kind: NodeKind.Document }) Refuse(GraphRules.Quote(source, document));
        if (string.IsNullOrWhiteSpace(source.Section) || GraphRules.TextLength(source.Section) > MaxNameLength)
        {
            throw new RoadmapException(ErrorCodes.BadValue, $"A source needs a section of 1 to {MaxNameLength} characters, as the plan numbers it.");
        }
        if (QuoteFolding.Fold(source.Quote).Length == 0 || GraphRules.TextLength(source.Quote) > GraphRules.MaxQuoteLength)
        {
            throw new RoadmapException(ErrorCodes.BadValue, $"A source needs a quote of 1 to {GraphRules.MaxQuoteLength} characters.");
        }
        Refuse(GraphRules.Quote(source, document));
        return document!;
    }

    private static void Refuse(RuleViolation? violation)
    {
        if (violation is { } v) throw v.ToException();
    }

    private static string Name(string value, string what)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || GraphRules.TextLength(trimmed) > MaxNameLength) throw new RoadmapException(ErrorCodes.BadValue, $"'{what}' must have 1 to {MaxNameLength} characters.");
        return trimmed;
    }

    private static void CheckList<T>(IReadOnlyCollection<T> list, string what)
    {
        if (list.Count > MaxListLength) throw new RoadmapException(ErrorCodes.BadValue, $"'{what}' has more than {MaxListLength} entries.");
    }

    private static void NotFor(object? value, string what, NodeKind kind, NodeKind actual)
    {
        if (value is not null && actual != kind) throw new RoadmapException(ErrorCodes.BadValue, $"'{what}' is for a {kind}, not a {actual}.");
    }
}
