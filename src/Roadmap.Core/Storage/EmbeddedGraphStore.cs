using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Roadmap.Core.Analysis;
using Roadmap.Core.Model;
using Roadmap.Core.Seeds;

namespace Roadmap.Core.Storage;

/// <summary>
/// The default store: runs in-process with no server. At start it makes sure the SQLite file holds the current
/// seeds (importing them when the file is new or the seeds changed), then builds the in-memory read model from the
/// file and answers every query from memory.
/// </summary>
public sealed class EmbeddedGraphStore(RoadmapOptions options, ILogger<EmbeddedGraphStore>? logger = null) : IGraphStore
{
    private readonly ILogger _logger = logger ?? NullLogger<EmbeddedGraphStore>.Instance;
    private volatile GraphIndex? _graph;

    public bool IsReady => _graph is not null;

    /// <summary>The read model; throws <see cref="GraphNotReadyException"/> before <see cref="InitializeAsync"/> has finished.</summary>
    public GraphIndex Graph => _graph ?? throw new GraphNotReadyException();

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        var file = new SqliteGraphFile(options.DatabasePath);
        if (options.SeedImport == SeedImport.Never)
        {
            _graph = new GraphIndex(file.Read());
            _logger.LogInformation("Graph ready: {Nodes} nodes, {Edges} edges from {Database} (seed import off)", _graph.NodeCount, _graph.EdgeCount, file.Path);
            return Task.CompletedTask;
        }
        var seeds = options.ResolveSeedsPath();
        var fingerprint = SeedLoader.Fingerprint(seeds);
        if (file.ReadSeedFingerprint() != fingerprint)
        {
            var loaded = SeedLoader.Load(seeds);
            if (!loaded.IsValid)
            {
                throw new InvalidDataException(
                    $"The seeds in {seeds} have {loaded.Issues.Count} problem(s); run 'roadmap validate'. First: {loaded.Issues[0]}");
            }
            file.Import(loaded.Graph, fingerprint);
            _logger.LogInformation("Imported {Nodes} nodes and {Edges} edges from {Seeds} into {Database}",
                loaded.Graph.Nodes.Count, loaded.Graph.Edges.Count, seeds, file.Path);
        }
        _graph = new GraphIndex(file.Read());
        _logger.LogInformation("Graph ready: {Nodes} nodes, {Edges} edges from {Database}", _graph.NodeCount, _graph.EdgeCount, file.Path);
        return Task.CompletedTask;
    }

    /// <summary>Serves a graph that is already in memory: for tests and tools that build graphs by hand.</summary>
    public static EmbeddedGraphStore FromGraph(GraphData data)
    {
        var store = new EmbeddedGraphStore(new RoadmapOptions());
        store._graph = new GraphIndex(data);
        return store;
    }

    public Task<IReadOnlyDictionary<string, Node>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var graph = Graph;
        var found = new Dictionary<string, Node>(ids.Count, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var i = graph.IndexOf(id);
            if (i >= 0) found[id] = graph.NodeAt(i);
        }
        return Task.FromResult<IReadOnlyDictionary<string, Node>>(found);
    }

    public Task<NodePage> ListNodesAsync(IReadOnlySet<NodeKind>? kinds, int offset, int count, CancellationToken cancellationToken)
    {
        var matching = kinds is null ? Graph.Nodes : Graph.Nodes.Where(n => kinds.Contains(n.Kind)).ToList();
        var page = matching.Skip(offset).Take(count).ToList();
        return Task.FromResult(new NodePage(page, offset, matching.Count));
    }

    public Task<IReadOnlyList<Node>> SearchAsync(string text, IReadOnlySet<NodeKind>? kinds, int first, CancellationToken cancellationToken) =>
        Task.FromResult(GraphAlgorithms.Search(Graph, text, kinds, first));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Edge>>> GetEdgesAsync(IReadOnlyCollection<string> ids, Direction direction, CancellationToken cancellationToken)
    {
        var graph = Graph;
        var result = new Dictionary<string, IReadOnlyList<Edge>>(ids.Count, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var i = graph.IndexOf(id);
            if (i < 0) continue;
            var edges = new List<Edge>();
            foreach (var e in graph.EdgesOf(i, direction)) edges.Add(graph.EdgeAt(e));
            result[id] = edges;
        }
        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<Edge>>>(result);
    }

    public Task<Subgraph> ReachAsync(string id, Direction direction, int maxDepth, CancellationToken cancellationToken) =>
        Task.FromResult(GraphAlgorithms.Reach(Graph, id, direction, maxDepth));

    public Task<IReadOnlyList<GraphPath>> PathsAsync(string from, string to, int maxLength, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(GraphAlgorithms.Paths(Graph, from, to, maxLength, limit));

    public Task<ImpactReport> ImpactAsync(IReadOnlyCollection<string> ids, int maxDepth, bool assumeGaps, CancellationToken cancellationToken) =>
        Task.FromResult(GraphAlgorithms.Impact(Graph, assumeGaps ? [.. ids.Union(Analytics.AssessedGaps(Graph))] : ids, maxDepth));

    public Task<IReadOnlyList<Bottleneck>> BottlenecksAsync(IReadOnlySet<NodeKind>? kinds, IReadOnlySet<AssessmentStatus>? statuses, int first, CancellationToken cancellationToken) =>
        Task.FromResult(Analytics.Bottlenecks(Graph, kinds, statuses, first));

    public Task<IReadOnlyList<StatusChange>> ChangesAsync(int fromYear, int toYear, CancellationToken cancellationToken) =>
        Task.FromResult(Analytics.Changes(Graph, fromYear, toYear));

    public Task<DocumentComparison?> CompareDocumentsAsync(string a, string b, CancellationToken cancellationToken) =>
        Task.FromResult(Analytics.CompareDocuments(Graph, a, b));

    public Task<NodeRoadmap?> RoadmapAsync(string id, int maxDepth, CancellationToken cancellationToken) =>
        Task.FromResult(Analytics.Roadmap(Graph, id, maxDepth));

    public Task<GraphStats> StatsAsync(CancellationToken cancellationToken)
    {
        var graph = Graph;
        var byKind = Enum.GetValues<NodeKind>().ToDictionary(k => k, k => graph.Nodes.Count(n => n.Kind == k));
        var byType = Enum.GetValues<EdgeType>().ToDictionary(t => t, t => graph.Edges.Count(e => e.Type == t));
        return Task.FromResult(new GraphStats(graph.NodeCount, graph.EdgeCount, byKind, byType));
    }
}
