using GraphQL;
using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL;

public sealed class ImpactSeverityType : EnumerationGraphType<ImpactSeverity>
{
    public ImpactSeverityType()
    {
        Name = "ImpactSeverity";
        Description = "BLOCKED: a hard requirement, or every alternative of one, is in the gap set (a program: everything it covers is blocked). AT_RISK: affected, but an alternative remains.";
    }
}

public sealed class ExportFormatType : EnumerationGraphType<ExportFormat>
{
    public ExportFormatType()
    {
        Name = "ExportFormat";
        Description = "MERMAID: a flowchart for Markdown and slides. GRAPHML: for yEd or Gephi. CSV: a row per node, then per edge.";
    }
}

public sealed class ChangeDirectionType : EnumerationGraphType<ChangeDirection>
{
    public ChangeDirectionType() => Name = "ChangeDirection";
}

/// <summary>The <c>export(format)</c> field that every analysis result has.</summary>
internal static class ExportField
{
    public static void Add<T>(ObjectGraphType<T> type, Func<T, (IReadOnlyList<Node> Nodes, IEnumerable<Edge> Edges)> content) =>
        type.Field<NonNullGraphType<StringGraphType>>("export")
            .Description("This result as a Mermaid flowchart, GraphML or CSV.")
            .Argument<NonNullGraphType<ExportFormatType>>("format")
            .Resolve(c =>
            {
                var (nodes, edges) = content(c.Source);
                return Export.Write(c.GetArgument<ExportFormat>("format"), nodes, edges);
            });
}

public sealed class BottleneckType : ObjectGraphType<Bottleneck>
{
    public BottleneckType()
    {
        Name = "Bottleneck";
        Description = "A node and how much of the roadmap needs it.";
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<IntGraphType>>("dependentProducts").Description("Products that need it, directly or not.").Resolve(c => c.Source.DependentProducts);
        Field<NonNullGraphType<IntGraphType>>("dependentPrograms").Description("Programs that need it, directly or not.").Resolve(c => c.Source.DependentPrograms);
        Field<NonNullGraphType<IntGraphType>>("blockedProducts").Description("Products a gap in this node alone would block (no alternative left).").Resolve(c => c.Source.BlockedProducts);
        Field<AssessmentStatusType>("latestStatus").Resolve(c => c.Source.LatestStatus);
    }
}

public sealed class StatusChangeType : ObjectGraphType<StatusChange>
{
    public StatusChangeType()
    {
        Name = "StatusChange";
        Description = "A node whose judged status differs between two years.";
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<AssessmentType>>("from").Description("The judgement in force in fromYear.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<AssessmentType>>("to").Description("The judgement in force in toYear, made after fromYear.").Resolve(c => c.Source.To);
        Field<NonNullGraphType<ChangeDirectionType>>("direction").Resolve(c => c.Source.Direction);
    }
}

public sealed class DocumentComparisonType : ObjectGraphType<DocumentComparison>
{
    public DocumentComparisonType()
    {
        Name = "DocumentComparison";
        Description = "The nodes two plans state something about.";
        Field<NonNullGraphType<DocumentType>>("a").Resolve(c => c.Source.A);
        Field<NonNullGraphType<DocumentType>>("b").Resolve(c => c.Source.B);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("both").Resolve(c => c.Source.Both);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("onlyA").Resolve(c => c.Source.OnlyA);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("onlyB").Resolve(c => c.Source.OnlyB);
        Field<NonNullGraphType<DocumentComparisonCountsType>>("counts").Description("How many nodes in each list, by kind.").Resolve(c => c.Source);
    }
}

public sealed class RoadmapLayerType : ObjectGraphType<RoadmapLayer>
{
    public RoadmapLayerType()
    {
        Name = "RoadmapLayer";
        Field<NonNullGraphType<NodeKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("nodes").Resolve(c => c.Source.Nodes);
    }
}

public sealed class RoadmapTargetType : ObjectGraphType<RoadmapTarget>
{
    public RoadmapTargetType()
    {
        Name = "RoadmapTarget";
        Field<NonNullGraphType<ProductType>>("product").Resolve(c => c.Source.Product);
        Field<NonNullGraphType<QuantityType>>("target").Resolve(c => c.Source.Target);
    }
}

public sealed class RoadmapPeriodType : ObjectGraphType<RoadmapPeriod>
{
    public RoadmapPeriodType()
    {
        Name = "RoadmapPeriod";
        Field<NonNullGraphType<ProgramNodeType>>("program").Resolve(c => c.Source.Program);
        Field<NonNullGraphType<PeriodType>>("period").Resolve(c => c.Source.Period);
    }
}

public sealed class RoadmapType : ObjectGraphType<NodeRoadmap>
{
    public RoadmapType()
    {
        Name = "Roadmap";
        Description = "One product's or program's roadmap, ready to draw: layers from programs down to technologies, the edges between them, spec targets and program periods.";
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoadmapLayerType>>>>("layers").Description("PROGRAM, PRODUCT, COMPONENT, TECHNOLOGY, each when present.").Resolve(c => c.Source.Layers);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoadmapTargetType>>>>("targets").Resolve(c => c.Source.Targets);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoadmapPeriodType>>>>("periods").Description("Program periods, earliest first.").Resolve(c => c.Source.Periods);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when dependencies lie beyond maxDepth.").Resolve(c => c.Source.Truncated);
        ExportField.Add(this, r => (r.Layers.SelectMany(l => l.Nodes).ToList(), r.Edges));
    }
}

public sealed class DocumentComparisonCountsType : ObjectGraphType<DocumentComparison>
{
    public DocumentComparisonCountsType()
    {
        Name = "DocumentComparisonCounts";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountType>>>>("both").Resolve(c => ByKind(c.Source.Both));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountType>>>>("onlyA").Resolve(c => ByKind(c.Source.OnlyA));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountType>>>>("onlyB").Resolve(c => ByKind(c.Source.OnlyB));
    }

    private static List<KeyValuePair<NodeKind, int>> ByKind(IReadOnlyList<Node> nodes) =>
        nodes.GroupBy(n => n.Kind).OrderBy(g => g.Key).Select(g => KeyValuePair.Create(g.Key, g.Count())).ToList();
}
