using Roadmap.Core.Graph;

namespace Roadmap.Core.Analysis;

/// <summary>Nodes reached by a bounded traversal and the edges it followed.</summary>
/// <param name="Root">The start node; null when no node has the id asked for.</param>
/// <param name="Levels">The nodes reached and reported, the start first, in breadth-first order, each with its depth.</param>
/// <param name="Edges">The edges followed to reach them.</param>
/// <param name="Truncated">True when nodes lie beyond <c>maxDepth</c>: a deeper query would return more.</param>
public sealed record Subgraph(Node? Root, IReadOnlyList<SubgraphLevel> Levels, IReadOnlyList<Edge> Edges, bool Truncated)
{
    public static readonly Subgraph Empty = new(null, [], [], false);

    /// <summary>The nodes of <see cref="Levels"/>, in their order.</summary>
    public IReadOnlyList<Node> Nodes { get; } = Levels.Select(l => l.Node).ToList();
}

/// <summary>
/// A node a traversal reached: how many edges from the start, the edge it was first reached by (null for the start),
/// and, with a roll-up over the start's members, the member it was reached through (治疗用呼吸机 for a need of the
/// ventilator class that its ICU member has): null for what the start reaches on its own, and for the members themselves.
/// </summary>
public sealed record SubgraphLevel(Node Node, int Depth, Edge? Via, Node? Through = null);

/// <summary>A directed chain of edges; <c>Nodes</c> has one more entry than <c>Edges</c>.</summary>
public sealed record GraphPath(IReadOnlyList<Node> Nodes, IReadOnlyList<Edge> Edges)
{
    public int Length => Edges.Count;
}

/// <summary>The paths a path search found, shortest first, and whether it saw every path it was asked about.</summary>
/// <param name="Paths">The paths found.</param>
/// <param name="Complete">
/// False when the step budget ran out first: paths up to the maximum length may exist that are not listed. True when
/// the search ended by itself or by reaching its limit of paths.
/// </param>
public sealed record PathSearch(IReadOnlyList<GraphPath> Paths, bool Complete);

/// <summary>How badly a gap hits a node.</summary>
public enum ImpactSeverity
{
    /// <summary>A hard requirement, or every alternative of a requirement, is unavailable; for a program, everything it covers is blocked.</summary>
    Blocked,
    /// <summary>Something it needs is affected, but an alternative or another covered item remains.</summary>
    AtRisk,
}

/// <summary>A node that transitively needs a gap, how far it is from the nearest gap, and one shortest chain as evidence.</summary>
public sealed record ImpactedNode(Node Node, int Distance, GraphPath Path, ImpactSeverity Severity);

public sealed record ImpactReport(IReadOnlyList<Node> Gaps, IReadOnlyList<string> UnknownIds, IReadOnlyList<ImpactedNode> Impacted)
{
    public IReadOnlyList<ImpactedNode> OfKind(NodeKind kind) => Impacted.Where(i => i.Node.Kind == kind).ToList();
}

/// <summary>How much of the roadmap needs one node, and how much a gap in it alone would block.</summary>
public sealed record Bottleneck(Node Node, int DependentProducts, int DependentPrograms, int BlockedProducts, AssessmentStatus? LatestStatus)
{
    /// <summary>The ranking key: products and programs that need the node, directly or not.</summary>
    public int Dependents => DependentProducts + DependentPrograms;
}

public enum ChangeDirection { Improved, Worsened }

/// <summary>A node whose judged status differs between two years, with the assessments either side.</summary>
public sealed record StatusChange(Node Node, Assessment From, Assessment To)
{
    public ChangeDirection Direction => To.Status > From.Status ? ChangeDirection.Improved : ChangeDirection.Worsened;
}

/// <summary>
/// What two plans state: the nodes each cites (in both, only in the first, only in the second), the edges each states,
/// the targets and goals both set on a node for the same metric with different bounds, and the nodes both judge differently.
/// </summary>
public sealed record DocumentComparison(
    Node A, Node B, IReadOnlyList<Node> Both, IReadOnlyList<Node> OnlyA, IReadOnlyList<Node> OnlyB,
    IReadOnlyList<Edge> EdgesBoth, IReadOnlyList<Edge> EdgesOnlyA, IReadOnlyList<Edge> EdgesOnlyB,
    IReadOnlyList<TargetChange> ChangedTargets, IReadOnlyList<AssessmentChange> ChangedAssessments);

/// <summary>A metric both plans set on one node (a target or a goal), with different bounds.</summary>
public sealed record TargetChange(Node Node, Quantity InA, Quantity InB);

/// <summary>A node both plans judge, differently.</summary>
public sealed record AssessmentChange(Node Node, Assessment InA, Assessment InB)
{
    public ChangeDirection Direction => InB.Status > InA.Status ? ChangeDirection.Improved : ChangeDirection.Worsened;
}

/// <summary>The nodes of one kind in a roadmap chart.</summary>
public sealed record RoadmapLayer(NodeKind Kind, IReadOnlyList<Node> Nodes);

/// <summary>A spec target with the product it applies to.</summary>
public sealed record RoadmapTarget(Node Product, Quantity Target);

/// <summary>A program's period, for the time axis of a roadmap chart.</summary>
public sealed record RoadmapPeriod(Node Program, Period Period);

/// <summary>
/// One product's or program's roadmap: the programs that deploy it and everything it depends on, laid out by layer
/// (program, product, component, technology), with the edges between them, spec targets and program periods, and
/// the same nodes on a time axis: <paramref name="Years"/> (every year of the span, in order) and one lane per layer.
/// </summary>
public sealed record NodeRoadmap(
    Node Node, IReadOnlyList<RoadmapLayer> Layers, IReadOnlyList<Edge> Edges, IReadOnlyList<RoadmapTarget> Targets, IReadOnlyList<RoadmapPeriod> Periods, bool Truncated,
    IReadOnlyList<int> Years, IReadOnlyList<RoadmapLane> Lanes);

/// <summary>Where a roadmap item's start and end come from.</summary>
public enum RoadmapSpan
{
    /// <summary>The program's period as its plan states it.</summary>
    ProgramPeriod,
    /// <summary>The years of the first and the last plan that state the node.</summary>
    StatedYears,
}

/// <summary>The judgement in force in one year of a roadmap's span.</summary>
public sealed record YearStatus(int Year, Assessment Assessment);

/// <summary>
/// A target or goal on the time axis. <paramref name="DueYearStated"/> is false when the plan gives no year for it and
/// <paramref name="DueYear"/> is the end of the stating plan's period instead.
/// </summary>
public sealed record RoadmapMilestone(int DueYear, bool DueYearStated, string Label, Quantity? Target, Source? Source);

/// <summary>One node on a roadmap's time axis: a bar from <paramref name="StartYear"/> to <paramref name="EndYear"/> (both included).</summary>
public sealed record RoadmapItem(Node Node, int StartYear, int EndYear, RoadmapSpan Span, IReadOnlyList<YearStatus> Statuses, IReadOnlyList<RoadmapMilestone> Milestones);

/// <summary>One row band of the time-phased chart: the items of one kind, earliest start first.</summary>
public sealed record RoadmapLane(NodeKind Kind, IReadOnlyList<RoadmapItem> Items);
