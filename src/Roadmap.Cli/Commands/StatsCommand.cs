using System.CommandLine;
using System.Globalization;
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
            foreach (var (kind, count) in s.ByKind) table.AddRow(kind.ToString(), count.ToString(CultureInfo.InvariantCulture));
            foreach (var (type, count) in s.ByEdgeType) table.AddRow($"edge {type}", count.ToString(CultureInfo.InvariantCulture));
            table.AddRow("[bold]nodes[/]", s.NodeCount.ToString(CultureInfo.InvariantCulture));
            table.AddRow("[bold]edges[/]", s.EdgeCount.ToString(CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);

            // What each plan contributes: the nodes and edges it is cited for, and the judgements it makes.
            var graph = store.Graph;
            var byDocument = new Table().AddColumns("document", "year", "nodes cited", "edges cited", "assessments", "targets and goals");
            foreach (var doc in graph.Nodes.Where(n => n.Kind == NodeKind.Document).OrderBy(n => n.Year))
            {
                bool Cites(IEnumerable<Source> sources) => sources.Any(x => x.DocumentId == doc.Id);
                byDocument.AddRow(
                    Markup.Escape(doc.Id), doc.Year?.ToString(CultureInfo.InvariantCulture) ?? "",
                    graph.Nodes.Count(n => n.Kind != NodeKind.Document && Cites(n.Sources.Concat(n.Assessments.Select(a => a.Source)))).ToString(CultureInfo.InvariantCulture),
                    graph.Edges.Count(e => Cites(e.Sources)).ToString(CultureInfo.InvariantCulture),
                    graph.Nodes.Sum(n => n.Assessments.Count(a => a.Source.DocumentId == doc.Id)).ToString(CultureInfo.InvariantCulture),
                    graph.Nodes.Sum(n => n.Targets.Concat(n.Goals).Count(q => q.Source.DocumentId == doc.Id)).ToString(CultureInfo.InvariantCulture));
            }
            AnsiConsole.Write(byDocument);
            return 0;
        });
        return stats;
    }
}
