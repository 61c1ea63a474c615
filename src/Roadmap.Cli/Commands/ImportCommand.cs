using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage.Neo4j;
using Spectre.Console;

namespace Roadmap.Cli.Commands;

/// <summary><c>roadmap import --target neo4j</c>: the validated seeds into a running Neo4j, with a progress bar.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var targetOption = new Option<string>("--target") { Description = "Where to load the seeds: neo4j (configured by Neo4j__Url, Neo4j__User, Neo4j__Password).", Required = true };
        var import = new Command("import", "Validate the seeds and load them into a running Neo4j through its Query API: schema, then MERGE batches.") { targetOption };
        import.SetAction(async (parse, ct) =>
        {
            if (!string.Equals(parse.GetValue(targetOption), "neo4j", StringComparison.OrdinalIgnoreCase))
            {
                await Console.Error.WriteLineAsync("roadmap: --target must be neo4j");
                return 2;
            }
            var loaded = SeedLoader.Load(GlobalOptions.SeedsOf(parse).Resolve());
            if (!loaded.IsValid)
            {
                foreach (var issue in loaded.Issues) await Console.Error.WriteLineAsync(issue.ToString());
                return 1;
            }
            var neo4j = new Neo4jOptions();
            GlobalOptions.ConfigurationOf(parse).GetSection("Neo4j").Bind(neo4j);
            using var http = Neo4jQueryClient.CreateStandaloneHttpClient();
            var client = Neo4jQueryClient.Create(http, neo4j);
            try
            {
                await AnsiConsole.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask($"importing into {Markup.Escape(neo4j.Url)}", maxValue: loaded.Graph.Nodes.Count + loaded.Graph.Edges.Count);
                    await Neo4jImporter.ImportAsync(client, loaded.Graph, neo4j.ImportBatchSize, new Progress<(int Done, int Total)>(p => task.Value = p.Done), ct);
                    task.Value = task.MaxValue;
                });
            }
            catch (Neo4jException e)
            {
                await Console.Error.WriteLineAsync($"roadmap: {e.Message}");
                return 1;
            }
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]imported[/] {loaded.Graph.Nodes.Count} nodes and {loaded.Graph.Edges.Count} edges into {neo4j.Url}");
            return 0;
        });
        return import;
    }
}
