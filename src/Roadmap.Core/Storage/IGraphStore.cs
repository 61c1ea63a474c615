using Roadmap.Core.Analysis;
using Roadmap.Core.Editing;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;

namespace Roadmap.Core.Storage;

/// <summary>
/// The operations the API needs from a graph store, and no more. The embedded store answers from memory;
/// a Neo4j store answers the same calls over the network, so everything is asynchronous and batched by id.
/// </summary>
public interface IGraphStore
{
    /// <summary>True once the graph is loaded and queries can be answered.</summary>
    bool IsReady { get; }

    /// <summary>
    /// Whether a loaded store can answer now; readiness reports it. A remote store that has been failing makes its
    /// trial call here, so that readiness probes, not only queries, bring it back once its server recovers.
    /// </summary>
    Task<bool> CheckAvailableAsync(CancellationToken cancellationToken) => Task.FromResult(IsReady);

    /// <summary>Loads the graph. Called once at start-up; queries before it completes fail with GRAPH_NOT_READY.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The nodes with the given ids; unknown ids are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, Node>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>A page of nodes in id order, optionally of some kinds only.</summary>
    Task<NodePage> ListNodesAsync(IReadOnlySet<NodeKind>? kinds, int offset, int count, CancellationToken cancellationToken);

    /// <summary>A page of the nodes a filter selects, in an order, with keys to page on from.</summary>
    Task<NodeWindow> QueryNodesAsync(NodeQuery query, CancellationToken cancellationToken);

    /// <summary>How many nodes a filter selects, by the values grouped by.</summary>
    Task<IReadOnlyList<NodeCount>> CountNodesAsync(NodeFilter? filter, IReadOnlyList<NodeGroupKey> groupBy, CancellationToken cancellationToken);

    /// <summary>The sentences of the plans that contain a text, after a hit's key, with what cites each.</summary>
    Task<SourceHitPage> SearchSourcesAsync(string text, IReadOnlySet<string>? documents, (string Document, int Position)? after, int first, CancellationToken cancellationToken);

    /// <summary>What a plan's text proposes, with the graph as the vocabulary; null when the id is not a document with text.</summary>
    Task<Plans.ProposalSet?> ProposeAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>Which sentences of a plan support no fact yet; null when the id is not a document with text.</summary>
    Task<DocumentCoverage?> CoverageAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>The nodes whose names contain a text, in rank order after a hit's key, with how each matched.</summary>
    Task<NameHitPage> SearchAsync(string text, IReadOnlySet<NodeKind>? kinds, NameHitKey? after, int first, CancellationToken cancellationToken);

    /// <summary>The edges leaving (forward) or entering (backward) each of the given nodes.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Edge>>> GetEdgesAsync(IReadOnlyCollection<string> ids, Direction direction, CancellationToken cancellationToken);

    Task<Subgraph> ReachAsync(string id, Direction direction, int maxDepth, TraversalControls controls, CancellationToken cancellationToken);

    Task<PathSearch> PathsAsync(string from, string to, int maxLength, int limit, TraversalControls controls, CancellationToken cancellationToken);

    /// <summary>What transitively needs the gap set; with <paramref name="assumeGaps"/>, every node the plans last judged a domestic gap or import-dependent joins it.</summary>
    Task<ImpactReport> ImpactAsync(IReadOnlyCollection<string> ids, int maxDepth, bool assumeGaps, CancellationToken cancellationToken) =>
        ImpactAsync(Scenario.Of(ids, assumeGaps), maxDepth, cancellationToken);

    /// <summary>What transitively needs the scenario's gap set; resolved ids that name no node are reported unknown too.</summary>
    Task<ImpactReport> ImpactAsync(Scenario scenario, int maxDepth, CancellationToken cancellationToken);

    /// <summary>What holds one node back under a scenario (<see cref="ScenarioAnalysis.Blockers"/>); null for an unknown id.</summary>
    Task<Blockers?> BlockersAsync(string id, Scenario scenario, int firstGaps, int chainsPerGap, CancellationToken cancellationToken);

    Task<IReadOnlyList<Bottleneck>> BottlenecksAsync(IReadOnlySet<NodeKind>? kinds, IReadOnlySet<AssessmentStatus>? statuses, int first, CancellationToken cancellationToken);

    Task<IReadOnlyList<StatusChange>> ChangesAsync(int fromYear, int toYear, CancellationToken cancellationToken);

    /// <summary>Null when either id is not a document.</summary>
    Task<DocumentComparison?> CompareDocumentsAsync(string a, string b, CancellationToken cancellationToken);

    /// <summary>Null for an unknown id.</summary>
    Task<NodeRoadmap?> RoadmapAsync(string id, int maxDepth, CancellationToken cancellationToken);

    Task<GraphStats> StatsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes the reads of the current request agree with each other until disposed. A store whose graph cannot
    /// change under a request (or that has no such guarantee to give) returns a no-op.
    /// </summary>
    IDisposable PinSnapshot() => NoPin.Instance;

    private sealed class NoPin : IDisposable
    {
        public static readonly NoPin Instance = new();

        public void Dispose()
        {
        }
    }
}

/// <summary>A store that can be edited: the embedded store. Edits are planned against the latest graph and committed one at a time.</summary>
public interface IEditableGraphStore
{
    /// <summary>
    /// Runs <paramref name="plan"/> on the latest graph and commits the edit it returns, or throws the plan's
    /// <see cref="RoadmapException"/>. The token cancels the wait for the write lock, never a commit under way.
    /// </summary>
    Task<EditResult> EditAsync(string actor, Func<GraphIndex, GraphEdit> plan, CancellationToken cancellationToken);

    /// <summary>
    /// Plans every change against the latest graph, each against the graph as the earlier ones left it, and commits
    /// all of them in one transaction (one audit entry per change, each under its own change id) or none: nothing is
    /// written when any change is refused, when <paramref name="dryRun"/> is set, or when the revision is not
    /// <paramref name="expectedRevision"/> (CONFLICT, thrown).
    /// </summary>
    Task<ChangeSetResult> ApplyChangesAsync(string actor, IReadOnlyList<PlannedChange> changes, bool dryRun, long? expectedRevision, CancellationToken cancellationToken);

    /// <summary>The sequence of the last audit entry: it goes up with every commit.</summary>
    long Revision { get; }

    /// <summary>Every commit, as it happens, for the change feed.</summary>
    ChangeFeed Feed { get; }

    /// <summary>Audit entries at or after <paramref name="since"/> and after <paramref name="afterSequence"/>, of one target when given, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> AuditLogAsync(DateTimeOffset? since, long afterSequence, string? target, int first, CancellationToken cancellationToken);

    /// <summary>The net change of every node and edge the edits committed in [since, until) touched, from the audit log.</summary>
    Task<GraphDiff> DiffAsync(DateTimeOffset since, DateTimeOffset? until, CancellationToken cancellationToken);

    /// <summary>Why the last write failed (or the file could not be written at start); null once a write succeeds.</summary>
    string? WriteFailure { get; }
}

/// <summary>
/// A commit the store could not make (disk full, a read-only file, an I/O error, a corrupted page): the edit was
/// not applied. Answered STORE_WRITE_FAILED, and logged with the request id.
/// </summary>
public sealed class StoreWriteException(string message, Exception cause) : Exception(message, cause);

/// <summary>A committed edit: the sequence number of its last audit entry, and what it changed.</summary>
public sealed record EditResult(long Sequence, GraphEdit Edit);
