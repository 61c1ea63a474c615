using GraphQL.Types;
using Roadmap.Core.Analysis;

namespace Roadmap.Core.GraphQL.Analyses;

public sealed class ExportFormatEnum : EnumerationGraphType<ExportFormat>
{
    public ExportFormatEnum()
    {
        Name = "ExportFormat";
        Description = "MERMAID: a flowchart for Markdown and slides. GRAPHML: for yEd or Gephi. CSV: a row per node, then per edge.";
        this.Describe(ExportFormat.Mermaid,
            "A Mermaid flowchart (left to right) to paste into Markdown or slides: node shapes by kind, labels in English and Chinese, alternative edges dashed.");
        this.Describe(ExportFormat.Graphml,
            "GraphML for yEd or Gephi: each node with its kind, names and latest status; each edge with its type, alternative group and sources.");
        this.Describe(ExportFormat.Csv,
            "One CSV table for a spreadsheet: a row per node, then a row per edge, each with its first source (document, section, quote).");
    }
}
