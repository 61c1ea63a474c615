using BenchmarkDotNet.Attributes;
using Roadmap.Core.Editing;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage;

namespace Roadmap.Bench;

/// <summary>
/// A curator's edit on generated roadmaps of each scale, through the embedded store: planned and checked, committed
/// to SQLite with its audit entry (synchronous = FULL, so an fsync), then applied to the in-memory read model.
/// Peers in the same class: the identical commit made alone on a copy of the file (the floor any durable store
/// pays), and rebuilding the whole read model (what every edit cost before edits were applied in place) against
/// applying an edit to it, the in-memory part alone, which the fsync's variance would hide in a whole edit.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class EditBenchmarks
{
    [ParamsSource(nameof(Scales))]
    public string Scale { get; set; } = "";

    public static IEnumerable<string> Scales() => ScaleBenchmarks.Scales();

    private string _directory = "";
    private EmbeddedGraphStore _store = null!;
    private SqliteGraphFile.EditConnection _peer = null!;
    private GraphIndex _peerGraph = null!;
    private GraphEdit _addSource = null!;
    private GraphEdit _addNode = null!;
    // The graph with _addNode applied, and the edit that deletes that node again.
    private GraphIndex _withNode = null!;
    private GraphEdit _deleteNode = null!;
    // Each new node applied to the read model the previous one made, as the store applies its edits.
    private GraphIndex _chained = null!;
    private string _nodeToDelete = "";
    // The same graph with its filter index built, which an edit then carries over.
    private GraphIndex _filteredGraph = null!;
    private string[] _components = [];
    private Source _clause = null!;
    private int _counter;

    [GlobalSetup]
    public void Setup()
    {
        var data = DataSet.AtScale(Scale);
        // Edits change the file, so they go to copies: the generated graph stays as the other benchmarks expect it.
        _directory = Directory.CreateTempSubdirectory("roadmap-edit-bench-").FullName;
        var (storeFile, peerFile) = (Path.Combine(_directory, "store.db"), Path.Combine(_directory, "peer.db"));
        foreach (var copy in new[] { storeFile, peerFile })
        {
            // SQLite's online backup: a consistent copy of the file and its write-ahead log.
            using var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={data.DatabasePath};Mode=ReadOnly;Pooling=False");
            using var target = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Pooling=False");
            source.Open();
            source.BackupDatabase(target);
        }

        _store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = storeFile, SeedImport = SeedImport.Never }, new SeedsOptions());
        _store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        var graph = _store.Graph;
        _components = [.. graph.Nodes.Where(n => n.Kind == NodeKind.Component).Select(n => n.Id)];
        var document = graph.Nodes.First(n => n.Kind == NodeKind.Document);
        // Generated plans say "...：用于基准测试的文本。", so this quote passes the same check as a real one.
        var text = document.Text ?? throw new InvalidOperationException($"{document.Id} has no text to quote");
        _clause = new Source(document.Id, "1", text[(text.IndexOf('：', StringComparison.Ordinal) + 1)..].TrimEnd('。'));
        _peer = new SqliteGraphFile(peerFile).OpenForEdits();
        _peerGraph = graph;
        // The in-memory part alone, on the loaded graph each time: what the store does after the commit.
        _addSource = EditPlanner.AddSource(graph, _components[0], null, _clause with { Section = "bench" }, null);
        _addNode = EditPlanner.UpsertNode(graph, Draft("component:bench-apply", "基准部件", "bench part"), null);
        _withNode = graph.Apply(_addNode);
        _deleteNode = EditPlanner.DeleteNode(_withNode, "component:bench-apply", cascade: false, null);
        _chained = graph;
        _filteredGraph = new GraphIndex(new GraphData(graph.Nodes, graph.Edges));
        _ = _filteredGraph.Filters;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _peer.Dispose();
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    // A new clause each time, since citing the same one twice is refused as a duplicate, on the next component in
    // turn, since a node holds at most 50 sources.
    private Source NextClause() => _clause with { Section = $"bench.{++_counter}" };

    private string NextComponent() => _components[_counter % _components.Length];

    [Benchmark(Description = "edit: add a source")]
    public long AddSource()
    {
        var (clause, component) = (NextClause(), NextComponent());
        return _store.EditAsync("bench", g => EditPlanner.AddSource(g, component, null, clause, null), CancellationToken.None).GetAwaiter().GetResult().Sequence;
    }

    [Benchmark(Description = "edit: 100 sources, one mutation each")]
    public long HundredSingleEdits()
    {
        long sequence = 0;
        for (var i = 0; i < 100; i++) sequence = AddSource();
        return sequence;
    }

    [Benchmark(Description = "edit: 100 sources in one applyChanges")]
    public long HundredInOneChangeSet()
    {
        var changes = new PlannedChange[100];
        for (var i = 0; i < changes.Length; i++)
        {
            var (clause, component) = (NextClause(), NextComponent());
            changes[i] = new PlannedChange("addSource", g => EditPlanner.AddSource(g, component, null, clause, null));
        }
        return _store.ApplyChangesAsync("bench", changes, dryRun: false, expectedRevision: null, CancellationToken.None).GetAwaiter().GetResult().Revision;
    }

    [Benchmark(Description = "edit: create a node, then delete it")]
    public long CreateAndDelete()
    {
        var id = $"component:bench-{++_counter}";
        var draft = Draft(id, $"基准部件{_counter}", $"bench part {_counter}");
        _store.EditAsync("bench", g => EditPlanner.UpsertNode(g, draft, null), CancellationToken.None).GetAwaiter().GetResult();
        return _store.EditAsync("bench", g => EditPlanner.DeleteNode(g, id, cascade: false, null), CancellationToken.None).GetAwaiter().GetResult().Sequence;
    }

    [Benchmark(Description = "edit: create a node")]
    public long CreateNode()
    {
        var id = $"component:bench-{++_counter}";
        var draft = Draft(id, $"基准部件{_counter}", $"bench part {_counter}");
        return _store.EditAsync("bench", g => EditPlanner.UpsertNode(g, draft, null), CancellationToken.None).GetAwaiter().GetResult().Sequence;
    }

    // Each delete needs a node of its own, created before the iteration and outside its timing. An iteration setup
    // makes BenchmarkDotNet invoke the benchmark once per iteration, which suits an edit of milliseconds.
    [IterationSetup(Target = nameof(DeleteNode))]
    public void CreateNodeToDelete()
    {
        CreateNode();
        _nodeToDelete = $"component:bench-{_counter}";
    }

    [Benchmark(Description = "edit: delete a node")]
    public long DeleteNode() =>
        _store.EditAsync("bench", g => EditPlanner.DeleteNode(g, _nodeToDelete, cascade: false, null), CancellationToken.None).GetAwaiter().GetResult().Sequence;

    private NodeDraft Draft(string id, string nameZh, string nameEn) => new()
    {
        Id = id, Kind = NodeKind.Component, NameZh = nameZh, NameEn = nameEn, ComponentType = ComponentType.Part, Sources = [_clause],
    };

    [Benchmark(Description = "read model: apply an added source")]
    public int ApplySource() => _peerGraph.Apply(_addSource).NodeCount;

    [Benchmark(Description = "read model: apply a new node")]
    public int ApplyNode() => _peerGraph.Apply(_addNode).NodeCount;

    [Benchmark(Description = "read model: delete a node")]
    public int ApplyDelete() => _withNode.Apply(_deleteNode).NodeCount;

    // Unlike "apply a new node", which applies to one read model again and again, each node here follows the last,
    // so its names are appended in place to the search text the previous read model shares, as in the store.
    [Benchmark(Description = "read model: apply a new node to the last one's result")]
    public int ApplyNodeInTurn()
    {
        var node = _addNode.Nodes[0].After! with { Id = $"component:bench-in-turn-{++_counter}" };
        _chained = _chained.Apply(new GraphEdit("upsertNode", [new Change<Node>(null, node)], []));
        return _chained.NodeCount;
    }

    [Benchmark(Description = "read model: apply an added source, filter index carried")]
    public int ApplySourceWithFilters() => _filteredGraph.Apply(_addSource).NodeCount;

    [Benchmark(Description = "read model: apply a new node, filter index carried")]
    public int ApplyNodeWithFilters() => _filteredGraph.Apply(_addNode).NodeCount;

    [Benchmark(Description = "sqlite: the same commit (add a source)")]
    public long SqliteCommit()
    {
        var (clause, component) = (NextClause(), NextComponent());
        return _peer.Apply(EditPlanner.AddSource(_peerGraph, component, null, clause, null), "bench", DateTimeOffset.UtcNow);
    }

    [Benchmark(Description = "read model rebuilt whole")]
    public int Rebuild() => new GraphIndex(new GraphData(_peerGraph.Nodes, _peerGraph.Edges)).NodeCount;
}
