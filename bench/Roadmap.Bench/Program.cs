using Roadmap.Core.Graph;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Running;
using Roadmap.Bench;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage;

// Commands, as bench/run.sh uses them:
//   generate NODES SEED DIR      a synthetic roadmap of NODES nodes: graph.db, nodes.csv, edges.csv, queries.json, shape.json
//   answers DIR [--time RUNS]    Roadmap's and SQLite's answers to the questions, checked equal: DIR/answers.json;
//                                with --time, also Roadmap's traversals timed by Stopwatch: DIR/stopwatch.json
//   sqlite-version               the SQLite library's version
//   report RESULTS OUTPUT.md     BENCHMARKS.md and the chart from the results of one run
//   anything else                BenchmarkDotNet, e.g. --filter '*ScaleBenchmarks*' (data from ROADMAP_BENCH_DATA)
var json = new JsonSerializerOptions { WriteIndented = true, IncludeFields = true };
switch (args.FirstOrDefault())
{
    case "generate":
    {
        var (nodes, seed, directory) = (int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);
        Directory.CreateDirectory(directory);
        var clock = Stopwatch.StartNew();
        var loaded = SeedLoader.Load(new SeedsOptions().Resolve());
        if (!loaded.IsValid) throw new InvalidOperationException(loaded.Issues[0].ToString());
        var shape = SeedShape.Measure(loaded.Graph);
        var data = new DataSet(directory);
        File.Delete(data.DatabasePath);
        var index = new GraphIndex(SyntheticRoadmap.Write(shape, nodes, seed, data.DatabasePath, directory));
        var queries = SyntheticRoadmap.PickQueries(index);
        File.WriteAllText(data.QueriesPath, JsonSerializer.Serialize(queries, json));
        File.WriteAllText(Path.Combine(directory, "shape.json"), JsonSerializer.Serialize(GraphShapeReport.Of(index, shape), json));
        Console.WriteLine($"generated {index.NodeCount:N0} nodes, {index.EdgeCount:N0} edges in {clock.Elapsed.TotalSeconds:F1} s: {directory}");
        break;
    }
    case "answers":
    {
        var data = new DataSet(args[1]);
        var queries = data.ReadQueries();
        var graph = data.LoadGraph();
        var roadmap = RoadmapQuestions.Answers(graph, queries);
        using var sqlite = new SqliteQuestions(data.DatabasePath, queries);
        var peer = sqlite.Answers();
        var answers = new Dictionary<string, Dictionary<string, Answer>> { ["roadmap"] = roadmap, ["sqlite"] = peer };
        File.WriteAllText(Path.Combine(data.Directory, "answers.json"), JsonSerializer.Serialize(answers, json));
        var mismatches = roadmap.Where(p => peer[p.Key] != p.Value).Select(p => $"{p.Key}: roadmap {p.Value}, sqlite {peer[p.Key]}").ToList();
        foreach (var (question, answer) in roadmap) Console.WriteLine($"  {question,-13} {answer.Count,9:N0}  {answer.Digest}");
        if (mismatches.Count > 0)
        {
            Console.Error.WriteLine("Roadmap and SQLite disagree:\n  " + string.Join("\n  ", mismatches));
            return 1;
        }
        var runsAt = Array.IndexOf(args, "--time");
        if (runsAt > 0)
        {
            var timings = StopwatchTimings.Measure(graph, queries, int.Parse(args[runsAt + 1], CultureInfo.InvariantCulture));
            File.WriteAllText(Path.Combine(data.Directory, "stopwatch.json"), JsonSerializer.Serialize(timings, json));
            foreach (var (question, timing) in timings) Console.WriteLine($"  {question,-26} {timing.MedianMs,10:F2} ms (median of {timing.Runs})");
        }
        break;
    }
    case "drop-snapshot":
    {
        // So that a start reads the rows, as the first start on a new file does, whatever an earlier run left.
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(args[1], "graph.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS snapshot (part INTEGER PRIMARY KEY, data BLOB NOT NULL); DELETE FROM snapshot; DELETE FROM meta WHERE key LIKE 'snapshot_%'";
        command.ExecuteNonQuery();
        break;
    }
    case "sqlite-version":
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        Console.WriteLine(command.ExecuteScalar());
        break;
    }
    case "report":
        BenchmarkReport.Write(args[1], args[2]);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(AnalysisBenchmarks).Assembly).Run(args);
        break;
}
return 0;
