using Roadmap.Core.Errors;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage;

namespace Roadmap.Tests.Core.Storage;

public class EmbeddedGraphStoreTests
{
    private static string TempDatabase() => Path.Combine(Directory.CreateTempSubdirectory("roadmap-db-").FullName, "roadmap.db");

    [Fact]
    public void The_SQLite_file_gives_back_exactly_the_graph_imported_into_it()
    {
        var seeds = SeedLoader.Load(Repo.Seeds).Graph;
        var file = new SqliteGraphFile(TempDatabase());

        file.Import(seeds, "fingerprint-1");
        var read = file.Read();

        file.ReadSeedFingerprint().ShouldBe("fingerprint-1");
        read.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal).ShouldBe(seeds.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal), new NodeComparer());
        read.Edges.Select(e => (e.From, e.Type, e.To, string.Join("|", e.Sources))).Order()
            .ShouldBe(seeds.Edges.Select(e => (e.From, e.Type, e.To, string.Join("|", e.Sources))).Order());
    }

    [Fact]
    public void A_read_shares_empty_lists_and_the_cited_documents_and_writes_the_same_json_back()
    {
        var seeds = SeedLoader.Load(Repo.Seeds).Graph;
        var file = new SqliteGraphFile(TempDatabase());
        file.Import(seeds, "fingerprint-1");

        var read = file.Read();

        // What the sharing is for: at a million nodes these are millions of objects the collector need not copy.
        var withoutAliases = read.Nodes.Where(n => n.Aliases.Count == 0).ToList();
        withoutAliases.Count.ShouldBeGreaterThan(1);
        withoutAliases.ShouldAllBe(n => ReferenceEquals(n.Aliases, withoutAliases[0].Aliases));
        var citations = read.Nodes.SelectMany(n => n.Sources).Concat(read.Edges.SelectMany(e => e.Sources))
            .Where(s => s.DocumentId == seeds.Nodes.First(n => n.Kind == Roadmap.Core.Graph.NodeKind.Document).Id).ToList();
        citations.Count.ShouldBeGreaterThan(1);
        citations.ShouldAllBe(s => ReferenceEquals(s.DocumentId, citations[0].DocumentId));
        // Nothing changes on the way through: each node's JSON is the same written from the seeds or from the read.
        var original = seeds.Nodes.ToDictionary(n => n.Id);
        read.Nodes.ShouldAllBe(n => System.Text.Json.JsonSerializer.Serialize(n, GraphJson.Options) == System.Text.Json.JsonSerializer.Serialize(original[n.Id], GraphJson.Options));
    }

    [Fact]
    public async Task The_name_index_is_built_after_the_load_without_waiting_for_a_search()
    {
        var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = TempDatabase() }, new SeedsOptions { Path = Repo.Seeds });
        await store.InitializeAsync(CancellationToken.None);

        await store.NameIndexBuilt.WaitAsync(TimeSpan.FromSeconds(30));

        store.LatestGraph!.HasNameIndex.ShouldBeTrue();
    }

    [Fact]
    public async Task First_start_imports_the_seeds_and_a_later_start_reads_the_file_without_them()
    {
        var database = TempDatabase();
        var first = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = database }, new SeedsOptions { Path = Repo.Seeds });
        await first.InitializeAsync(CancellationToken.None);
        File.Exists(database).ShouldBeTrue();

        // Same seeds: the file is current, and the second store serves what the file holds.
        var stamp = File.GetLastWriteTimeUtc(database);
        var second = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = database }, new SeedsOptions { Path = Repo.Seeds });
        await second.InitializeAsync(CancellationToken.None);

        second.Graph.NodeCount.ShouldBe(first.Graph.NodeCount);
        second.Graph.EdgeCount.ShouldBe(first.Graph.EdgeCount);
        new SqliteGraphFile(database).ReadSeedFingerprint().ShouldBe(SeedLoader.Fingerprint(Repo.Seeds));
        File.GetLastWriteTimeUtc(database).ShouldBe(stamp);
    }

    [Fact]
    public async Task Queries_before_the_graph_is_loaded_fail_with_graph_not_ready()
    {
        var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = TempDatabase() }, new SeedsOptions { Path = Repo.Seeds });

        store.IsReady.ShouldBeFalse();
        (await Should.ThrowAsync<RoadmapException>(() => store.StatsAsync(CancellationToken.None))).Code.ShouldBe(ErrorCodes.GraphNotReady);
    }

    [Fact]
    public async Task Invalid_seeds_are_refused_and_the_previous_database_is_kept()
    {
        var database = TempDatabase();
        var seeds = Directory.CreateTempSubdirectory("roadmap-seeds-").FullName;
        CopyDirectory(Repo.Seeds, seeds);
        var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = database }, new SeedsOptions { Path = seeds });
        await store.InitializeAsync(CancellationToken.None);
        var before = store.Graph.NodeCount;

        File.AppendAllText(Path.Combine(seeds, "graph", "documents.yaml"), "\nedges:\n  - {from: document:x, type: REQUIRES, to: document:y, sources: []}\n");
        var again = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = database }, new SeedsOptions { Path = seeds });

        var error = await Should.ThrowAsync<InvalidDataException>(() => again.InitializeAsync(CancellationToken.None));
        error.Message.ShouldContain("run 'roadmap validate'");
        new SqliteGraphFile(database).Read().Nodes.Count.ShouldBe(before);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>Records with list members compare lists by reference; compare what was stored instead.</summary>
    private sealed class NodeComparer : IEqualityComparer<Roadmap.Core.Graph.Node>
    {
        public bool Equals(Roadmap.Core.Graph.Node? a, Roadmap.Core.Graph.Node? b) => Describe(a!) == Describe(b!);
        public int GetHashCode(Roadmap.Core.Graph.Node n) => Describe(n).GetHashCode(StringComparison.Ordinal);
        private static string Describe(Roadmap.Core.Graph.Node n) => System.Text.Json.JsonSerializer.Serialize(n);
    }
}
