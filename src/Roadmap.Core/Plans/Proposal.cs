using Roadmap.Core.Graph;

namespace Roadmap.Core.Plans;

/// <summary>What a proposal would add: a node, an edge, a judgement, a target, or a new source for an existing node.</summary>
public enum ProposalKind { Node, Edge, Assessment, Target, Source }

/// <summary>A node to create, named as the curation would name it (nameEn from the glossary or a visible rule).</summary>
public sealed record ProposedNode(string Id, NodeKind Kind, ComponentType? ComponentType, string NameZh, string NameEn);

/// <summary>An edge between existing nodes or nodes proposed in the same set.</summary>
public sealed record ProposedEdge(string From, EdgeType Type, string To, string? Group, NeedReach Reach);

/// <summary>A judgement of a node, as the clause words it.</summary>
public sealed record ProposedAssessment(string Node, AssessmentStatus Status, AssessmentBasis Basis);

/// <summary>A target or goal: the metric in English, the value, the unit as the plan writes it, and the year it is due.</summary>
public sealed record ProposedTarget(string Node, string Metric, Comparator Comparator, double Value, string? Unit, int? DueYear);

/// <summary>A mention of an existing node: the clause becomes a new source of it.</summary>
public sealed record ProposedSource(string Node);

/// <summary>
/// One fact the plan's text supports, with the verbatim quote that states it (checked against the plan before the
/// proposal is made), the section as the plan numbers it, the rule that found it, how sure the rule is, and the
/// existing nodes it may duplicate. The id is stable across reruns on the same text.
/// </summary>
public sealed record Proposal(
    string Id, ProposalKind Kind, string Quote, string Section, string Rule, double Confidence,
    ProposedNode? Node = null, ProposedEdge? Edge = null, ProposedAssessment? Assessment = null, ProposedTarget? Target = null,
    ProposedSource? Source = null, IReadOnlyList<string>? Duplicates = null);

/// <summary>What one plan proposes, against the graph it was read with.</summary>
public sealed record ProposalSet(Node Document, IReadOnlyList<Proposal> Proposals);
