using Roadmap.Core.Graph;

namespace Roadmap.Core.Analysis;

/// <summary>One judgement a reviewer should read against its clause: the node, the assessment, and why it is listed.</summary>
public sealed record JudgementToReview(Node Node, Assessment Assessment);

/// <summary>
/// The judgements the curation read from wording that states no status in words (<see cref="AssessmentBasis.Read"/>):
/// the input of <c>roadmap audit judgements</c>, so that each reading is checked by someone other than its curator.
/// </summary>
public static class JudgementsToReview
{
    /// <summary>Every READ judgement, by node, then year.</summary>
    public static IReadOnlyList<JudgementToReview> Of(GraphData graph) =>
        graph.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal)
            .SelectMany(n => n.Assessments.Where(a => a.Basis == AssessmentBasis.Read).OrderBy(a => a.Year).Select(a => new JudgementToReview(n, a)))
            .ToList();
}
