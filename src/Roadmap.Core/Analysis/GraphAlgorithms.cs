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

        using var depth = NodeMarks.Rent(graph.NodeCount);
        using var via = NodeMarks.Rent(graph.NodeCount);
        // 1 for a node reached only with a limit (ClassNeeds.Limits), 0 once reached without one.
        using var limited = NodeMarks.Rent(graph.NodeCount);
        // With members: the member a node was reached through, -1 for none; a member of the start is marked -2.
        using var through = NodeMarks.Rent(graph.NodeCount);
        depth.Set(root, 0);
        limited.Set(root, 0);
        through.Set(root, -1);
        var reached = new List<int> { root };
        // A node is walked from again when a later edge lifts its limit; it is listed once.
        var walk = new List<int> { root };
        using var walked = NodeMarks.Rent(graph.NodeCount);
        // For a node whose limit was lifted: what its held-back edges lead to is reached through this (a member, -1 or
        // -2 as in 'through'): the lifting walk's, not the one that found the node first.
        using var liftedThrough = NodeMarks.Rent(graph.NodeCount);
        // A node found first as a need and then as a member of the start: walked again for its own members.
        using var hopsPending = NodeMarks.Rent(graph.NodeCount);
        var edges = new List<int>();
        var truncated = false;
        for (var head = 0; head < walk.Count; head++)
        {
            var v = walk[head];
            // 1: walked with a limit; 2: walked without one, so every edge it has is taken.
            var before = walked.Get(v, 0);
            if (before == 2 && hopsPending.Get(v, 0) == 0) continue;
            var again = before > 0;
            walked.Set(v, limited.Get(v) == 1 ? 1 : 2);
            var depthOfV = depth.Get(v);
            var inClassTree = v == root || through.Get(v) == -2;
            if (!inClassTree && controls.StopsAt(graph.KindOf(v))) continue;
            if (controls.Members && inClassTree && direction == Direction.Forward && (!again || hopsPending.Get(v, 0) == 1))
            {
                hopsPending.Set(v, 0);
                // The members, walked from as the start is: the hop is the roll-up's own, whatever 'via' says.
                foreach (var e in graph.EdgesOf(v, Direction.Backward, EdgeType.VariantOf)) Visit(v, depthOfV, e, graph.EdgeFrom(e), member: true, through.Get(v));
            }
            foreach (var e in graph.EdgesOf(v, direction))
            {
                var isMemberHop = controls.Members && inClassTree && direction == Direction.Backward && graph.TypeOf(e) == EdgeType.VariantOf;
                if (!isMemberHop && !controls.Follows(graph.TypeOf(e))) continue;
                var heldBack = !ClassNeeds.MayLeave(graph, e, direction);
                // A limited node does not go on along what its limit holds back; walked again, only that is new.
                if (heldBack ? limited.Get(v) == 1 || before == 2 : again) continue;
                // What its limit held back is reached through the walk that lifted it, not the one that found it.
                Visit(v, depthOfV, e, graph.Neighbour(e, direction), isMemberHop, heldBack && liftedThrough.Has(v) ? liftedThrough.Get(v) : through.Get(v));
            }
        }

        // What a node reached from v is reached through: v itself when v is a member, else what v is reached through.
        int ThroughFrom(int v, int throughOfV) => v == root ? -1 : throughOfV == -2 ? v : throughOfV;

        void Visit(int v, int depthOfV, int e, int w, bool member, int throughOfV = -1)
        {
            if (depthOfV == maxDepth)
            {
                // Every node within maxDepth is discovered by now, so an unseen neighbour lies beyond the bound.
                truncated |= !depth.Has(w);
                return;
            }
            edges.Add(e);
            var limits = !member && ClassNeeds.Limits(graph, e, direction);
            var throughOfW = member ? -2 : ThroughFrom(v, throughOfV);
            if (depth.Has(w))
            {
                if (member && through.Get(w) != -2)
                {
                    through.Set(w, -2);
                    limited.Set(w, 0);
                    if (walked.Has(w)) hopsPending.Set(w, 1);
                    walk.Add(w);
                    return;
                }
                if (!limits && limited.Get(w) == 1)
                {
                    limited.Set(w, 0);
                    liftedThrough.Set(w, throughOfW);
                    walk.Add(w);
                }
                return;
            }
            depth.Set(w, depthOfV + 1);
            via.Set(w, e);
            limited.Set(w, limits ? 1 : 0);
            through.Set(w, throughOfW);
            reached.Add(w);
            walk.Add(w);
        }

        var levels = reached.Where(v => controls.Reports(graph.KindOf(v)))
            .Select(v => new SubgraphLevel(graph.NodeAt(v), depth.Get(v), v == root ? null : graph.EdgeAt(via.Get(v)),
                through.Get(v) is var t and >= 0 ? graph.NodeAt(t) : null))
            .ToList();
        return new Subgraph(graph.NodeAt(root), levels, edges.Select(graph.EdgeAt).ToList(), truncated);
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
        using var depth = NodeMarks.Rent(graph.NodeCount);
        using var via = NodeMarks.Rent(graph.NodeCount);
        var order = new List<int>();
        var unknown = new List<string>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var i = graph.IndexOf(id);
            if (i < 0) unknown.Add(id);
            else if (!depth.Has(i))
            {
                depth.Set(i, 0);
                via.Set(i, -1);
                order.Add(i);
            }
        }
        var gapCount = order.Count;
        // A node hit only through a class-wide need does not pass the hit to its members (ClassNeeds); when a later
        // edge hits it fully, it is walked again for the members alone.
        using var limited = NodeMarks.Rent(graph.NodeCount);
        var walk = new List<int>(order);
        using var walked = NodeMarks.Rent(graph.NodeCount);
        for (var head = 0; head < walk.Count; head++)
        {
            var v = walk[head];
            // 1: walked with a limit; 2: walked without one, so every edge it has is taken.
            var before = walked.Get(v, 0);
            if (before == 2) continue;
            walked.Set(v, limited.Get(v, 0) == 1 ? 1 : 2);
            var depthOfV = depth.Get(v);
            if (depthOfV == maxDepth) continue;
            foreach (var e in graph.EdgesOf(v, Direction.Backward))
            {
                var heldBack = !ClassNeeds.MayLeave(graph, e, Direction.Backward);
                if (heldBack ? limited.Get(v, 0) == 1 : before > 0) continue;
                var w = graph.EdgeFrom(e);
                var limits = ClassNeeds.Limits(graph, e, Direction.Backward);
                if (depth.Has(w))
                {
                    if (!limits && limited.Get(w, 0) == 1)
                    {
                        limited.Set(w, 0);
                        walk.Add(w);
                    }
                    continue;
                }
                depth.Set(w, depthOfV + 1);
                via.Set(w, e);
                if (limits) limited.Set(w, 1);
                order.Add(w);
                walk.Add(w);
            }
        }

        var impacted = new List<ImpactedNode>(order.Count - gapCount);
        foreach (var v in order.Skip(gapCount))
        {
            var distance = depth.Get(v);
            var edges = new List<int>(distance);
            for (var at = v; via.Get(at) >= 0; at = graph.EdgeTo(via.Get(at))) edges.Add(via.Get(at));
            impacted.Add(new ImpactedNode(graph.NodeAt(v), distance, ToPath(graph, v, edges), blocked.Has(v) ? ImpactSeverity.Blocked : ImpactSeverity.AtRisk));
        }
        impacted.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Node.Id, b.Node.Id));
        return new ImpactReport(order.Take(gapCount).Select(graph.NodeAt).ToList(), unknown, impacted);
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
