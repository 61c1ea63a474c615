using System.CommandLine;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage;
using Roadmap.Core.Storage.Neo4j;
using Spectre.Console;

// `roadmap`: validate the seeds, print graph statistics, run a GraphQL document against the local graph.
var seedsOption = new Option<string?>("--seeds") { Description = "The seeds directory (default: found above the working directory).", Recursive = true };
var databaseOption = new Option<string?>("--database") { Description = "The embedded store's SQLite file (default: roadmap.db).", Recursive = true };

// Tables piped to a file or another program are not cut to an 80-column guess of a terminal.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;

var root = new RootCommand("Roadmap: the technology-roadmap graph of China's medical-device plans.");
root.Options.Add(seedsOption);
root.Options.Add(databaseOption);

var validate = new Command("validate", "Check the seed dataset: structure, enums, ids, names, edges and every quote against its plan.");
validate.SetAction(parse =>
{
    var seeds = Seeds(parse).Resolve();
    var result = SeedLoader.Load(seeds);
    foreach (var issue in result.Issues)
    {
        AnsiConsole.MarkupLineInterpolated($"[red]{issue.File}:{issue.Line}[/] [yellow]{issue.Code}[/] {issue.Message}");
    }
    var graph = result.Graph;
    var sources = graph.Nodes.Sum(n => n.Sources.Count + n.Assessments.Count + n.Targets.Count + n.Goals.Count) + graph.Edges.Sum(e => e.Sources.Count);
    if (result.IsValid)
    {
        AnsiConsole.MarkupLineInterpolated($"[green]valid[/]: {graph.Nodes.Count} nodes, {graph.Edges.Count} edges, {sources} quotes checked in {seeds}");
        return 0;
    }
    AnsiConsole.MarkupLineInterpolated($"[red]{result.Issues.Count} problem(s)[/] in {seeds}");
    return 1;
});
root.Subcommands.Add(validate);

var stats = new Command("stats", "Import the seeds if needed and print node and edge counts.");
stats.SetAction(async (parse, ct) =>
{
    var store = new EmbeddedGraphStore(Store(parse), Seeds(parse));
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
root.Subcommands.Add(stats);

var coverage = new Command("coverage", "List the items the plans enumerate (002 appendix, 003 专栏1 and 专栏2, 000 专栏3) that no node names.");
coverage.SetAction(parse =>
{
    var seeds = Seeds(parse).Resolve();
    var loaded = SeedLoader.Load(seeds);
    var incomplete = false;
    foreach (var list in Coverage.Check(loaded.Graph, Path.Combine(seeds, "documents")))
    {
        var colour = list.Missing.Count == 0 ? "green" : list.Required ? "red" : "yellow";
        AnsiConsole.MarkupLine($"[{colour}]{list.Found}/{list.ItemCount}[/] {Markup.Escape(list.List)}{(list.Required ? "" : " (reported, not required)")}");
        foreach (var item in list.Missing) AnsiConsole.MarkupLine($"    missing: {Markup.Escape(item)}");
        incomplete |= list.Required && list.Missing.Count > 0;
    }
    return incomplete ? 1 : 0;
});
root.Subcommands.Add(coverage);

var formatOption = new Option<string>("--format")
{
    Description = "mermaid, graphml, csv, cypher or yaml. Of the whole graph, cypher is an idempotent cypher-shell import, csv the neo4j-admin import files, and yaml a seeds directory holding the database's edits.",
    Required = true,
};
var ofOption = new Option<string>("--of") { Description = "graph (default), dependencies, dependents, roadmap or impact.", DefaultValueFactory = _ => "graph" };
var idOption = new Option<string[]>("--id") { Description = "The node (or, for impact, the gap set: repeat --id).", AllowMultipleArgumentsPerToken = true };
var depthOption = new Option<int>("--depth") { Description = "maxDepth, 1 to 10.", DefaultValueFactory = _ => 3 };
var outputOption = new Option<FileInfo?>("--output") { Description = "Write here instead of standard output." };
var export = new Command("export", "Write the graph, or one analysis of it, as a Mermaid flowchart, GraphML (yEd, Gephi) or CSV; the whole graph also as Cypher or as seed YAML.")
{
    formatOption, ofOption, idOption, depthOption, outputOption,
};
export.SetAction(async (parse, ct) =>
{
    var store = new EmbeddedGraphStore(Store(parse), Seeds(parse));
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
    if (depth is < 1 or > 10 || (of != "graph" && ids.Length == 0))
    {
        await Console.Error.WriteLineAsync("roadmap: --depth must be 1 to 10, and every export but --of graph needs --id");
        return 2;
    }
    (IReadOnlyList<Node> Nodes, IEnumerable<Edge> Edges)? content = of switch
    {
        "graph" => (store.Graph.Nodes, store.Graph.Edges),
        "dependencies" or "dependents" when await store.ReachAsync(ids[0], of == "dependencies" ? Direction.Forward : Direction.Backward, depth, ct) is { Root: not null } s
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
root.Subcommands.Add(export);

var targetOption = new Option<string>("--target") { Description = "Where to load the seeds: neo4j (configured by Neo4j__Url, Neo4j__User, Neo4j__Password).", Required = true };
var import = new Command("import", "Validate the seeds and load them into a running Neo4j through its Query API: schema, then MERGE batches.") { targetOption };
import.SetAction(async (parse, ct) =>
{
    if (!string.Equals(parse.GetValue(targetOption), "neo4j", StringComparison.OrdinalIgnoreCase))
    {
        await Console.Error.WriteLineAsync("roadmap: --target must be neo4j");
        return 2;
    }
    var loaded = SeedLoader.Load(Seeds(parse).Resolve());
    if (!loaded.IsValid)
    {
        foreach (var issue in loaded.Issues) await Console.Error.WriteLineAsync(issue.ToString());
        return 1;
    }
    var neo4j = new Neo4jOptions();
    Configuration(parse).GetSection("Neo4j").Bind(neo4j);
    using var http = new HttpClient();
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
    AnsiConsole.MarkupLineInterpolated($"[green]imported[/] {loaded.Graph.Nodes.Count} nodes and {loaded.Graph.Edges.Count} edges into {neo4j.Url}");
    return 0;
});
root.Subcommands.Add(import);

var nameOption = new Option<string>("--name") { Description = "Who holds the key; the audit log records this name.", Required = true };
var roleOption = new Option<string>("--role") { Description = "editor (add and change) or admin (also delete nodes).", Required = true };
var keyNew = new Command("new", "Create an API key: prints the key once, and the hash to configure under Auth:Keys.") { nameOption, roleOption };
keyNew.SetAction(async parse =>
{
    var (name, role) = (parse.GetValue(nameOption)!, parse.GetValue(roleOption)!.ToLowerInvariant());
    if (!Roadmap.Core.Security.Roles.IsKnown(role))
    {
        await Console.Error.WriteLineAsync("roadmap: --role must be editor or admin");
        return 2;
    }
    var (key, hash) = Roadmap.Core.Security.ApiKeys.Create();
    Console.WriteLine($"""
        key for {name} (shown once; the service stores only its hash):
          {key}
        configure it (appsettings.json "Auth": {"{"} "Keys": [...] {"}"}, or environment variables; N is the entry's index):
          Auth__Keys__N__Name={name}
          Auth__Keys__N__Role={role}
          Auth__Keys__N__Hash={hash}
        """);
    return 0;
});
root.Subcommands.Add(new Command("key", "Manage API keys for mutations.") { keyNew });

var fileArgument = new Argument<FileInfo>("file") { Description = "A file holding a GraphQL document." };
var variablesOption = new Option<string?>("--variables") { Description = "Variables as a JSON object." };
var operationOption = new Option<string?>("--operation") { Description = "The operation to run when the document has several." };
var query = new Command("query", "Run a GraphQL document against the local graph and print the JSON response.") { fileArgument, variablesOption, operationOption };
query.SetAction(async (parse, ct) =>
{
    var file = parse.GetValue(fileArgument)!;
    if (!file.Exists)
    {
        await Console.Error.WriteLineAsync($"roadmap: {file.FullName} does not exist");
        return 2;
    }
    var services = new ServiceCollection().AddRoadmap(Configuration(parse)).BuildServiceProvider();
    await using (services)
    {
        await services.GetRequiredService<IGraphStore>().InitializeAsync(ct);
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var variablesJson = parse.GetValue(variablesOption);
        var request = new GraphQLRequest
        {
            Query = await File.ReadAllTextAsync(file.FullName, ct),
            OperationName = parse.GetValue(operationOption),
            Variables = variablesJson is null ? null : serializer.Deserialize<Inputs>(variablesJson),
        };
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<GraphQL.Types.ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            RequestServices = scope.ServiceProvider,
            CancellationToken = ct,
        });
        Console.WriteLine(serializer.Serialize(result));
        return result.Errors is { Count: > 0 } ? 1 : 0;
    }
});
root.Subcommands.Add(query);

return await root.Parse(args).InvokeAsync();

SeedsOptions Seeds(ParseResult parse) => new() { Path = parse.GetValue(seedsOption) };

EmbeddedStoreOptions Store(ParseResult parse) => new() { DatabasePath = parse.GetValue(databaseOption) ?? new EmbeddedStoreOptions().DatabasePath };

IConfiguration Configuration(ParseResult parse)
{
    var overrides = new Dictionary<string, string?>();
    if (parse.GetValue(seedsOption) is { } seeds) overrides["Seeds:Path"] = seeds;
    if (parse.GetValue(databaseOption) is { } database) overrides["Store:Embedded:DatabasePath"] = database;
    return new ConfigurationBuilder().AddEnvironmentVariables().AddEnvironmentVariables("ROADMAP_").AddInMemoryCollection(overrides).Build();
}
