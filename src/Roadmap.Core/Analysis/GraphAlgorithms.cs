using Roadmap.Core.Graph;
using Roadmap.Core.Storage;

namespace Roadmap.Core.Analysis;

/// <summary>
/// The traversals behind the GraphQL fields, on the embedded read model. Every one is bounded by its arguments:
/// depth for reachability, length, count and a work budget for path enumeration.
/// </summary>
public static class GraphAlgorithms
{

    /// <summary>
    /// Everything within <paramref name="maxDepth"/> edges of a node, breadth first, and the edges followed to reach
    /// it: each reached node with its depth and the edge it was first reached by, so that an indented bill of
    /// materials or a where-used list is one call. Keeps <see cref="ClassNeeds"/>' rule: a member does not reach its
    /// class's class-wide needs, and what a class-wide need holds back is not passed to the class's members.
    /// </summary>
    /// <remarks>
    /// With <see cref="TraversalControls.Members"/>, the start's members (the nodes that are a VARIANT_OF it, at any
    /// remove) are walked from as the start is, one VARIANT_OF hop deeper each, and everything reached from one of
    /// them names it as <see cref="SubgraphLevel.Through"/>: a class's needs rolled up from its members, a general
    /// part's where-used with the dependents of its variants.
    /// </remarks>
    public static Subgraph Reach(GraphIndex graph, string id, Direction direction, int maxDepth, TraversalControls? controls = null)
    {
        var root = graph.IndexOf(id);
        if (root < 0) return Subgraph.Empty;
        controls ??= TraversalControls.None;

        // The start's members, at any remove: walked from as the start is (members only).
        using var inTree = NodeMarks.Rent(graph.NodeCount);
        inTree.Set(root, 1);
        if (controls.Members) MarkMembers(graph, root, inTree);

        // Breadth first over states (ClassNeeds.States): a node reached with a limit and without one is two states,
        // each with its own depth, so every depth is that of a chain the rule allows.
        using var states = new ClassNeeds.States(graph);
        // Per state: the member of the start it is reached through, -1 for none, -2 for a member itself.
        using var through = NodeMarks.Rent(states.Size);
        // Both states of a node may take the same edge; it is listed once. Without class-wide needs a node has one.
        using var edgeTaken = NodeMarks.Rent(graph.ClassNeedCount > 0 ? graph.EdgeCount : 0);
        var edges = new List<int>();
        var truncated = false;
        var start = states.Start(root);
        through.Set(start, -1);
        for (var head = 0; head < states.Order.Count; head++)
        {
            var s = states.Order[head];
            var (v, limited) = (states.NodeOf(s), states.IsLimited(s));
            var member = inTree.Has(v);
            if (!member && controls.StopsAt(graph.KindOf(v))) continue;
            if (controls.Members && member && direction == Direction.Forward)
            {
                // The members, walked from as the start is: the hop is the roll-up's own, whatever 'via' says.
                foreach (var e in graph.EdgesOf(v, Direction.Backward, EdgeType.VariantOf)) Visit(s, e, graph.EdgeFrom(e), hop: true);
            }
            foreach (var e in graph.EdgesOf(v, direction))
            {
                var hop = controls.Members && member && direction == Direction.Backward && graph.TypeOf(e) == EdgeType.VariantOf;
                if (!hop && !controls.Follows(graph.TypeOf(e))) continue;
                if (limited && !ClassNeeds.MayLeave(graph, e, direction)) continue;
                Visit(s, e, graph.Neighbour(e, direction), hop);
            }
        }

        void Visit(int s, int e, int w, bool hop)
        {
            if (states.Depth(s) == maxDepth)
            {
                // Every node within maxDepth is discovered by now, so an unseen neighbour lies beyond the bound.
                truncated |= !states.Reached(w);
                return;
            }
            if (graph.ClassNeedCount == 0 || edgeTaken.TrySet(e))
            {
                edges.Add(e);
            }
            var limits = !hop && ClassNeeds.Limits(graph, e, direction);
            if (states.Visit(s, e, w, limits) is var t and >= 0)
            {
                var v = states.NodeOf(s);
                // A member is its own; what a member reaches is reached through it; the start's own reach through none.
                through.Set(t, inTree.Has(w) && w != root ? -2 : v == root ? -1 : through.Get(s) == -2 ? v : through.Get(s));
            }
        }

        var levels = states.Nodes.Where(v => controls.Reports(graph.KindOf(v)))
            .Select(v => (Node: v, State: states.FirstState(v)))
            .Select(x => new SubgraphLevel(graph.NodeAt(x.Node), states.Depth(x.State), x.Node == root ? null : graph.EdgeAt(states.Via(x.State)),
                through.Get(x.State) is var t and >= 0 ? graph.NodeAt(t) : null))
            .ToList();
        return new Subgraph(graph.NodeAt(root), levels, edges.Select(graph.EdgeAt).ToList(), truncated);
    }

    // Everything that is a VARIANT_OF the node, at any remove.
    private static void MarkMembers(GraphIndex graph, int node, NodeMarks members)
    {
        var queue = new List<int> { node };
        for (var head = 0; head < queue.Count; head++)
        {
            foreach (var e in graph.EdgesOf(queue[head], Direction.Backward, EdgeType.VariantOf))
            {
                var member = graph.EdgeFrom(e);
                if (members.Has(member)) continue;
                members.Set(member, 1);
                queue.Add(member);
            }
        }
    }

    /// <summary>
    /// Directed simple paths from one node to another, shortest first, at most <paramref name="limit"/> of them and
    /// none longer than <paramref name="maxLength"/>. A backward breadth-first pass gives every node its distance to
    /// the target, so the search only extends a partial path that can still arrive in time.
    /// </summary>
    /// <remarks>With <paramref name="controls"/>, a path follows only the edge types it allows and passes only through nodes it allows.</remarks>
    public static IReadOnlyList<GraphPath> Paths(GraphIndex graph, string fromId, string toId, int maxLength, int limit,
        int budget = TraversalLimits.PathSearchBudget, TraversalControls? controls = null) =>
        SearchPaths(graph, fromId, toId, maxLength, limit, budget, controls).Paths;

    /// <summary>As <see cref="Paths"/>, saying whether the step budget cut the search short.</summary>
    public static PathSearch SearchPaths(GraphIndex graph, string fromId, string toId, int maxLength, int limit,
        int budget = TraversalLimits.PathSearchBudget, TraversalControls? controls = null)
    {
        var from = graph.IndexOf(fromId);
        var to = graph.IndexOf(toId);
        if (from < 0 || to < 0 || from == to || limit <= 0) return new PathSearch([], true);
        controls ??= TraversalControls.None;

        using var distanceToTarget = NodeMarks.Rent(graph.NodeCount);
        Distances(graph, to, Direction.Backward, maxLength, distanceToTarget, controls);
        if (!distanceToTarget.Has(from)) return new PathSearch([], true);

        var results = new List<GraphPath>();
        using var onPath = NodeMarks.Rent(graph.NodeCount);
        var pathEdges = new List<int>();
        var steps = 0;
        var cutShort = false;
        for (var length = distanceToTarget.Get(from); length <= maxLength && results.Count < limit && !cutShort; length++)
        {
            onPath.Set(from, 1);
            Extend(from, length);
            onPath.Set(from, 0);
        }
        return new PathSearch(results, !cutShort);

        void Extend(int v, int length)
        {
            foreach (var e in graph.EdgesOf(v, Direction.Forward))
            {
                if (results.Count >= limit || cutShort) return;
                if (++steps > budget)
                {
                    cutShort = true;
                    return;
                }
                if (!controls.Follows(graph.TypeOf(e))) continue;
                // A member does not reach its class's class-wide needs; the distances stay a lower bound.
                if (pathEdges.Count > 0 && !ClassNeeds.Joins(graph, pathEdges[^1], e)) continue;
                var w = graph.EdgeTo(e);
                var remaining = length - pathEdges.Count - 1;
                var distance = distanceToTarget.Get(w);
                if (onPath.Get(w, 0) == 1 || distance < 0 || distance > remaining) continue;
                pathEdges.Add(e);
                if (w == to)
                {
                    if (remaining == 0) results.Add(ToPath(graph, from, pathEdges));
                }
                else
                {
                    onPath.Set(w, 1);
                    Extend(w, length);
                    onPath.Set(w, 0);
                }
                pathEdges.RemoveAt(pathEdges.Count - 1);
            }
        }
    }

    /// <summary>
    /// Everything that transitively needs any of <paramref name="ids"/>, within <paramref name="maxDepth"/> edges:
    /// a breadth-first search backwards from all of them at once, so each impacted node gets its distance to the
    /// nearest gap and one shortest chain leading there.
    /// </summary>
    public static ImpactReport Impact(GraphIndex graph, IReadOnlyCollection<string> ids, int maxDepth)
    {
        using var blocked = Analytics.BlockedMarks(graph, ids.Select(graph.IndexOf).Where(i => i >= 0), []);
        using var isGap = NodeMarks.Rent(graph.NodeCount);
        var order = new List<int>();
        var unknown = new List<string>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var i = graph.IndexOf(id);
            if (i < 0) unknown.Add(id);
            else if (!isGap.Has(i))
            {
                isGap.Set(i, 0);
                order.Add(i);
            }
        }
        var gapCount = order.Count;
        using var states = Hit(graph, order, maxDepth);

        var impacted = new List<ImpactedNode>(states.Nodes.Count - gapCount);
        foreach (var v in states.Nodes.Skip(gapCount))
        {
            var first = states.FirstState(v);
            impacted.Add(new ImpactedNode(graph.NodeAt(v), states.Depth(first), ToPath(graph, v, states.Chain(first)), blocked.Has(v) ? ImpactSeverity.Blocked : ImpactSeverity.AtRisk));
        }
        impacted.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Node.Id, b.Node.Id));
        return new ImpactReport(order.Take(gapCount).Select(graph.NodeAt).ToList(), unknown, impacted);
    }

    /// <summary>
    /// What needs the gaps, within <paramref name="maxDepth"/> edges: breadth first backwards over states
    /// (<see cref="ClassNeeds.States"/>), so that a node hit only through a class-wide need does not pass the hit to its
    /// members, and one hit fully by a longer chain does, at that chain's distance. The gaps come first among the nodes.
    /// </summary>
    internal static ClassNeeds.States Hit(GraphIndex graph, IEnumerable<int> gaps, int maxDepth)
    {
        var states = new ClassNeeds.States(graph);
        foreach (var gap in gaps) states.Start(gap);
        for (var head = 0; head < states.Order.Count; head++)
        {
            var s = states.Order[head];
            if (states.Depth(s) == maxDepth) continue;
            var (v, limited) = (states.NodeOf(s), states.IsLimited(s));
            foreach (var e in graph.EdgesOf(v, Direction.Backward))
            {
                if (limited && !ClassNeeds.MayLeave(graph, e, Direction.Backward)) continue;
                states.Visit(s, e, graph.EdgeFrom(e), ClassNeeds.Limits(graph, e, Direction.Backward));
            }
        }
        return states;
    }

    /// <summary>The first nodes whose names or aliases contain <paramref name="text"/>, in <see cref="NameSearch"/>'s order.</summary>
    public static IReadOnlyList<Node> Search(GraphIndex graph, string text, IReadOnlySet<NodeKind>? kinds, int first) =>
        NameSearch.Page(graph, text, kinds, null, first).Hits.Select(h => h.Node).ToList();

    /// <remarks>
    /// With <paramref name="controls"/>, only the edges it follows count, and a node other than the start that a path
    /// may not pass through is reached but not gone on from: the distances stay exact for the paths allowed.
    /// </remarks>
    private static void Distances(GraphIndex graph, int start, Direction direction, int maxDepth, NodeMarks depth, TraversalControls? controls = null)
    {
        controls ??= TraversalControls.None;
        depth.Set(start, 0);
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.TryDequeue(out var v))
        {
            var depthOfV = depth.Get(v);
            if (depthOfV == maxDepth || (v != start && !controls.PassesThrough(graph.KindOf(v)))) continue;
            foreach (var e in graph.EdgesOf(v, direction))
            {
                if (!controls.Follows(graph.TypeOf(e))) continue;
                var w = graph.Neighbour(e, direction);
                if (depth.Has(w)) continue;
                depth.Set(w, depthOfV + 1);
                queue.Enqueue(w);
            }
        }
    }

    internal static GraphPath ToPath(GraphIndex graph, int start, List<int> edges)
    {
        var nodes = new List<Node>(edges.Count + 1) { graph.NodeAt(start) };
        nodes.AddRange(edges.Select(e => graph.NodeAt(graph.EdgeTo(e))));
        return new GraphPath(nodes, edges.Select(graph.EdgeAt).ToList());
    }
}
