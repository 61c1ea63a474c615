using System.Text.Json;
using CsCheck;
using Microsoft.Data.Sqlite;
using Roadmap.Core.Editing;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage;
using Roadmap.Tests.Support;

namespace Roadmap.Tests.Core.Storage;

/// <summary>
/// The read model's snapshot: what a start reads instead of every row. It must give exactly the graph the rows give,
/// and a snapshot that is damaged, cut short, of another format, for other seeds or behind the audit log must never
/// be served as it is.
/// </summary>
public class ReadModelSnapshotTests
{
    private static readonly Source Quote = new("document:test-plan", "二", "图像重建技术");

    // Every field a node can carry, each sometimes absent, with text in both scripts and the odd empty string.
    private static readonly Gen<string> Text = Gen.OneOf(Gen.Const(""), Gen.String[Gen.Char["a-z 球管探测器-"], 1, 12], Gen.String);
    private static readonly Gen<Source> SourceGen = Gen.Select(Gen.Int[0, 3], Text, Text, (d, section, quote) => new Source($"document:d{d}", section, quote));
    private static readonly Gen<Quantity> QuantityGen = Gen.Select(Text, Gen.Enum<Comparator>(), Gen.Double, Gen.Double.Nullable(), Text.Null(), SourceGen, Text.Null(),
        (metric, comparator, value, max, unit, source, unitEn) => new Quantity(metric, comparator, value, max, unit, source) { UnitEn = unitEn });
    private static readonly Gen<Assessment> AssessmentGen = Gen.Select(Gen.Enum<AssessmentStatus>(), Gen.Int[2000, 2030], SourceGen, Gen.Enum<AssessmentBasis>(), Text.Null(), SourceGen.Array[0, 2],
        (s, y, src, basis, note, context) => new Assessment(s, y, src) { Basis = basis, Note = note, Context = context });

    private static readonly Gen<Node> NodeGen = Gen.Select(
        Gen.Select(Gen.Int[0, 40], Gen.Enum<NodeKind>(), Text, Text, Text.Array[0, 2], SourceGen.Array[0, 2],
            AssessmentGen.Array[0, 3]),
        Gen.Select(Text.Null(), Gen.Enum<ComponentType>().Nullable(), Gen.Enum<Field>().Nullable(), QuantityGen.Array[0, 2], Gen.Enum<ProgramType>().Nullable(),
            Gen.Select(Gen.Int[2000, 2030], Gen.Int[2000, 2035].Nullable(), (start, end) => new Period(start, end)).Null()),
        Gen.Select(Text.Array[0, 2], QuantityGen.Array[0, 2], Text.Null(), Gen.Int[1, 500], Text.Null(), Text.Null(), Gen.Int[1990, 2030].Nullable()),
        (a, b, c) => new Node
        {
            Id = $"{a.Item2.ToString().ToLowerInvariant()}:n{a.Item1}", Kind = a.Item2, NameZh = a.Item3, NameEn = a.Item4, Aliases = a.Item5, Sources = a.Item6,
            Assessments = a.Item7, Note = b.Item1, ComponentType = b.Item2, Field = b.Item3, Targets = b.Item4, ProgramType = b.Item5, Period = b.Item6,
            LeadAgencies = c.Item1, Goals = c.Item2, File = c.Item3, Version = c.Item4, Text = c.Item5, Issuer = c.Item6, Year = c.Item7,
        });

    private static readonly Gen<GraphData> GraphGen = NodeGen.Array[0, 30].SelectMany(generated =>
    {
        var nodes = generated.DistinctBy(n => n.Id).ToArray();
        if (nodes.Length == 0) return Gen.Const(() => new GraphData([], []));
        var end = Gen.Int[0, nodes.Length - 1].Select(i => nodes[i].Id);
        var edge = Gen.Select(end, Gen.Enum<EdgeType>(), end, SourceGen.Array[0, 2], Text.Null(), Gen.Int[1, 9], Gen.Enum<NeedReach>(),
            (from, type, to, sources, group, version, reach) => new Edge(from, type, to, sources, group, reach) { Version = version });
        return edge.Array[0, 60].Select(edges => new GraphData(nodes, [.. edges.DistinctBy(e => e.Key)]));
    });

    [Fact]
    public void A_snapshot_reads_back_as_the_graph_it_was_written_from()
    {
        GraphGen.Sample(data =>
        {
            var graph = new GraphIndex(data);
            var read = ReadModelSnapshot.Read(Bytes(graph));
            Canonical(read).ShouldBe(Canonical(graph));
        }, iter: 500);
    }

    [Fact]
    public void The_seed_graph_reads_back_whole_and_shares_each_string_once()
    {
        var graph = new GraphIndex(SeedLoader.Load(Repo.Seeds).Graph);
        var read = ReadModelSnapshot.Read(Bytes(graph));

        Canonical(read).ShouldBe(Canonical(graph));
        // Edge ends are the nodes' own id strings, not copies.
        for (var e = 0; e < read.EdgeCount; e++) read.EdgeAt(e).From.ShouldBeSameAs(read.NodeAt(read.EdgeFrom(e)).Id);
    }

    [Fact]
    public void The_bottleneck_ranking_travels_with_the_snapshot_when_the_graph_has_one()
    {
        var graph = new GraphIndex(SeedLoader.Load(Repo.Seeds).Graph);
        ReadModelSnapshot.Read(Bytes(graph)).HasBottleneckRanking.ShouldBeFalse();

        _ = graph.Bottlenecks;
        var read = ReadModelSnapshot.Read(Bytes(graph));

        read.HasBottleneckRanking.ShouldBeTrue();
        var fresh = Roadmap.Core.Analysis.Analytics.RankBottlenecks(read);
        fresh.Count.ShouldBeGreaterThan(10);
        read.Bottlenecks.Ranked.Select(Row).ShouldBe(fresh.Select(Row));
        static string Row(Roadmap.Core.Analysis.Bottleneck b) => $"{b.Node.Id} {b.DependentProducts} {b.DependentPrograms} {b.BlockedProducts} {b.LatestStatus}";
    }

    [Fact]
    public void Damaged_bytes_are_refused_with_InvalidDataException_and_nothing_else()
    {
        var bytes = Bytes(new GraphIndex(TestSeeds.Graph));
        Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.Byte, Gen.Int[0, bytes.Length - 1], (at, value, cut) => (at, value, cut)).Sample(sample =>
        {
            var garbled = (byte[])bytes.Clone();
            garbled[sample.at] ^= (byte)(sample.value | 1);
            // A flipped byte inside a string or a number may still decode; the file's hash catches those. What must
            // not happen is any other exception, or an allocation sized by a garbled count.
            try { ReadModelSnapshot.Read(garbled); } catch (InvalidDataException) { }
            Should.Throw<InvalidDataException>(() => ReadModelSnapshot.Read(bytes[..sample.cut]));
        }, iter: 2000);
    }

    [Fact]
    public async Task A_restart_reads_the_snapshot_and_replays_the_edits_made_after_it()
    {
        var (seeds, database) = Workspace();
        using (var store = await Open(seeds, database))
        {
            store.Origin.ShouldBe(ReadModelOrigin.Rows);
            await store.SnapshotWritten;
            await store.EditAsync("curator", NewTechnology("technology:after-snapshot"), CancellationToken.None);
            await store.EditAsync("curator", g => EditPlanner.AddSource(g, "technology:after-snapshot", null, new Source("document:test-plan", "三", "实施示范工程"), 1), CancellationToken.None);
            await store.EditAsync("curator", g => EditPlanner.DeleteNode(g, "component:ct-tube", cascade: true, g.NodeAt(g.IndexOf("component:ct-tube")).Version), CancellationToken.None);
        }

        using var reopened = await Open(seeds, database);

        reopened.Origin.ShouldBe(ReadModelOrigin.Snapshot);
        Canonical(reopened.Graph).ShouldBe(Canonical(new GraphIndex(new SqliteGraphFile(database).Read())));
        reopened.Graph.HasBottleneckRanking.ShouldBeTrue("the snapshot brought the ranking, and the replay carried it");
        reopened.Graph.IndexOf("technology:after-snapshot").ShouldBeGreaterThanOrEqualTo(0);
        reopened.Graph.IndexOf("component:ct-tube").ShouldBe(-1);
    }

    [Fact]
    public async Task Enough_edits_rewrite_the_snapshot_so_the_next_start_replays_none()
    {
        var (seeds, database) = Workspace();
        using (var store = await Open(seeds, database, snapshotAfterEdits: 2))
        {
            await store.SnapshotWritten;
            for (var i = 0; i < 3; i++) await store.EditAsync("curator", NewTechnology($"technology:batch-{i}"), CancellationToken.None);
            await store.SnapshotWritten;
            // Due after the second edit: written at revision 2, or 3 when the third commit came before it was stored.
            long.Parse(Meta(database, "snapshot_revision")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(2);
        }

        using var reopened = await Open(seeds, database);
        reopened.Origin.ShouldBe(ReadModelOrigin.Snapshot);
        Canonical(reopened.Graph).ShouldBe(Canonical(new GraphIndex(new SqliteGraphFile(database).Read())));
    }

    // One step of a curator's session, planned against the graph as it stands; a step the planner refuses is skipped.
    private static readonly Gen<Func<GraphIndex, GraphEdit>> Step = Gen.OneOf(
        Gen.Int[0, 5].Select<int, Func<GraphIndex, GraphEdit>>(i => g => EditPlanner.UpsertNode(g, new NodeDraft
        {
            Id = $"technology:step-{i}", Kind = NodeKind.Technology, NameZh = $"步骤{i}", NameEn = $"step {i}", Sources = [Quote],
        }, g.IndexOf($"technology:step-{i}") is var at and >= 0 ? g.NodeAt(at).Version : null)),
        Gen.Int[0, 5].Select<int, Func<GraphIndex, GraphEdit>>(i => g => EditPlanner.DeleteNode(g, $"technology:step-{i}", cascade: true, null)),
        Gen.Int[0, 200].Select<int, Func<GraphIndex, GraphEdit>>(i => g => EditPlanner.DeleteNode(g, g.NodeAt(i % g.NodeCount).Id, cascade: true, null)),
        Gen.Select(Gen.Int[0, 200], Gen.Int[0, 5]).Select<(int, int), Func<GraphIndex, GraphEdit>>(p => g =>
            EditPlanner.UpsertEdge(g, new Edge(g.NodeAt(p.Item1 % g.NodeCount).Id, EdgeType.UsesTechnology, $"technology:step-{p.Item2}", [Quote]), null)),
        Gen.Int[0, 200].Select<int, Func<GraphIndex, GraphEdit>>(i => g => EditPlanner.AddSource(g, g.NodeAt(i % g.NodeCount).Id, null, new Source("document:test-plan", "三", "实施示范工程"), null)));

    [Fact]
    public async Task After_any_edits_a_restart_from_the_snapshot_equals_a_rebuild_from_the_rows()
    {
        var cases = Gen.Select(Step.Array[1, 12], Gen.Int[1, 6]);
        await cases.SampleAsync(async sample =>
        {
            var (steps, snapshotAfterEdits) = sample;
            var (seeds, database) = Workspace();
            using (var store = await Open(seeds, database, snapshotAfterEdits: snapshotAfterEdits))
            {
                foreach (var step in steps)
                {
                    try { await store.EditAsync("curator", step, CancellationToken.None); }
                    catch (Roadmap.Core.Errors.RoadmapException) { }
                }
                await store.SnapshotWritten;
            }
            using var reopened = await Open(seeds, database);
            reopened.Origin.ShouldBe(ReadModelOrigin.Snapshot);
            Canonical(reopened.Graph).ShouldBe(Canonical(new GraphIndex(new SqliteGraphFile(database).Read())));
        }, iter: 40, threads: 1);
    }

    public static TheoryData<string, string> Spoilers => new()
    {
        { "cut short", "UPDATE snapshot SET data = substr(data, 1, length(data) - 7) WHERE part = (SELECT max(part) FROM snapshot)" },
        { "a byte changed", "UPDATE snapshot SET data = substr(data, 1, 200) || (CASE WHEN substr(data, 201, 1) = X'00' THEN X'01' ELSE X'00' END) || substr(data, 202) WHERE part = 0" },
        { "a part missing", "DELETE FROM snapshot" },
        { "an older format", "UPDATE meta SET value = '0' WHERE key = 'snapshot_format'" },
        { "other seeds", "UPDATE meta SET value = 'another-fingerprint' WHERE key = 'snapshot_seed_fingerprint'" },
        { "ahead of the audit log", "UPDATE meta SET value = '99' WHERE key = 'snapshot_revision'" },
        { "no hash", "DELETE FROM meta WHERE key = 'snapshot_hash'" },
    };

    [Theory]
    [MemberData(nameof(Spoilers))]
    public async Task A_snapshot_that_does_not_match_is_rebuilt_from_the_rows_never_served(string spoiled, string sql)
    {
        var (seeds, database) = Workspace();
        using (var store = await Open(seeds, database))
        {
            await store.SnapshotWritten;
        }
        // An edit the snapshot does not hold (a store without snapshots leaves it alone), so that serving it would show.
        using (var store = await Open(seeds, database, snapshot: false))
        {
            await store.EditAsync("curator", NewTechnology("technology:in-rows"), CancellationToken.None);
        }
        Execute(database, sql);

        using (var reopened = await Open(seeds, database))
        {
            reopened.Origin.ShouldBe(ReadModelOrigin.Rows, spoiled);
            Canonical(reopened.Graph).ShouldBe(Canonical(new GraphIndex(new SqliteGraphFile(database).Read())));
            await reopened.SnapshotWritten;
        }
        using var again = await Open(seeds, database);
        again.Origin.ShouldBe(ReadModelOrigin.Snapshot, "the rebuild wrote a good snapshot");
    }

    [Fact]
    public async Task A_clean_stop_brings_the_snapshot_up_to_the_last_edit()
    {
        var (seeds, database) = Workspace();
        using (var store = await Open(seeds, database))
        {
            await store.SnapshotWritten;
            await store.EditAsync("curator", NewTechnology("technology:last"), CancellationToken.None);
            Meta(database, "snapshot_revision").ShouldBe("0");
        }
        Meta(database, "snapshot_revision").ShouldBe("1");
    }

    [Fact]
    public async Task Without_snapshots_the_file_holds_none_and_every_start_reads_the_rows()
    {
        var (seeds, database) = Workspace();
        using (var store = await Open(seeds, database, snapshot: false))
        {
            await store.SnapshotWritten;
        }
        Meta(database, "snapshot_format").ShouldBeNull();
        using var reopened = await Open(seeds, database, snapshot: false);
        reopened.Origin.ShouldBe(ReadModelOrigin.Rows);
    }

    [Fact]
    public async Task Read_from_the_rows_too_an_edge_holds_its_nodes_own_id_strings()
    {
        var (seeds, database) = Workspace();
        using var store = await Open(seeds, database, snapshot: false);

        var graph = store.Graph;
        graph.EdgeCount.ShouldBeGreaterThan(0);
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            graph.EdgeAt(e).From.ShouldBeSameAs(graph.NodeAt(graph.EdgeFrom(e)).Id);
            graph.EdgeAt(e).To.ShouldBeSameAs(graph.NodeAt(graph.EdgeTo(e)).Id);
        }
    }

    private static byte[] Bytes(GraphIndex graph)
    {
        using var stream = new MemoryStream();
        ReadModelSnapshot.Write(stream, graph);
        return stream.ToArray();
    }

    // Everything the read model holds, in its order: each node and edge whole, and each edge's ends by number.
    private static string Canonical(GraphIndex graph) => JsonSerializer.Serialize(new
    {
        Nodes = graph.Nodes,
        Edges = Enumerable.Range(0, graph.EdgeCount).Select(e => new { Edge = graph.EdgeAt(e), From = graph.EdgeFrom(e), To = graph.EdgeTo(e) }),
    }, GraphJson.Options);

    private static (string Seeds, string Database) Workspace() =>
        (TestSeeds.CopyToTemp("roadmap-snapshot-"), Path.Combine(Directory.CreateTempSubdirectory("roadmap-snapshot-db-").FullName, "roadmap.db"));

    private static async Task<EmbeddedGraphStore> Open(string seeds, string database, bool snapshot = true, int snapshotAfterEdits = 1_000)
    {
        var store = new EmbeddedGraphStore(
            new EmbeddedStoreOptions { DatabasePath = database, Snapshot = snapshot, SnapshotAfterEdits = snapshotAfterEdits }, new SeedsOptions { Path = seeds });
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private static Func<GraphIndex, GraphEdit> NewTechnology(string id) => g => EditPlanner.UpsertNode(g, new NodeDraft
    {
        Id = id, Kind = NodeKind.Technology, NameZh = id, NameEn = id, Sources = [Quote],
    }, null);

    private static void Execute(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Meta(string database, string key)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }
}
