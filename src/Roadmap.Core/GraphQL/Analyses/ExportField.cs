using GraphQL;
using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL.Analyses;

/// <summary>The <c>export(format)</c> field that every analysis result has.</summary>
internal static class ExportField
{
    public static void Add<T>(ObjectGraphType<T> type, Func<T, (IReadOnlyList<Node> Nodes, IEnumerable<Edge> Edges)> content) =>
        type.Field<NonNullGraphType<StringGraphType>>("export")
            .Description("This result as a Mermaid flowchart, GraphML or CSV.")
            .Argument<NonNullGraphType<ExportFormatEnum>>("format", "MERMAID, GRAPHML or CSV. The result's nodes and the edges between them are written; each edge once.")
            .Resolve(c =>
            {
                var (nodes, edges) = content(c.Source);
                return Export.Write(c.GetArgument<ExportFormat>("format"), nodes, edges);
            });
}
