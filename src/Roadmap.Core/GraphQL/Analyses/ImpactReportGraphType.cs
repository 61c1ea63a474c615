using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class ImpactReportGraphType : ObjectGraphType<ImpactReport>
{
    public ImpactReportGraphType()
    {
        Name = "ImpactReport";
        Description = "What is hit if the given nodes stay unavailable (import-dependent, or a domestic gap), grouped by kind, nearest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("gaps").Description("The known nodes of the gap set; they are not repeated in the lists by kind.").Resolve(c => c.Source.Gaps);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("unknownIds").Description("Ids in the request that name no node.").Resolve(c => c.Source.UnknownIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImpactedNodeGraphType>>>>("products")
            .Description("The products that need a gap within maxDepth edges, nearest first, then by id. Not a connection: one report is one answer, computed whole and bounded by maxDepth; the counts give its size.")
            .Resolve(c => c.Source.OfKind(NodeKind.Product));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImpactedNodeGraphType>>>>("programs")
            .Description("The programs that target or include something hit, within maxDepth edges, nearest first, then by id. Not a connection: one report is one answer, computed whole and bounded by maxDepth; the counts give its size.").Resolve(c => c.Source.OfKind(NodeKind.Program));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImpactedNodeGraphType>>>>("components")
            .Description("The components that need a gap within maxDepth edges, nearest first, then by id. Not a connection: one report is one answer, computed whole and bounded by maxDepth; the counts give its size.").Resolve(c => c.Source.OfKind(NodeKind.Component));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImpactedNodeGraphType>>>>("technologies")
            .Description("The technologies that need a gap within maxDepth edges, nearest first, then by id. Not a connection: one report is one answer, computed whole and bounded by maxDepth; the counts give its size.").Resolve(c => c.Source.OfKind(NodeKind.Technology));
        Field<NonNullGraphType<IntGraphType>>("blockedCount").Description("Impacted nodes that are BLOCKED.").Resolve(c => c.Source.Impacted.Count(i => i.Severity == ImpactSeverity.Blocked));
        Field<NonNullGraphType<IntGraphType>>("atRiskCount").Description("Impacted nodes that are AT_RISK.").Resolve(c => c.Source.Impacted.Count(i => i.Severity == ImpactSeverity.AtRisk));
        ExportField.Add(this, r => ([.. r.Gaps, .. r.Impacted.Select(i => i.Node)], r.Impacted.SelectMany(i => i.Path.Edges)));
    }
}
