using Roadmap.Core.Model;

namespace Roadmap.Core.Storage;

/// <summary>
/// The operations the API needs from a graph store, and no more. The embedded store answers from memory;
/// a Neo4j store answers the same calls over the network, so everything is asynchronous and batched by id.
/// </summary>
public interface IGraphStore
{
    /// <summary>True once the graph is loaded and queries can be answered.</summary>
    bool IsReady { get; }

    /// <summary>Loads the graph. Called once at start-up; queries before it completes fail with GRAPH_NOT_READY.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The nodes with the given ids; unknown ids are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, Node>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>A page of nodes in id order, optionally of some kinds only.</summary>
    Task<NodePage> ListNodesAsync(IReadOnlySet<NodeKind>? kinds, int offset, int count, CancellationToken cancellationToken);

    Task<IReadOnlyList<Node>> SearchAsync(string text, IReadOnlySet<NodeKind>? kinds, int first, CancellationToken cancellationToken);

    /// <summary>The edges leaving (forward) or entering (backward) each of the given nodes.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Edge>>> GetEdgesAsync(IReadOnlyCollection<string> ids, Direction direction, CancellationToken cancellationToken);

    Task<Subgraph> ReachAsync(string id, Direction direction, int maxDepth, CancellationToken cancellationToken);

    Task<IReadOnlyList<GraphPath>> PathsAsync(string from, string to, int maxLength, int limit, CancellationToken cancellationToken);

    /// <summary>What transitively needs the gap set; with <paramref name="assumeGaps"/>, every node the plans last judged a domestic gap or import-dependent joins it.</summary>
    Task<ImpactReport> ImpactAsync(IReadOnlyCollection<string> ids, int maxDepth, bool assumeGaps, CancellationToken cancellationToken);

    Task<IReadOnlyList<Bottleneck>> BottlenecksAsync(IReadOnlySet<NodeKind>? kinds, IReadOnlySet<AssessmentStatus>? statuses, int first, CancellationToken cancellationToken);

    Task<IReadOnlyList<StatusChange>> ChangesAsync(int fromYear, int toYear, CancellationToken cancellationToken);

    /// <summary>Null when either id is not a document.</summary>
    Task<DocumentComparison?> CompareDocumentsAsync(string a, string b, CancellationToken cancellationToken);

    /// <summary>Null for an unknown id.</summary>
    Task<NodeRoadmap?> RoadmapAsync(string id, int maxDepth, CancellationToken cancellationToken);

    Task<GraphStats> StatsAsync(CancellationToken cancellationToken);
}

/// <summary>Thrown by a store asked a question before its graph is loaded.</summary>
public sealed class GraphNotReadyException() : InvalidOperationException("The graph is still loading; retry shortly.");
