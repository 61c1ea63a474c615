using GraphQL;
using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Arguments;

namespace Roadmap.Core.GraphQL.Analyses;

/// <summary>The <c>export(format)</c> field that every analysis result has.</summary>
internal static class ExportField
{
    /// <summary>A result without a time axis: MERMAID_GANTT and SVG are refused with EXPORT_FORMAT_UNSUPPORTED.</summary>
    public static void Add<T>(ObjectGraphType<T> type, Func<T, (IReadOnlyList<Node> Nodes, IEnumerable<Edge> Edges)> content) =>
        type.Field<NonNullGraphType<StringGraphType>>("export")
            .Description("This result as a Mermaid flowchart, GraphML or CSV (MERMAID_GANTT and SVG are a roadmap's: EXPORT_FORMAT_UNSUPPORTED here).")
            .Argument<NonNullGraphType<ExportFormatEnum>>("format", FormatDescription)
            .Resolve(c =>
            {
                var format = c.GetArgument<ExportFormat>("format");
                if (Export.IsRoadmapChart(format))
                {
                    throw new RoadmapError(ErrorCodes.ExportFormatUnsupported,
                        $"{EnumNames.ToConstant(format)} draws a roadmap's time axis; this result has none. Use MERMAID, GRAPHML or CSV, or roadmap(id).export.");
                }
                var (nodes, edges) = content(c.Source);
                return Export.Write(format, nodes, edges);
            });

    /// <summary>A roadmap: every format, its charts included.</summary>
    public static void AddForRoadmap(ObjectGraphType<NodeRoadmap> type) =>
        type.Field<NonNullGraphType<StringGraphType>>("export")
            .Description("This roadmap as a Mermaid flowchart, GraphML or CSV of its nodes and edges, or its time axis as a Mermaid Gantt chart or an SVG swimlane chart.")
            .Argument<NonNullGraphType<ExportFormatEnum>>("format", FormatDescription)
            .Resolve(c => Export.Write(c.GetArgument<ExportFormat>("format"), c.Source));

    private const string FormatDescription =
        "MERMAID, GRAPHML or CSV: the result's nodes and the edges between them, each edge once. MERMAID_GANTT or SVG: a roadmap's time axis.";
}
