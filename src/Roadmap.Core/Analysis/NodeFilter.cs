using System.Text;
using Roadmap.Core.Graph;

namespace Roadmap.Core.Analysis;

/// <summary>
/// A condition on nodes, for the list questions ("every imaging product the 2021 plan judges"). Every condition
/// given must hold; a null one does not restrict. <see cref="And"/>, <see cref="Or"/> and <see cref="Not"/> combine
/// filters; <see cref="Needs"/> and <see cref="NeededBy"/> look one edge away.
/// </summary>
public sealed record NodeFilter
{
    public IReadOnlyList<NodeFilter>? And { get; init; }
    public IReadOnlyList<NodeFilter>? Or { get; init; }
    public NodeFilter? Not { get; init; }

    public IReadOnlySet<string>? Ids { get; init; }
    public IReadOnlySet<NodeKind>? Kinds { get; init; }
    public IReadOnlySet<Field>? Fields { get; init; }
    public IReadOnlySet<ComponentType>? ComponentTypes { get; init; }
    public IReadOnlySet<ProgramType>? ProgramTypes { get; init; }

    /// <summary>Matched as search matches: a case-insensitive substring of nameZh, nameEn or an alias.</summary>
    public string? Text { get; init; }

    /// <summary>The judgement in force now (the latest plan's) is one of these.</summary>
    public IReadOnlySet<AssessmentStatus>? LatestStatus { get; init; }

    /// <summary>The judgement in force in a year is one of these.</summary>
    public StatusInYear? StatusIn { get; init; }

    /// <summary>One of these documents states something about the node (a source, an assessment, a target or goal).</summary>
    public IReadOnlySet<string>? StatedIn { get; init; }

    /// <summary>One of these documents makes an assessment of the node.</summary>
    public IReadOnlySet<string>? JudgedIn { get; init; }

    /// <summary>A program whose period covers the year (a period with no end runs on).</summary>
    public int? ActiveIn { get; init; }

    /// <summary>Over the node's direct dependencies (the ends of its outgoing edges).</summary>
    public RelationFilter? Needs { get; init; }

    /// <summary>Over what directly depends on the node (the starts of its incoming edges).</summary>
    public RelationFilter? NeededBy { get; init; }

    /// <summary>How deeply filters nest in this one: 1 for a filter with no nested filter.</summary>
    public int Depth => 1 + Nested().Select(f => f.Depth).DefaultIfEmpty(0).Max();

    /// <summary>How many conditions this filter and its nested filters hold in all.</summary>
    public int ClauseCount =>
        new object?[] { Ids, Kinds, Fields, ComponentTypes, ProgramTypes, Text, LatestStatus, StatusIn, StatedIn, JudgedIn, ActiveIn }.Count(c => c is not null)
        + Nested().Sum(f => f.ClauseCount);

    private IEnumerable<NodeFilter> Nested()
    {
        foreach (var f in And ?? []) yield return f;
        foreach (var f in Or ?? []) yield return f;
        if (Not is not null) yield return Not;
        foreach (var relation in new[] { Needs, NeededBy })
        {
            if (relation?.Some is { } some) yield return some;
            if (relation?.None is { } none) yield return none;
            if (relation?.All is { } all) yield return all;
        }
    }

    /// <summary>
    /// The filter written out with every set in a fixed order: two filters that select the same way have the same
    /// text, which a cursor carries so that it is refused under another filter.
    /// </summary>
    public string Canonical()
    {
        var sb = new StringBuilder("{");
        void Set<T>(string name, IEnumerable<T>? values)
        {
            if (values is not null) sb.Append(name).Append('[').AppendJoin(',', values.Select(v => v!.ToString()).Order(StringComparer.Ordinal)).Append(']');
        }
        void List(string name, IReadOnlyList<NodeFilter>? filters)
        {
            if (filters is not null) sb.Append(name).Append('[').AppendJoin(',', filters.Select(f => f.Canonical())).Append(']');
        }
        void Relation(string name, RelationFilter? relation)
        {
            if (relation is null) return;
            sb.Append(name).Append('{');
            if (relation.Some is { } some) sb.Append("some").Append(some.Canonical());
            if (relation.None is { } none) sb.Append("none").Append(none.Canonical());
            if (relation.All is { } all) sb.Append("all").Append(all.Canonical());
            sb.Append('}');
        }
        List("and", And);
        List("or", Or);
        if (Not is not null) sb.Append("not").Append(Not.Canonical());
        Set("ids", Ids);
        Set("kinds", Kinds);
        Set("fields", Fields);
        Set("componentTypes", ComponentTypes);
        Set("programTypes", ProgramTypes);
        if (Text is not null) sb.Append("text").Append(Text.Trim().ToLowerInvariant().Length).Append(':').Append(Text.Trim().ToLowerInvariant());
        Set("latestStatus", LatestStatus);
        if (StatusIn is { } statusIn) { sb.Append("statusIn").Append(statusIn.Year); Set("", statusIn.Statuses); }
        Set("statedIn", StatedIn);
        Set("judgedIn", JudgedIn);
        if (ActiveIn is { } year) sb.Append("activeIn").Append(year);
        Relation("needs", Needs);
        Relation("neededBy", NeededBy);
        return sb.Append('}').ToString();
    }
}

/// <summary>The judgement in force in <paramref name="Year"/> is one of <paramref name="Statuses"/>.</summary>
public sealed record StatusInYear(int Year, IReadOnlySet<AssessmentStatus> Statuses);

/// <summary>
/// A condition over the nodes one edge away: <paramref name="Some"/> of them match, <paramref name="None"/> of them
/// match, or <paramref name="All"/> of them match (true when there are none).
/// </summary>
public sealed record RelationFilter(NodeFilter? Some = null, NodeFilter? None = null, NodeFilter? All = null);

/// <summary>What a list of nodes can be ordered by.</summary>
public enum NodeOrderField
{
    Id,
    NameZh,
    NameEn,
    /// <summary>The year of the latest assessment; nodes no plan judges come last.</summary>
    LatestStatusYear,
    /// <summary>Products that need the node, directly or not (the bottleneck measure).</summary>
    DependentProducts,
    /// <summary>Programs that need the node, directly or not.</summary>
    DependentPrograms,
    /// <summary>Products a gap in this node alone would block.</summary>
    BlockedProducts,
}

public enum OrderDirection { Asc, Desc }

/// <summary>One key of an ordering; the node id always breaks ties, ascending.</summary>
public sealed record NodeOrder(NodeOrderField Field, OrderDirection Direction = OrderDirection.Asc);

/// <summary>What nodes can be counted by. DOCUMENT and YEAR count a node once for each plan that states it.</summary>
public enum NodeGroupKey { Kind, Field, Status, Document, ComponentType, ProgramType, Year }

/// <summary>The values of one group; only the keys grouped by are set.</summary>
public sealed record NodeCountKey
{
    public NodeKind? Kind { get; init; }
    public Field? Field { get; init; }
    public AssessmentStatus? Status { get; init; }
    public string? Document { get; init; }
    public ComponentType? ComponentType { get; init; }
    public ProgramType? ProgramType { get; init; }
    public int? Year { get; init; }
}

public sealed record NodeCount(NodeCountKey Key, int Count);
