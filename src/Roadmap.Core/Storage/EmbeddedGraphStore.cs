using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Roadmap.Core.Analysis;
using Roadmap.Core.Editing;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;
using Roadmap.Core.Telemetry;

namespace Roadmap.Core.Storage;

/// <summary>
/// The default store: runs in-process with no server. At start it makes sure the SQLite file holds the current
/// seeds (importing them when the file is new, or when the seeds changed and the file holds no edits), then
/// builds the in-memory read model from the file and answers every query from memory.
/// Edits go to the file first, in one durable transaction with their audit entries, and only then replace the
/// read model: a new immutable <see cref="GraphIndex"/> swapped in with one reference write, so a reader sees the
/// graph before an edit or after it, never half of it.
/// </summary>
public sealed class EmbeddedGraphStore(EmbeddedStoreOptions options, SeedsOptions seeds, ILogger<EmbeddedGraphStore>? logger = null, TimeProvider? time = null)
    : IGraphStore, IEditableGraphStore, IDisposable
{
    private readonly ILogger _logger = logger ?? NullLogger<EmbeddedGraphStore>.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    // The snapshot one request reads from, so that all its fields agree (see PinSnapshot).
    private readonly AsyncLocal<SnapshotPin?> _pinned = new();
    private volatile GraphIndex? _graph;
    private long _revision;
    private SqliteGraphFile? _file;
    private SqliteGraphFile.EditConnection? _editConnection;
    private Task _snapshotWrite = Task.CompletedTask;
    // The revision of the snapshot in the file; -1 while it has none this store can use.
    private long _snapshotRevision = -1;

    public bool IsReady => _graph is not null;

    /// <summary>Where the read model came from at start: the file's snapshot, or its rows.</summary>
    public ReadModelOrigin Origin { get; private set; }

    /// <summary>When the read model was last replaced: loaded from the file, or swapped after a commit. Null while loading.</summary>
    public DateTimeOffset? SnapshotAt { get; private set; }

    /// <summary>How old the read model is, by the store's clock; null while loading.</summary>
    public TimeSpan? SnapshotAge => SnapshotAt is { } at ? _time.GetUtcNow() - at : null;

    /// <summary>The latest graph whatever the request has pinned, or null while loading.</summary>
    public GraphIndex? LatestGraph => _graph;

    /// <summary>The name index of the graph as loaded, built in the background after the load; completed when there was no load.</summary>
    public Task NameIndexBuilt { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// The read model: the request's pinned snapshot if it has one, else the latest.
    /// Throws a <see cref="RoadmapException"/> coded GRAPH_NOT_READY before <see cref="InitializeAsync"/> has finished.
    /// </summary>
    public GraphIndex Graph => _pinned.Value?.Graph ?? _graph ?? throw new RoadmapException(ErrorCodes.GraphNotReady, "The graph is still loading; retry shortly.");

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        var file = new SqliteGraphFile(options.DatabasePath);
        // The check reads the whole file; it runs beside the load, on the other core, and the start fails if it does.
        var integrity = options.IntegrityCheckAtStart && File.Exists(file.Path) ? Task.Run(() => CheckIntegrity(file), CancellationToken.None) : Task.CompletedTask;
        if (options.SeedImport == SeedImport.WhenUnedited) ImportSeedsIfStale(file, integrity);
        var (graph, fromRows) = LoadReadModel(file);
        Origin = fromRows ? ReadModelOrigin.Rows : ReadModelOrigin.Snapshot;
        integrity.GetAwaiter().GetResult();
        _file = file;
        try
        {
            _editConnection = file.OpenForEdits(options.MaxDatabaseBytes);
            _editConnection.ProbeWrite();
        }
        catch (SqliteException e)
        {
            DropEditConnection();
            WriteFailure = e.Message;
            _logger.LogError(e, "Serving {Database} read-only: it cannot be written ({Cause}). Edits fail with STORE_WRITE_FAILED until it can.", file.Path, e.Message);
        }
        _revision = file.ReadRevision();
        _graph = graph;
        SnapshotAt = _time.GetUtcNow();
        // The name index takes seconds at a million nodes. Built here, off the request path, the first search does not
        // wait for it (a search that comes sooner builds it under the same lock, as before); edits carry it over.
        var loaded = _graph;
        NameIndexBuilt = Task.Run(() =>
        {
            _ = loaded.Names;
            ReturnLoadMemory(loaded);
        }, CancellationToken.None);
        if (fromRows && options.Snapshot && WriteFailure is null) WriteSnapshotInBackground();
        RoadmapTelemetry.ObserveReadModel(this, file.Path);
        _logger.LogInformation("Graph ready: {Nodes} nodes, {Edges} edges from {Database}", _graph.NodeCount, _graph.EdgeCount, file.Path);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Loading a large graph and indexing its names leaves the heap with as much free space as live data, which the
    /// collector keeps committed: at a million nodes 1.5 GB resident for 1.1 GB of graph. One compacting collection
    /// after the load hands that back to the system; below 100,000 nodes the difference is not worth a pause.
    /// </summary>
    private static void ReturnLoadMemory(GraphIndex loaded)
    {
        if (loaded.NodeCount < 100_000) return;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>
    /// The read model from the file's snapshot brought up to date with the edits made after it, or, when there is no
    /// usable snapshot, from the rows (true then, so that a snapshot is written for the next start).
    /// </summary>
    private (GraphIndex Graph, bool FromRows) LoadReadModel(SqliteGraphFile file)
    {
        var started = Stopwatch.GetTimestamp();
        if (options.Snapshot)
        {
            var (snapshot, revision, unusable) = file.ReadSnapshot();
            if (snapshot is not null)
            {
                var (nodes, edges) = file.ReadChangesSince(revision);
                var graph = nodes.Count + edges.Count == 0 ? snapshot : snapshot.Apply(Replay(snapshot, nodes, edges));
                _snapshotRevision = revision;
                _logger.LogInformation("Loaded the read model from its snapshot at revision {Revision} and {Changes} change(s) after it in {Milliseconds} ms",
                    revision, nodes.Count + edges.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return (graph, false);
            }
            _logger.LogInformation("Building the read model from the rows of {Database}: its snapshot cannot be used ({Reason})", file.Path, unusable);
        }
        var rebuilt = new GraphIndex(file.Read());
        _logger.LogInformation("Built the read model from the rows in {Milliseconds} ms", (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return (rebuilt, true);
    }

    // One edit from the snapshot's version of every touched node and edge to the row's: whatever happened in between.
    private static GraphEdit Replay(GraphIndex snapshot, IReadOnlyDictionary<string, Node?> nodes, IReadOnlyDictionary<EdgeKey, Edge?> edges)
    {
        var nodeChanges = new List<Change<Node>>();
        foreach (var (id, row) in nodes)
        {
            var before = snapshot.IndexOf(id) is var i and >= 0 ? snapshot.NodeAt(i) : null;
            if (before is not null || row is not null) nodeChanges.Add(new Change<Node>(before, row));
        }
        var edgeChanges = new List<Change<Edge>>();
        foreach (var (key, row) in edges)
        {
            var before = snapshot.EdgeWithKey(key);
            if (before is not null || row is not null) edgeChanges.Add(new Change<Edge>(before, row));
        }
        return new GraphEdit("replay", nodeChanges, edgeChanges);
    }

    /// <summary>
    /// Writes a snapshot of the current read model, off the request path. The encoding, a pass over the whole graph,
    /// runs outside the write lock; only storing it holds edits back, and an edit that committed meanwhile makes it
    /// stale, so it is dropped and the next commit tries again. A failure costs only the next start's speed: it is
    /// logged, never thrown.
    /// </summary>
    private void WriteSnapshotInBackground()
    {
        var previous = _snapshotWrite;
        _snapshotWrite = Task.Run(async () =>
        {
            await previous;
            if (_file is not { } file) return;
            try
            {
                // Edits arriving while it encodes make it stale: encode again a few times, then leave it to the next commit.
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    var started = Stopwatch.GetTimestamp();
                    GraphIndex graph;
                    long revision;
                    await _writeLock.WaitAsync();
                    try
                    {
                        (graph, revision) = (_graph!, Revision);
                    }
                    finally
                    {
                        _writeLock.Release();
                    }
                    // The snapshot carries the bottleneck ranking, so that no start has to work it out again.
                    _ = graph.Bottlenecks;
                    var image = SqliteGraphFile.EncodeSnapshot(graph);
                    var encoded = Stopwatch.GetElapsedTime(started);
                    await _writeLock.WaitAsync();
                    try
                    {
                        if (Revision != revision || !file.WriteSnapshot(image, revision)) continue;
                        _snapshotRevision = revision;
                    }
                    finally
                    {
                        _writeLock.Release();
                    }
                    _logger.LogInformation("Wrote the read model's snapshot at revision {Revision} ({Bytes} bytes) in {Milliseconds} ms, {Encoding} ms of it encoding",
                        revision, image.Written, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, (long)encoded.TotalMilliseconds);
                    return;
                }
            }
            catch (Exception e) when (e is SqliteException or IOException)
            {
                _logger.LogWarning("Could not write the read model's snapshot to {Database} ({Cause}); the next start rebuilds it from the rows.", file.Path, e.Message);
            }
        }, CancellationToken.None);
    }

    /// <summary>Completes once the snapshot writes started so far have finished (for tests and tools).</summary>
    public Task SnapshotWritten => _snapshotWrite;

    // After a commit: the snapshot is rewritten once enough edits have gathered since the last one.
    private void SnapshotIfDue()
    {
        if (options.Snapshot && (_snapshotRevision < 0 || Revision - _snapshotRevision >= options.SnapshotAfterEdits) && _snapshotWrite.IsCompleted) WriteSnapshotInBackground();
    }

    /// <summary>
    /// A damaged page is otherwise found only when something reads it, which for the audit table is the next edit
    /// or audit query: stop at start instead, saying what SQLite found, before serving a graph that may be partial.
    /// </summary>
    private void CheckIntegrity(SqliteGraphFile file)
    {
        var started = Stopwatch.GetTimestamp();
        string? problems;
        try
        {
            problems = file.QuickCheck();
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 11 or 26)
        {
            // SQLITE_CORRUPT, SQLITE_NOTADB: too damaged for the check itself to run.
            problems = e.Message;
        }
        if (problems is not null)
        {
            throw new InvalidDataException(
                $"{file.Path} is damaged (SQLite's quick_check: {problems}). Restore it from a backup, or move it away to re-import the seeds " +
                "(edits made through the API since are lost then; 'sqlite3 FILE .recover' may save some). Store:Embedded:IntegrityCheckAtStart=false skips this check.");
        }
        _logger.LogInformation("Checked {Database} in {Milliseconds} ms: no damage found", file.Path, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private void ImportSeedsIfStale(SqliteGraphFile file, Task integrity)
    {
        var seedsPath = seeds.Resolve();
        var fingerprint = SeedLoader.Fingerprint(seedsPath);
        if (file.ReadSeedFingerprint() == fingerprint) return;
        if (file.CountEdits() is var edits and > 0)
        {
            // The file is the only copy of those edits: keep it and say how to bring the seeds' changes in.
            _logger.LogWarning(
                "The seeds in {Seeds} changed, but {Database} holds {Edits} edit(s) made through the API; serving the file as it is. " +
                "Export the edits with 'roadmap export --format yaml', merge them into the seeds, then delete the file to re-import.",
                seedsPath, file.Path, edits);
            return;
        }
        // Never import over a damaged file: let the check finish (and throw) first.
        integrity.GetAwaiter().GetResult();
        var loaded = SeedLoader.Load(seedsPath);
        if (!loaded.IsValid)
        {
            throw new InvalidDataException(
                $"The seeds in {seedsPath} have {loaded.Issues.Count} problem(s); run 'roadmap validate'. First: {loaded.Issues[0]}");
        }
        try
        {
            file.Import(loaded.Graph, fingerprint);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 8)
        {
            // SQLITE_READONLY: the file, or its directory, cannot be written. What it holds is still a graph to serve.
            _logger.LogWarning("The seeds in {Seeds} changed, but {Database} cannot be written ({Cause}); serving the file as it is.", seedsPath, file.Path, e.Message);
            return;
        }
        _logger.LogInformation("Imported {Nodes} nodes and {Edges} edges from {Seeds} into {Database}",
            loaded.Graph.Nodes.Count, loaded.Graph.Edges.Count, seedsPath, file.Path);
    }

    /// <summary>Serves a graph that is already in memory: for tests and tools that build graphs by hand. It cannot be edited.</summary>
    public static EmbeddedGraphStore FromGraph(GraphData data)
    {
        var store = new EmbeddedGraphStore(new EmbeddedStoreOptions(), new SeedsOptions());
        store._graph = new GraphIndex(data);
        return store;
    }

    /// <summary>
    /// Makes every read in the current async flow (one GraphQL request) use the snapshot of this moment, and the
    /// snapshot after each edit the flow itself makes. Without it, a request that reads a node's edges and then
    /// the nodes at their ends could straddle a concurrent delete and find an edge whose end is gone.
    /// </summary>
    public IDisposable PinSnapshot()
    {
        var pin = new SnapshotPin(_pinned, _graph);
        _pinned.Value = pin;
        return pin;
    }

    private sealed class SnapshotPin(AsyncLocal<SnapshotPin?> slot, GraphIndex? graph) : IDisposable
    {
        public GraphIndex? Graph { get; set; } = graph;

        public void Dispose() => slot.Value = null;
    }

    public async Task<EditResult> EditAsync(string actor, Func<GraphIndex, GraphEdit> plan, CancellationToken cancellationToken)
    {
        if (_file is null) throw new RoadmapException(ErrorCodes.ReadOnlyStore, "This graph is not backed by a database file and cannot be edited.");
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            // Plan against the latest graph, not the request's pinned one: versions are checked against what is current.
            var latest = _graph!;
            var edit = plan(latest);
            long sequence;
            var committedAt = _time.GetUtcNow();
            using var activity = RoadmapTelemetry.Source.StartActivity("store.commit");
            var started = Stopwatch.GetTimestamp();
            try
            {
                _editConnection ??= _file.OpenForEdits(options.MaxDatabaseBytes);
                // Committed (and synced) before memory changes: an acknowledged edit is on disk, and a failed write
                // leaves memory as it was.
                sequence = _editConnection.Apply(edit, actor, committedAt);
                RoadmapTelemetry.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
                RoadmapTelemetry.Edits.Add(1, new KeyValuePair<string, object?>(RoadmapTelemetry.OutcomeTag, "committed"));
            }
            catch (SqliteException e)
            {
                RoadmapTelemetry.Edits.Add(1, new KeyValuePair<string, object?>(RoadmapTelemetry.OutcomeTag, "failed"));
                activity?.SetStatus(ActivityStatusCode.Error, e.Message);
                // A fresh connection next time: the disk may have room again, or the file its permissions back.
                DropEditConnection();
                WriteFailure = e.Message;
                throw new StoreWriteException($"{_file.Path} could not be written: {e.Message}", e);
            }
            WriteFailure = null;
            var next = latest.Apply(edit);
            _graph = next;
            Interlocked.Exchange(ref _revision, sequence);
            SnapshotAt = _time.GetUtcNow();
            // Inside the lock, so that watchers hear of commits in revision order.
            Feed.Publish(GraphChange.Of(edit, sequence, actor, committedAt));
            SnapshotIfDue();
            if (_pinned.Value is { } pin) pin.Graph = next;
            return new EditResult(sequence, edit);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<ChangeSetResult> ApplyChangesAsync(string actor, IReadOnlyList<PlannedChange> changes, bool dryRun, long? expectedRevision, CancellationToken cancellationToken)
    {
        if (_file is null) throw new RoadmapException(ErrorCodes.ReadOnlyStore, "This graph is not backed by a database file and cannot be edited.");
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var revision = Revision;
            if (expectedRevision is { } expected && expected != revision)
            {
                throw new RoadmapException(ErrorCodes.Conflict,
                    $"The graph is at revision {revision}, not {expected}: it changed since you read it. Read it again and retry.",
                    new Dictionary<string, object?> { ["currentRevision"] = revision });
            }
            var latest = _graph!;
            var plan = ChangeSetPlanner.Plan(latest, changes);
            if (dryRun || plan.IsRefused || plan.Edits.Count == 0) return new ChangeSetResult(plan, [], revision, dryRun);

            IReadOnlyList<long> sequences;
            var committedAt = _time.GetUtcNow();
            using var activity = RoadmapTelemetry.Source.StartActivity("store.commit");
            var started = Stopwatch.GetTimestamp();
            try
            {
                _editConnection ??= _file.OpenForEdits(options.MaxDatabaseBytes);
                sequences = _editConnection.ApplyAll([.. plan.Edits.Select(e => e.Edit)], actor, committedAt);
                RoadmapTelemetry.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
                RoadmapTelemetry.Edits.Add(plan.Edits.Count, new KeyValuePair<string, object?>(RoadmapTelemetry.OutcomeTag, "committed"));
            }
            catch (SqliteException e)
            {
                RoadmapTelemetry.Edits.Add(plan.Edits.Count, new KeyValuePair<string, object?>(RoadmapTelemetry.OutcomeTag, "failed"));
                activity?.SetStatus(ActivityStatusCode.Error, e.Message);
                DropEditConnection();
                WriteFailure = e.Message;
                throw new StoreWriteException($"{_file.Path} could not be written: {e.Message}", e);
            }
            WriteFailure = null;
            // The planner built the graph after the whole set already; it is the read model now.
            _graph = plan.After;
            Interlocked.Exchange(ref _revision, sequences[^1]);
            SnapshotAt = _time.GetUtcNow();
            if (_pinned.Value is { } pin) pin.Graph = plan.After;
            for (var i = 0; i < sequences.Count; i++) Feed.Publish(GraphChange.Of(plan.Edits[i].Edit, sequences[i], actor, committedAt));
            SnapshotIfDue();
            return new ChangeSetResult(plan, sequences, sequences[^1], DryRun: false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public string? WriteFailure { get; private set; }

    public ChangeFeed Feed { get; } = new();

    /// <summary>The sequence of the last audit entry committed: it goes up with every commit and never comes back down.</summary>
    public long Revision => Interlocked.Read(ref _revision);

    private void DropEditConnection()
    {
        _editConnection?.Dispose();
        _editConnection = null;
    }

    public Task<IReadOnlyList<AuditEntry>> AuditLogAsync(DateTimeOffset? since, long afterSequence, string? target, int first, CancellationToken cancellationToken) =>
        Task.FromResult(_file?.ReadAudit(since, afterSequence, target, first) ?? []);

    public Task<GraphDiff> DiffAsync(DateTimeOffset since, DateTimeOffset? until, CancellationToken cancellationToken) =>
        Task.FromResult(GraphDiff.From(since, until, _file?.ReadAuditBetween(since, until) ?? []));

    public void Dispose()
    {
        // A snapshot being written finishes first: it holds the file open. One that has fallen behind is brought up
        // to date, so that a clean stop leaves the next start nothing to replay.
        _snapshotWrite.GetAwaiter().GetResult();
        if (options.Snapshot && _file is not null && WriteFailure is null && _graph is { } graph && _snapshotRevision != Revision)
        {
            try
            {
                if (_file.WriteSnapshot(graph, Revision)) _snapshotRevision = Revision;
            }
            catch (Exception e) when (e is SqliteException or IOException)
            {
                _logger.LogWarning("Could not write the read model's snapshot to {Database} ({Cause}); the next start replays the edits after the last one.", _file.Path, e.Message);
            }
        }
        _editConnection?.Dispose();
        _writeLock.Dispose();
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

    public Task<NodeWindow> QueryNodesAsync(NodeQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(NodeSelection.Page(Graph, query));

    public Task<IReadOnlyList<NodeCount>> CountNodesAsync(NodeFilter? filter, IReadOnlyList<NodeGroupKey> groupBy, CancellationToken cancellationToken) =>
        Task.FromResult(NodeSelection.Count(Graph, filter, groupBy));

    public Task<SourceHitPage> SearchSourcesAsync(string text, IReadOnlySet<string>? documents, (string Document, int Position)? after, int first, CancellationToken cancellationToken) =>
        Task.FromResult(PlanTextIndex.Of(Graph).Page(text, documents, after, first));

    public Task<Plans.ProposalSet?> ProposeAsync(string documentId, CancellationToken cancellationToken) =>
        Task.FromResult(Propose(Graph, documentId));

    /// <summary>A plan's proposals against a read model; null unless the id is a document with text. Both stores ask here.</summary>
    internal static Plans.ProposalSet? Propose(GraphIndex graph, string documentId) =>
        graph.IndexOf(documentId) is var i and >= 0 && graph.NodeAt(i) is { Kind: NodeKind.Document, Text: not null } document
            ? Plans.PlanProposer.Propose(graph, document)
            : null;

    public Task<DocumentCoverage?> CoverageAsync(string documentId, CancellationToken cancellationToken) =>
        Task.FromResult(PlanTextIndex.Of(Graph).Coverage(documentId));

    public Task<NameHitPage> SearchAsync(string text, IReadOnlySet<NodeKind>? kinds, NameHitKey? after, int first, CancellationToken cancellationToken) =>
        Task.FromResult(NameSearch.Page(Graph, text, kinds, after, first));

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

    public Task<Subgraph> ReachAsync(string id, Direction direction, int maxDepth, TraversalControls controls, CancellationToken cancellationToken) =>
        Task.FromResult(GraphAlgorithms.Reach(Graph, id, direction, maxDepth, controls));

    public Task<PathSearch> PathsAsync(string from, string to, int maxLength, int limit, TraversalControls controls, CancellationToken cancellationToken) =>
        Task.FromResult(GraphAlgorithms.SearchPaths(Graph, from, to, maxLength, limit, controls: controls));

    public Task<ImpactReport> ImpactAsync(IReadOnlyCollection<string> ids, int maxDepth, bool assumeGaps, CancellationToken cancellationToken) =>
        ImpactAsync(Scenario.Of(ids, assumeGaps), maxDepth, cancellationToken);

    public Task<ImpactReport> ImpactAsync(Scenario scenario, int maxDepth, CancellationToken cancellationToken) =>
        Task.FromResult(ScenarioAnalysis.Impact(Graph, scenario, maxDepth));

    public Task<Blockers?> BlockersAsync(string id, Scenario scenario, int firstGaps, int chainsPerGap, CancellationToken cancellationToken) =>
        Task.FromResult(ScenarioAnalysis.Blockers(Graph, id, scenario, firstGaps, chainsPerGap));

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
        return Task.FromResult(new GraphStats(graph.NodeCount, graph.EdgeCount, byKind, byType, Revision));
    }
}

/// <summary>What a start built the read model from.</summary>
public enum ReadModelOrigin
{
    /// <summary>Every node and edge row of the file, parsed.</summary>
    Rows,

    /// <summary>The file's snapshot, with the edits made after it replayed from their rows.</summary>
    Snapshot,
}
