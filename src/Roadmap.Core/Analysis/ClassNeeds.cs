using Roadmap.Core.Graph;

namespace Roadmap.Core.Analysis;

/// <summary>
/// The one rule every walk keeps for a need a plan states for a class as a whole (<see cref="NeedReach.Class"/>):
/// no member inherits it. In a chain read forward, a VARIANT_OF step is never followed by a class-wide need: a member
/// reaches its general node's needs of every member, not the class's own. Walking forward, a node reached only as
/// someone's general node (by VARIANT_OF) does not pass on its class-wide needs; walking backward, a node reached only
/// through a class-wide need does not pass the hit on to its members. Dependencies, dependents, impact, blockers, the
/// bottleneck ranking and paths all ask here, so that they agree.
/// </summary>
public static class ClassNeeds
{
    /// <summary>
    /// Whether reaching a node by <paramref name="edge"/>, walking in <paramref name="direction"/>, limits where the
    /// walk may go on from it (see <see cref="MayLeave"/>). A node reached once without limit is not limited.
    /// </summary>
    public static bool Limits(GraphIndex graph, int edge, Direction direction) =>
        graph.ClassNeedCount > 0 && (direction == Direction.Forward ? graph.TypeOf(edge) == EdgeType.VariantOf : graph.IsClassNeed(edge));

    /// <summary>Whether a walk may go on along <paramref name="edge"/> from a node it reached with a limit.</summary>
    public static bool MayLeave(GraphIndex graph, int edge, Direction direction) =>
        direction == Direction.Forward ? !graph.IsClassNeed(edge) : graph.TypeOf(edge) != EdgeType.VariantOf;

    /// <summary>Whether a chain may take <paramref name="second"/> right after <paramref name="first"/>, both read forward.</summary>
    public static bool Joins(GraphIndex graph, int first, int second) =>
        !(graph.TypeOf(first) == EdgeType.VariantOf && graph.IsClassNeed(second));
}
