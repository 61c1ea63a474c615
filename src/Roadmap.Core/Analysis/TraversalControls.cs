using Roadmap.Core.Graph;

namespace Roadmap.Core.Analysis;

/// <summary>
/// How a traversal may go, for a bill-of-materials explosion or a where-used list: the edge types it follows, the
/// kinds it reports, and the kinds it does not walk past. Null means no restriction.
/// </summary>
/// <param name="Via">Follow only edges of these types.</param>
/// <param name="Kinds">Report only nodes of these kinds; for paths, pass only through nodes of these kinds.</param>
/// <param name="StopAt">Reach nodes of these kinds but do not go on from them (the start node excepted).</param>
/// <param name="Members">
/// Roll up over the start's members: walk from every node that is a VARIANT_OF the start (at any remove) as from the
/// start, so that a class's answer holds what its members need, or a general part's where-used what needs its variants.
/// </param>
public sealed record TraversalControls(IReadOnlySet<EdgeType>? Via = null, IReadOnlySet<NodeKind>? Kinds = null, IReadOnlySet<NodeKind>? StopAt = null, bool Members = false)
{
    public static readonly TraversalControls None = new();

    public bool Follows(EdgeType type) => Via is null || Via.Contains(type);

    public bool Reports(NodeKind kind) => Kinds is null || Kinds.Contains(kind);

    public bool StopsAt(NodeKind kind) => StopAt is not null && StopAt.Contains(kind);

    /// <summary>Whether a path may pass through a node of this kind on its way (its two ends always may).</summary>
    public bool PassesThrough(NodeKind kind) => Reports(kind) && !StopsAt(kind);
}
