using System.CommandLine;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage;
using Spectre.Console;

namespace Roadmap.Cli.Commands;

/// <summary><c>roadmap stats</c>: node and edge counts, and what each plan contributes.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var stats = new Command("stats", "Import the seeds if needed and print node and edge counts.");
        stats.SetAction(async (parse, ct) =>
        {
            var store = new EmbeddedGraphStore(GlobalOptions.StoreOf(parse), GlobalOptions.SeedsOf(parse));
            await store.InitializeAsync(ct);
            var s = await store.StatsAsync(ct);
            var table = new Table().AddColumns("", "count");
            foreach (var (kind, count) in s.ByKind) table.AddRow(kind.ToString(), count.ToString());
            foreach (var (type, count) in s.ByEdgeType) table.AddRow($"edge {type}", count.ToString());
            table.AddRow("[bold]nodes[/]", s.NodeCount.ToString());
            table.AddRow("[bold]edges[/]", s.EdgeCount.ToString());
            AnsiConsole.Write(table);

            // What each plan contributes: the nodes and edges it is cited for, and the judgements it makes.
            var graph = store.Graph;
            var byDocument = new Table().AddColumns("document", "year", "nodes cited", "edges cited", "assessments", "targets and goals");
            foreach (var doc in graph.Nodes.Where(n => n.Kind == NodeKind.Document).OrderBy(n => n.Year))
            {
                bool Cites(IEnumerable<Source> sources) => sources.Any(x => x.DocumentId == doc.Id);
                byDocument.AddRow(
                    Markup.Escape(doc.Id), doc.Year?.ToString() ?? "",
                    graph.Nodes.Count(n => n.Kind != NodeKind.Document && Cites(n.Sources.Concat(n.Assessments.Select(a => a.Source)))).ToString(),
                    graph.Edges.Count(e => Cites(e.Sources)).ToString(),
                    graph.Nodes.Sum(n => n.Assessments.Count(a => a.Source.DocumentId == doc.Id)).ToString(),
                    graph.Nodes.Sum(n => n.Targets.Concat(n.Goals).Count(q => q.Source.DocumentId == doc.Id)).ToString());
            }
            AnsiConsole.Write(byDocument);
            return 0;
        });
        return stats;
    }
}
