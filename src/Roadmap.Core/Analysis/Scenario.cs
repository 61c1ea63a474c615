using Roadmap.Core.Graph;

namespace Roadmap.Core.Analysis;

/// <summary>
/// A what-if: which nodes stay unavailable. The gap set is <see cref="Gaps"/>, with <see cref="AssumeGaps"/> also every
/// node the plans judge a domestic gap or import-dependent (as of <see cref="AsOfYear"/>, else by the latest plan),
/// less <see cref="Resolved"/> (a part localised, a technology mastered), which wins over both.
/// </summary>
public sealed record Scenario
{
    public IReadOnlyList<string> Gaps { get; init; } = [];
    public bool AssumeGaps { get; init; }
    public IReadOnlyList<string> Resolved { get; init; } = [];

    /// <summary>Judge every node by the assessment in force in this year (the rule of <see cref="Node.StatusAt"/>); null for the latest.</summary>
    public int? AsOfYear { get; init; }

    /// <summary>The scenario the deprecated <c>impact(ids, assumeGaps)</c> asks.</summary>
    public static Scenario Of(IEnumerable<string> ids, bool assumeGaps) => new() { Gaps = [.. ids], AssumeGaps = assumeGaps };

    /// <summary>The judgement in force on a node under this scenario's year.</summary>
    public Assessment? JudgementOf(Node node) => AsOfYear is { } year ? node.StatusAt(year) : node.LatestAssessment;

    /// <summary>Tells whether nodes are in the gap set without listing the whole set (what one node's blockers need).</summary>
    public Func<Node, bool> Membership()
    {
        var gaps = Gaps.ToHashSet(StringComparer.Ordinal);
        var resolved = Resolved.ToHashSet(StringComparer.Ordinal);
        return node => !resolved.Contains(node.Id) && (gaps.Contains(node.Id) || (AssumeGaps && Analytics.IsGapStatus(JudgementOf(node)?.Status)));
    }

    /// <summary>
    /// The gap set's ids on a graph: the named gaps (unknown ids included, for the report to name), then, with
    /// <see cref="AssumeGaps"/>, the judged gaps of <paramref name="judged"/>, less the resolved.
    /// </summary>
    public IReadOnlyList<string> GapIds(GraphIndex? judged)
    {
        var resolved = Resolved.ToHashSet(StringComparer.Ordinal);
        var assumed = AssumeGaps && judged is not null
            ? judged.Nodes.Where(n => Analytics.IsGapStatus(JudgementOf(n)?.Status)).Select(n => n.Id)
            : [];
        return Gaps.Concat(assumed).Where(id => !resolved.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
    }
}
