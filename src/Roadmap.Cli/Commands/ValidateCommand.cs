using System.CommandLine;
using System.Globalization;
using Roadmap.Core.Seeds;
using Spectre.Console;

namespace Roadmap.Cli.Commands;

/// <summary><c>roadmap validate</c>: every seed problem with its file and line; exit code 1 when there is any.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var validate = new Command("validate", "Check the seed dataset: structure, enums, ids, names, edges and every quote against its plan.");
        validate.SetAction(parse =>
        {
            var seeds = GlobalOptions.SeedsOf(parse).Resolve();
            var result = SeedLoader.Load(seeds);
            foreach (var issue in result.Issues)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{issue.File}:{issue.Line}[/] [yellow]{issue.Code}[/] {issue.Message}");
            }
            var graph = result.Graph;
            var sources = graph.Nodes.Sum(n => n.Sources.Count + n.Assessments.Count + n.Targets.Count + n.Goals.Count) + graph.Edges.Sum(e => e.Sources.Count);
            if (result.IsValid)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]valid[/]: {graph.Nodes.Count} nodes, {graph.Edges.Count} edges, {sources} quotes checked in {seeds}");
                return 0;
            }
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{result.Issues.Count} problem(s)[/] in {seeds}");
            return 1;
        });
        return validate;
    }
}
