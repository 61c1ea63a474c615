using GraphQL.Types;
using Roadmap.Core.Analysis;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class ExportFormatEnum : EnumerationGraphType<ExportFormat>
{
    public ExportFormatEnum()
    {
        Name = "ExportFormat";
        Description = "MERMAID: a flowchart for Markdown and slides. GRAPHML: for yEd or Gephi. CSV: a row per node, then per edge. MERMAID_GANTT and SVG: a roadmap's time axis.";
        this.Describe(ExportFormat.Mermaid,
            "A Mermaid flowchart (left to right) to paste into Markdown or slides: node shapes by kind, labels in English and Chinese, alternative edges dashed.");
        this.Describe(ExportFormat.Graphml,
            "GraphML for yEd or Gephi: each node with its kind, names and latest status; each edge with its type, alternative group and sources.");
        this.Describe(ExportFormat.Csv,
            "One CSV table for a spreadsheet: a row per node, then a row per edge, each with its first source (document, section, quote).");
        this.Describe(ExportFormat.MermaidGantt,
            "A roadmap's time axis as a Mermaid Gantt chart: a section per lane, a bar per item (programs active, gaps critical), target milestones at their due years. Roadmaps only.");
        this.Describe(ExportFormat.Svg,
            "A roadmap's swimlane chart as one self-contained SVG for a slide: lanes as rows, years as columns, bars, status chips, target milestones; Noto Sans CJK for the Chinese names. Roadmaps only.");
    }
}
