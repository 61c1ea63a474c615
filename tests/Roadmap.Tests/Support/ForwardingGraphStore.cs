using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage;

namespace Roadmap.Tests.Support;

/// <summary>
/// A store that passes every call to <paramref name="inner"/>: a test double derives from it and overrides only the
/// member it changes (a slow call, a failure), so it keeps answering like the real store everywhere else, the
/// interface's default members included.
/// </summary>
public class ForwardingGraphStore(IGraphStore inner) : IGraphStore
{
    protected IGraphStore Inner { get; } = inner;

    public virtual bool IsReady => Inner.IsReady;

    public virtual Task<bool> CheckAvailableAsync(CancellationToken cancellationToken) => Inner.CheckAvailableAsync(cancellationToken);

    public virtual Task InitializeAsync(CancellationToken cancellationToken) => Inner.InitializeAsync(cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, Node>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Inner.GetNodesAsync(ids, cancellationToken);

    public virtual Task<NodePage> ListNodesAsync(IReadOnlySet<NodeKind>? kinds, int offset, int count, CancellationToken cancellationToken) =>
        Inner.ListNodesAsync(kinds, offset, count, cancellationToken);

    public virtual Task<NodeWindow> QueryNodesAsync(NodeQuery query, CancellationToken cancellationToken) => Inner.QueryNodesAsync(query, cancellationToken);

    public virtual Task<IReadOnlyList<NodeCount>> CountNodesAsync(NodeFilter? filter, IReadOnlyList<NodeGroupKey> groupBy, CancellationToken cancellationToken) =>
        Inner.CountNodesAsync(filter, groupBy, cancellationToken);

    public virtual Task<Roadmap.Core.Plans.ProposalSet?> ProposeAsync(string documentId, CancellationToken cancellationToken) => Inner.ProposeAsync(documentId, cancellationToken);

    public virtual Task<DocumentCoverage?> CoverageAsync(string documentId, CancellationToken cancellationToken) => Inner.CoverageAsync(documentId, cancellationToken);

    public virtual Task<SourceHitPage> SearchSourcesAsync(string text, IReadOnlySet<string>? documents, (string Document, int Position)? after, int first, CancellationToken cancellationToken) =>
        Inner.SearchSourcesAsync(text, documents, after, first, cancellationToken);

    public virtual Task<NameHitPage> SearchAsync(string text, IReadOnlySet<NodeKind>? kinds, NameHitKey? after, int first, CancellationToken cancellationToken) =>
        Inner.SearchAsync(text, kinds, after, first, cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, IReadOnlyList<Edge>>> GetEdgesAsync(IReadOnlyCollection<string> ids, Direction direction, CancellationToken cancellationToken) =>
        Inner.GetEdgesAsync(ids, direction, cancellationToken);

    public virtual Task<Subgraph> ReachAsync(string id, Direction direction, int maxDepth, TraversalControls controls, CancellationToken cancellationToken) =>
        Inner.ReachAsync(id, direction, maxDepth, controls, cancellationToken);

    public virtual Task<PathSearch> PathsAsync(string from, string to, int maxLength, int limit, TraversalControls controls, CancellationToken cancellationToken) =>
        Inner.PathsAsync(from, to, maxLength, limit, controls, cancellationToken);

    public virtual Task<ImpactReport> ImpactAsync(IReadOnlyCollection<string> ids, int maxDepth, bool assumeGaps, CancellationToken cancellationToken) =>
        Inner.ImpactAsync(ids, maxDepth, assumeGaps, cancellationToken);

    public virtual Task<ImpactReport> ImpactAsync(Scenario scenario, int maxDepth, CancellationToken cancellationToken) =>
        Inner.ImpactAsync(scenario, maxDepth, cancellationToken);

    public virtual Task<Blockers?> BlockersAsync(string id, Scenario scenario, int firstGaps, int chainsPerGap, CancellationToken cancellationToken) =>
        Inner.BlockersAsync(id, scenario, firstGaps, chainsPerGap, cancellationToken);

    public virtual Task<IReadOnlyList<Bottleneck>> BottlenecksAsync(IReadOnlySet<NodeKind>? kinds, IReadOnlySet<AssessmentStatus>? statuses, int first, CancellationToken cancellationToken) =>
        Inner.BottlenecksAsync(kinds, statuses, first, cancellationToken);

    public virtual Task<IReadOnlyList<StatusChange>> ChangesAsync(int fromYear, int toYear, CancellationToken cancellationToken) =>
        Inner.ChangesAsync(fromYear, toYear, cancellationToken);

    public virtual Task<DocumentComparison?> CompareDocumentsAsync(string a, string b, CancellationToken cancellationToken) =>
        Inner.CompareDocumentsAsync(a, b, cancellationToken);

    public virtual Task<NodeRoadmap?> RoadmapAsync(string id, int maxDepth, CancellationToken cancellationToken) =>
        Inner.RoadmapAsync(id, maxDepth, cancellationToken);

    public virtual Task<GraphStats> StatsAsync(CancellationToken cancellationToken) => Inner.StatsAsync(cancellationToken);

    public virtual IDisposable PinSnapshot() => Inner.PinSnapshot();
}
