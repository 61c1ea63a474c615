using System.CommandLine;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Cli.Commands;

/// <summary>
/// <c>roadmap export</c>: the graph or one analysis of it as Mermaid, GraphML or CSV; the whole graph also as a
/// cypher-shell script, as neo4j-admin import files, or as a seeds directory.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var formatOption = new Option<string>("--format")
        {
            Description = "mermaid, graphml, csv, cypher or yaml; of a roadmap also mermaidgantt or svg (its time axis). Of the whole graph, cypher is an idempotent cypher-shell import, csv the neo4j-admin import files, and yaml a seeds directory holding the database's edits.",
            Required = true,
        };
        var ofOption = new Option<string>("--of") { Description = "graph (default), dependencies, dependents, roadmap or impact.", DefaultValueFactory = _ => "graph" };
        var idOption = new Option<string[]>("--id") { Description = "The node (or, for impact, the gap set: repeat --id).", AllowMultipleArgumentsPerToken = true };
        var depthOption = new Option<int>("--depth") { Description = $"maxDepth, 1 to {TraversalLimits.MaxDepth}.", DefaultValueFactory = _ => 3 };
        var outputOption = new Option<FileInfo?>("--output") { Description = "Write here instead of standard output." };
        var export = new Command("export", "Write the graph, or one analysis of it, as a Mermaid flowchart, GraphML (yEd, Gephi) or CSV; the whole graph also as Cypher or as seed YAML.")
        {
            formatOption, ofOption, idOption, depthOption, outputOption,
        };
        export.SetAction(async (parse, ct) =>
        {
            var store = new EmbeddedGraphStore(GlobalOptions.StoreOf(parse), GlobalOptions.SeedsOf(parse));
            await store.InitializeAsync(ct);
            var (of, ids, depth) = (parse.GetValue(ofOption)!, parse.GetValue(idOption) ?? [], parse.GetValue(depthOption));
            var formatName = parse.GetValue(formatOption)!;
            if (formatName.Equals("cypher", StringComparison.OrdinalIgnoreCase))
            {
                var script = Neo4jImporter.CypherScript(new GraphData(store.Graph.Nodes, store.Graph.Edges), 500);
                if (parse.GetValue(outputOption) is { } file) await File.WriteAllTextAsync(file.FullName, script, ct);
                else Console.Write(script);
                return 0;
            }
            if (formatName.Equals("yaml", StringComparison.OrdinalIgnoreCase))
            {
                // The database back in the seed format, edits included: review it against seeds/ and commit what holds up.
                if (parse.GetValue(outputOption) is not { } dir || of != "graph")
                {
                    await Console.Error.WriteLineAsync("roadmap: --format yaml writes the whole graph as a seeds directory; give --output DIRECTORY (and no --of)");
                    return 2;
                }
                var files = SeedWriter.Write(new GraphData(store.Graph.Nodes, store.Graph.Edges), dir.FullName);
                Console.WriteLine($"wrote {files.Count} files under {dir.FullName}; check them with: roadmap validate --seeds {dir.FullName}");
                return 0;
            }
            if (formatName.Equals("csv", StringComparison.OrdinalIgnoreCase) && of == "graph")
            {
                // The whole graph as CSV is the input of neo4j-admin's bulk import: two files in a directory.
                if (parse.GetValue(outputOption) is not { } dir)
                {
                    await Console.Error.WriteLineAsync("roadmap: --format csv of the whole graph writes nodes.csv and relationships.csv for neo4j-admin; give --output DIRECTORY");
                    return 2;
                }
                var command = Neo4jImporter.WriteAdminCsv(new GraphData(store.Graph.Nodes, store.Graph.Edges), dir.FullName);
                Console.WriteLine($"wrote {Path.Combine(dir.FullName, "nodes.csv")} and relationships.csv; load them into an empty database with:\n  {command}");
                return 0;
            }
            if (!Enum.TryParse<ExportFormat>(formatName, ignoreCase: true, out var format))
            {
                await Console.Error.WriteLineAsync($"roadmap: unknown --format '{formatName}'; use mermaid, graphml, csv or cypher");
                return 2;
            }
            if (depth is < 1 or > TraversalLimits.MaxDepth || (of != "graph" && ids.Length == 0))
            {
                await Console.Error.WriteLineAsync($"roadmap: --depth must be 1 to {TraversalLimits.MaxDepth}, and every export but --of graph needs --id");
                return 2;
            }
            if (of == "roadmap" && Export.IsRoadmapChart(format))
            {
                if (await store.RoadmapAsync(ids[0], depth, ct) is not { } roadmap)
                {
                    await Console.Error.WriteLineAsync($"roadmap: nothing to export: unknown id '{ids[0]}'");
                    return 1;
                }
                var chart = Export.Write(format, roadmap);
                if (parse.GetValue(outputOption) is { } chartFile) await File.WriteAllTextAsync(chartFile.FullName, chart, ct);
                else Console.Write(chart);
                return 0;
            }
            if (Export.IsRoadmapChart(format))
            {
                await Console.Error.WriteLineAsync($"roadmap: --format {formatName} draws a roadmap's time axis; use it with --of roadmap");
                return 2;
            }
            (IReadOnlyList<Node> Nodes, IEnumerable<Edge> Edges)? content = of switch
            {
                "graph" => (store.Graph.Nodes, store.Graph.Edges),
                "dependencies" or "dependents" when await store.ReachAsync(ids[0], of == "dependencies" ? Direction.Forward : Direction.Backward, depth, TraversalControls.None, ct) is { Root: not null } s
                    => (s.Nodes, s.Edges),
                "roadmap" when await store.RoadmapAsync(ids[0], depth, ct) is { } r => (r.Layers.SelectMany(l => l.Nodes).ToList(), r.Edges),
                "impact" when await store.ImpactAsync(ids, depth, false, ct) is { Gaps.Count: > 0 } i
                    => ([.. i.Gaps, .. i.Impacted.Select(x => x.Node)], i.Impacted.SelectMany(x => x.Path.Edges)),
                _ => null,
            };
            if (content is not { } found)
            {
                await Console.Error.WriteLineAsync($"roadmap: nothing to export: unknown --of '{of}' or unknown id '{string.Join(", ", ids)}'");
                return 1;
            }
            var text = Export.Write(format, found.Nodes, found.Edges);
            if (parse.GetValue(outputOption) is { } output) await File.WriteAllTextAsync(output.FullName, text, ct);
            else Console.Write(text);
            return 0;
        });
        return export;
    }
}
