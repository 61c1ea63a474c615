using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;

namespace Roadmap.Core.Storage.Neo4j;

/// <summary>
/// The graph on a Neo4j server, behind the same interface as the embedded store and with the same answers.
/// Lookups are single Cypher statements. Traversals fetch the bounded neighbourhood they need one frontier at a
/// time (at most maxDepth + 1 round trips of <c>edges_out</c> or <c>edges_in</c>, never an unbounded
/// variable-length pattern) and run the embedded store's algorithms on it, so shortest-first order, truncation
/// and severity mean exactly the same thing on both stores. The whole-graph analyses (bottlenecks, changes, plan
/// comparison) work on a snapshot of the graph, refreshed after <see cref="SnapshotLifetime"/>.
/// </summary>
public sealed class Neo4jGraphStore(Neo4jQueryClient client, ILogger<Neo4jGraphStore>? logger = null) : IGraphStore, IDisposable
{
    public static readonly TimeSpan SnapshotLifetime = TimeSpan.FromSeconds(60);

    private readonly ILogger _logger = logger ?? NullLogger<Neo4jGraphStore>.Instance;
    private readonly SemaphoreSlim _snapshotLock = new(1, 1);
    private (GraphIndex Graph, DateTimeOffset At)? _snapshot;
    private volatile bool _ready;

    public bool IsReady => _ready;

    /// <summary>
    /// Closed circuit: available. Otherwise one cheap read through the pipeline: while the breaker is open it fails at
    /// once without reaching Neo4j; once the break is over it is the half-open trial, and success closes the circuit.
    /// Without it, a service kept out of rotation by its own readiness check would never make the trial call.
    /// </summary>
    public async Task<bool> CheckAvailableAsync(CancellationToken cancellationToken)
    {
        if (!_ready) return false;
        if (client.CircuitState == Polly.CircuitBreaker.CircuitState.Closed) return true;
        try
        {
            await Read("count_nodes", new() { ["kinds"] = null }, cancellationToken);
            return true;
        }
        catch (Neo4jException)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits for Neo4j to answer (a container may still be starting), checks that it is recent enough, then reports
    /// ready. A configuration error (credentials, database name, version) ends the wait: waiting cannot mend it.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await client.CheckServerVersionAsync(cancellationToken);
                await client.RunAsync("count_nodes", new Dictionary<string, object?> { ["kinds"] = null }, AccessMode.Read, true, cancellationToken);
                _ready = true;
                return;
            }
            catch (Neo4jTransientException e)
            {
                _logger.LogWarning("Neo4j is not answering yet ({Code}); retrying in 2 s", e.Code);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyDictionary<string, Node>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return new Dictionary<string, Node>();
        var result = await Read("get_nodes", new() { ["ids"] = ids.Distinct().ToArray() }, cancellationToken);
        return result.Rows.Select(row => ToNode(result.Value(row, "body"))).ToDictionary(n => n.Id, StringComparer.Ordinal);
    }

    public async Task<NodePage> ListNodesAsync(IReadOnlySet<NodeKind>? kinds, int offset, int count, CancellationToken cancellationToken)
    {
        var kindNames = kinds?.Select(k => EnumNames.ToConstant(k)).ToArray();
        var page = await Read("list_nodes", new() { ["kinds"] = kindNames, ["offset"] = offset, ["count"] = count }, cancellationToken);
        var total = await Read("count_nodes", new() { ["kinds"] = kindNames }, cancellationToken);
        return new NodePage(page.Rows.Select(row => ToNode(page.Value(row, "body"))).ToList(), offset, (int)total.Value(total.Rows[0], "total")!);
    }

    // The list questions run on the analysis snapshot, with the embedded store's evaluator, so both stores select,
    // order and count alike; the snapshot is at most SnapshotLifetime old.
    public async Task<NodeWindow> QueryNodesAsync(NodeQuery query, CancellationToken cancellationToken) =>
        NodeSelection.Page(await SnapshotAsync(cancellationToken), query);

    public async Task<IReadOnlyList<NodeCount>> CountNodesAsync(NodeFilter? filter, IReadOnlyList<NodeGroupKey> groupBy, CancellationToken cancellationToken) =>
        NodeSelection.Count(await SnapshotAsync(cancellationToken), filter, groupBy);

    public async Task<SourceHitPage> SearchSourcesAsync(string text, IReadOnlySet<string>? documents, (string Document, int Position)? after, int first, CancellationToken cancellationToken) =>
        PlanTextIndex.Of(await SnapshotAsync(cancellationToken)).Page(text, documents, after, first);

    public async Task<Plans.ProposalSet?> ProposeAsync(string documentId, CancellationToken cancellationToken) =>
        EmbeddedGraphStore.Propose(await SnapshotAsync(cancellationToken), documentId);

    public async Task<DocumentCoverage?> CoverageAsync(string documentId, CancellationToken cancellationToken) =>
        PlanTextIndex.Of(await SnapshotAsync(cancellationToken)).Coverage(documentId);

    public async Task<NameHitPage> SearchAsync(string text, IReadOnlySet<NodeKind>? kinds, NameHitKey? after, int first, CancellationToken cancellationToken)
    {
        // Neo4j narrows to the candidates; the ranking is the embedded store's, so both stores order results alike.
        var result = await Read("search", new()
        {
            ["text"] = text.Trim().ToLowerInvariant(),
            ["kinds"] = kinds?.Select(k => EnumNames.ToConstant(k)).ToArray(),
            ["limit"] = 1000,
        }, cancellationToken);
        var candidates = new GraphIndex(new GraphData(result.Rows.Select(row => ToNode(result.Value(row, "body"))).ToList(), []));
        return NameSearch.Page(candidates, text, kinds, after, first);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Edge>>> GetEdgesAsync(IReadOnlyCollection<string> ids, Direction direction, CancellationToken cancellationToken)
    {
        var edges = await EdgesAsync(ids, direction, cancellationToken);
        var (key, other) = direction == Direction.Forward ? ((Func<Edge, string>)(e => e.From), (Func<Edge, string>)(e => e.To)) : (e => e.To, e => e.From);
        // In the embedded store's order (by type, then the other end's id): Cypher without ORDER BY promises none.
        return ids.Distinct().ToDictionary(
            id => id,
            id => (IReadOnlyList<Edge>)edges.Where(e => key(e) == id).OrderBy(e => e.Type).ThenBy(other, StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);
    }

    public async Task<Subgraph> ReachAsync(string id, Direction direction, int maxDepth, TraversalControls controls, CancellationToken cancellationToken)
    {
        // One level past maxDepth, so that "truncated" can be told. Only the followed edge types are fetched; the
        // kinds reported and the kinds stopped at are the algorithm's to apply, on what was fetched.
        if (!controls.Members)
        {
            var neighbourhood = await NeighbourhoodAsync([id], direction, maxDepth + 1, cancellationToken, e => controls.Follows(e.Type));
            return GraphAlgorithms.Reach(neighbourhood, id, direction, maxDepth, controls);
        }
        // The roll-up walks from the start's members too: the class tree first, then the neighbourhood of all of it.
        var tree = await NeighbourhoodAsync([id], Direction.Backward, maxDepth, cancellationToken, e => e.Type == EdgeType.VariantOf);
        var around = await NeighbourhoodAsync([.. tree.Nodes.Select(n => n.Id)], direction, maxDepth + 1, cancellationToken, e => controls.Follows(e.Type));
        var graph = await WithNodesAsync(tree.Edges.Concat(around.Edges), [.. tree.Nodes, .. around.Nodes], cancellationToken);
        return GraphAlgorithms.Reach(graph, id, direction, maxDepth, controls);
    }

    public async Task<PathSearch> PathsAsync(string from, string to, int maxLength, int limit, TraversalControls controls, CancellationToken cancellationToken)
    {
        var neighbourhood = await NeighbourhoodAsync([from], Direction.Forward, maxLength, cancellationToken, e => controls.Follows(e.Type));
        return GraphAlgorithms.SearchPaths(neighbourhood, from, to, maxLength, limit, controls: controls);
    }

    public Task<ImpactReport> ImpactAsync(IReadOnlyCollection<string> ids, int maxDepth, bool assumeGaps, CancellationToken cancellationToken) =>
        ImpactAsync(Scenario.Of(ids, assumeGaps), maxDepth, cancellationToken);

    public async Task<Blockers?> BlockersAsync(string id, Scenario scenario, int firstGaps, int chainsPerGap, CancellationToken cancellationToken)
    {
        // Whether a node is blocked depends on its dependencies alone: they, with their own edges, are all it takes.
        var down = await NeighbourhoodAsync([id], Direction.Forward, TraversalLimits.MaxDepth, cancellationToken);
        var graph = await WithNodesAsync(down.Edges, down.Nodes, cancellationToken, [id]);
        return ScenarioAnalysis.Blockers(graph, id, scenario, firstGaps, chainsPerGap);
    }

    public async Task<ImpactReport> ImpactAsync(Scenario scenario, int maxDepth, CancellationToken cancellationToken)
    {
        var gaps = scenario.GapIds(scenario.AssumeGaps ? await SnapshotAsync(cancellationToken) : null);
        var unknownResolved = scenario.Resolved.Count == 0 ? [] : scenario.Resolved.Except((await GetNodesAsync(scenario.Resolved, cancellationToken)).Keys).ToList();
        return ScenarioAnalysis.WithUnknown(await ImpactOfAsync(gaps, maxDepth, cancellationToken), unknownResolved);
    }

    private async Task<ImpactReport> ImpactOfAsync(IReadOnlyList<string> gaps, int maxDepth, CancellationToken cancellationToken)
    {
        // Severity counts every need of an affected node, so their outgoing edges come too; the search goes as deep
        // as any query may (a node is blocked through chains longer than the distance it is reported at).
        var affected = await NeighbourhoodAsync(gaps, Direction.Backward, TraversalLimits.MaxDepth, cancellationToken);
        var needs = await EdgesAsync(affected.Nodes.Select(n => n.Id).ToList(), Direction.Forward, cancellationToken);
        var graph = await WithNodesAsync(affected.Edges.Concat(needs), affected.Nodes, cancellationToken);
        return GraphAlgorithms.Impact(graph, gaps, maxDepth);
    }

    public async Task<IReadOnlyList<Bottleneck>> BottlenecksAsync(IReadOnlySet<NodeKind>? kinds, IReadOnlySet<AssessmentStatus>? statuses, int first, CancellationToken cancellationToken) =>
        Analytics.Bottlenecks(await SnapshotAsync(cancellationToken), kinds, statuses, first);

    public async Task<IReadOnlyList<StatusChange>> ChangesAsync(int fromYear, int toYear, CancellationToken cancellationToken) =>
        Analytics.Changes(await SnapshotAsync(cancellationToken), fromYear, toYear);

    public async Task<DocumentComparison?> CompareDocumentsAsync(string a, string b, CancellationToken cancellationToken) =>
        Analytics.CompareDocuments(await SnapshotAsync(cancellationToken), a, b);

    public async Task<NodeRoadmap?> RoadmapAsync(string id, int maxDepth, CancellationToken cancellationToken)
    {
        var down = await NeighbourhoodAsync([id], Direction.Forward, maxDepth + 1, cancellationToken);
        var up = await NeighbourhoodAsync([id], Direction.Backward, maxDepth, cancellationToken, e => e.Type is EdgeType.Targets or EdgeType.Includes);
        // The time axis dates each node by the plans that state it: those documents come too.
        var documents = down.Nodes.Concat(up.Nodes).SelectMany(NodeSelection.StatingDocuments).Append(id);
        var graph = await WithNodesAsync(down.Edges.Concat(up.Edges), [.. down.Nodes, .. up.Nodes], cancellationToken, documents);
        return Analytics.Roadmap(graph, id, maxDepth);
    }

    public async Task<GraphStats> StatsAsync(CancellationToken cancellationToken)
    {
        var result = await Read("stats", [], cancellationToken);
        var byKind = Enum.GetValues<NodeKind>().ToDictionary(k => k, _ => 0);
        var byType = Enum.GetValues<EdgeType>().ToDictionary(t => t, _ => 0);
        foreach (var row in result.Rows)
        {
            var (what, name, count) = ((string)result.Value(row, "what")!, (string?)result.Value(row, "name"), (int)result.Value(row, "count")!);
            if (what == "node" && EnumNames.TryParse<NodeKind>(name, out var kind)) byKind[kind] = count;
            else if (what == "edge" && EnumNames.TryParse<EdgeType>(name, out var type)) byType[type] = count;
        }
        return new GraphStats(byKind.Values.Sum(), byType.Values.Sum(), byKind, byType);
    }

    /// <summary>Breadth-first, one frontier per round trip: the nodes within <paramref name="depth"/> edges and the edges followed.</summary>
    private async Task<GraphIndex> NeighbourhoodAsync(IReadOnlyCollection<string> start, Direction direction, int depth, CancellationToken cancellationToken, Func<Edge, bool>? follow = null)
    {
        var seen = new HashSet<string>(start, StringComparer.Ordinal);
        var edges = new List<Edge>();
        var frontier = start.ToList();
        for (var level = 0; level < depth && frontier.Count > 0; level++)
        {
            var next = new List<string>();
            foreach (var edge in await EdgesAsync(frontier, direction, cancellationToken))
            {
                if (follow is not null && !follow(edge)) continue;
                edges.Add(edge);
                var other = direction == Direction.Forward ? edge.To : edge.From;
                if (seen.Add(other)) next.Add(other);
            }
            frontier = next;
        }
        return await WithNodesAsync(edges, [], cancellationToken, seen);
    }

    private async Task<GraphIndex> WithNodesAsync(IEnumerable<Edge> edges, IReadOnlyList<Node> known, CancellationToken cancellationToken, IEnumerable<string>? ids = null)
    {
        // An edge can arrive twice (as one node's need and another's dependent); the records' source lists differ.
        var edgeList = edges.DistinctBy(e => (e.From, e.Type, e.To)).ToList();
        var wanted = (ids ?? []).Concat(edgeList.SelectMany(e => new[] { e.From, e.To })).ToHashSet(StringComparer.Ordinal);
        var nodes = known.DistinctBy(n => n.Id).ToDictionary(n => n.Id, StringComparer.Ordinal);
        var missing = wanted.Where(id => !nodes.ContainsKey(id)).ToList();
        foreach (var (id, node) in await GetNodesAsync(missing, cancellationToken)) nodes[id] = node;
        return new GraphIndex(new GraphData([.. nodes.Values], edgeList));
    }

    private async Task<List<Edge>> EdgesAsync(IReadOnlyCollection<string> ids, Direction direction, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var result = await Read(direction == Direction.Forward ? "edges_out" : "edges_in", new() { ["ids"] = ids.Distinct().ToArray() }, cancellationToken);
        return result.Rows.Select(row => ToEdge(result, row)).ToList();
    }

    private async Task<GraphIndex> SnapshotAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } current && DateTimeOffset.UtcNow - current.At < SnapshotLifetime) return current.Graph;
        await _snapshotLock.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } fresh && DateTimeOffset.UtcNow - fresh.At < SnapshotLifetime) return fresh.Graph;
            // Neo4j's reads are read-committed: an import committed between the two reads would give nodes of one
            // graph and edges of another. Every import bumps the revision in its transaction, so an unchanged revision
            // around the reads means they saw one graph; otherwise they are read again.
            for (var attempt = 1; ; attempt++)
            {
                var before = await RevisionAsync(cancellationToken);
                var nodes = await Read("all_nodes", [], cancellationToken);
                var edges = await Read("all_edges", [], cancellationToken);
                var after = await RevisionAsync(cancellationToken);
                if (before != after && attempt < MaxSnapshotReads)
                {
                    _logger.LogInformation("An import committed while the snapshot was read (revision {Before} to {After}); reading again", before, after);
                    continue;
                }
                if (before != after) throw new Neo4jTransientException("SNAPSHOT_MOVING", $"The graph changed during each of {MaxSnapshotReads} snapshot reads.");
                var graph = new GraphIndex(new GraphData(
                    nodes.Rows.Select(row => ToNode(nodes.Value(row, "body"))).ToList(),
                    edges.Rows.Select(row => ToEdge(edges, row)).ToList()));
                _snapshot = (graph, DateTimeOffset.UtcNow);
                return graph;
            }
        }
        finally
        {
            _snapshotLock.Release();
        }
    }

    /// <summary>How often a snapshot is read again when imports keep landing during its reads.</summary>
    public const int MaxSnapshotReads = 3;

    private async Task<long?> RevisionAsync(CancellationToken cancellationToken)
    {
        var result = await Read("revision", [], cancellationToken);
        return result.Rows.Count == 0 ? null : (long?)result.Value(result.Rows[0], "revision");
    }

    public void Dispose() => _snapshotLock.Dispose();

    private Task<QueryResult> Read(string query, Dictionary<string, object?> parameters, CancellationToken cancellationToken) =>
        client.RunAsync(query, parameters, AccessMode.Read, idempotent: true, cancellationToken);

    private static Node ToNode(JsonNode? body) =>
        JsonSerializer.Deserialize<Node>((string?)body ?? throw new Neo4jClientException("MALFORMED_RESPONSE", "a node without body"), GraphJson.Options)!;

    private static Edge ToEdge(QueryResult result, JsonArray row)
    {
        var typeName = (string?)result.Value(row, "type");
        if (!EnumNames.TryParse<EdgeType>(typeName, out var type)) throw new Neo4jClientException("MALFORMED_RESPONSE", $"unknown relationship type '{typeName}'");
        var sources = (string?)result.Value(row, "sources") is { } json ? JsonSerializer.Deserialize<List<Source>>(json, GraphJson.Options)! : [];
        var reachName = (string?)result.Value(row, "reach");
        var reach = NeedReach.EveryMember;
        if (reachName is not null && !EnumNames.TryParse(reachName, out reach)) throw new Neo4jClientException("MALFORMED_RESPONSE", $"unknown reach '{reachName}'");
        return new Edge((string)result.Value(row, "from")!, type, (string)result.Value(row, "to")!, sources, (string?)result.Value(row, "group"), reach);
    }
}
