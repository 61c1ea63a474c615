using Roadmap.Core.Editing;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage;

namespace Roadmap.Tests.Core.Storage;

/// <summary>What the embedded store does with edits across restarts and seed changes.</summary>
public class EditPersistenceTests
{
    private static readonly Source Quote = new("document:test-plan", "二", "图像重建技术");

    private static (string Seeds, string Database) Workspace()
    {
        var seeds = TestSeeds.CopyToTemp("roadmap-edits-");
        return (seeds, Path.Combine(Directory.CreateTempSubdirectory("roadmap-edits-db-").FullName, "roadmap.db"));
    }

    private static async Task<EmbeddedGraphStore> Open(string seeds, string database)
    {
        var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = database }, new SeedsOptions { Path = seeds });
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private static Func<GraphIndex, GraphEdit> NewTechnology(string id) => g => EditPlanner.UpsertNode(g, new NodeDraft
    {
        Id = id, Kind = NodeKind.Technology, NameZh = id, NameEn = id, Sources = [Quote],
    }, null);

    [Fact]
    public async Task A_file_with_edits_written_before_edges_had_a_reach_opens_and_takes_a_class_need()
    {
        var (seeds, database) = Workspace();
        using (var store = await Open(seeds, database)) await store.EditAsync("curator", NewTechnology("technology:before-reach"), CancellationToken.None);
        // As the previous version wrote it: no reach column, and no snapshot of the current format.
        using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False"))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText = "ALTER TABLE edges DROP COLUMN reach; DELETE FROM snapshot; DELETE FROM meta WHERE key LIKE 'snapshot_%';";
            command.ExecuteNonQuery();
        }

        using (var store = await Open(seeds, database))
        {
            store.Graph.IndexOf("technology:before-reach").ShouldBeGreaterThanOrEqualTo(0, "the edit is kept, not re-imported over");
            store.Graph.Edges.ShouldAllBe(e => e.Reach == NeedReach.EveryMember);
            var tech = new Edge("product:ct", EdgeType.UsesTechnology, "technology:image-reconstruction", [Quote], Reach: NeedReach.Class);
            await store.EditAsync("curator", g => EditPlanner.UpsertEdge(g, tech, 1), CancellationToken.None);
        }
        using (var reopened = await Open(seeds, database))
        {
            reopened.Graph.EdgeWithKey(new EdgeKey("product:ct", EdgeType.UsesTechnology, "technology:image-reconstruction"))!.Reach.ShouldBe(NeedReach.Class);
        }
        new SqliteGraphFile(database).Read().Edges.Single(e => e.To == "technology:image-reconstruction").Reach.ShouldBe(NeedReach.Class);
    }

    [Fact]
    public async Task A_plan_added_with_its_text_is_searched_after_a_restart_and_its_audit_entry_keeps_the_text()
    {
        var (seeds, database) = Workspace();
        const string text = "某省医疗装备产业发展规划\n重点发展高端医学影像装备。";
        using (var store = await Open(seeds, database))
        {
            await store.EditAsync("curator", g => EditPlanner.AddDocument(g, new DocumentDraft("document:province-plan", "某省医疗装备产业发展规划", "Provincial plan", null, 2026, new Period(2026, 2030), text, "province-plan.txt")), CancellationToken.None);
        }
        using var reopened = await Open(seeds, database);

        reopened.Graph.NodeAt(reopened.Graph.IndexOf("document:province-plan")).Text.ShouldBe(text);
        (await reopened.SearchSourcesAsync("医学影像装备", null, null, 10, CancellationToken.None)).Hits.ShouldHaveSingleItem().Document.Id.ShouldBe("document:province-plan");
        var entry = (await reopened.AuditLogAsync(null, 0, "document:province-plan", 10, CancellationToken.None)).ShouldHaveSingleItem();
        entry.Operation.ShouldBe("addDocument");
        entry.After!.ShouldContain("重点发展高端医学影像装备");
    }

    [Fact]
    public async Task A_restart_keeps_every_edit_with_its_version_and_audit_entry()
    {
        var (seeds, database) = Workspace();
        using (var store = await Open(seeds, database))
        {
            await store.EditAsync("curator", NewTechnology("technology:kept"), CancellationToken.None);
            await store.EditAsync("curator", g => EditPlanner.AddSource(g, "technology:kept", null, new Source("document:test-plan", "三", "实施示范工程"), 1), CancellationToken.None);
        }

        using var reopened = await Open(seeds, database);

        var node = reopened.Graph.NodeAt(reopened.Graph.IndexOf("technology:kept"));
        node.Version.ShouldBe(2);
        node.Sources.Count.ShouldBe(2);
        (await reopened.AuditLogAsync(null, 0, null, 10, CancellationToken.None)).Select(a => a.Operation).ShouldBe(["upsertNode", "addSource"]);
    }

    [Fact]
    public async Task Changed_seeds_are_not_imported_over_a_file_that_holds_edits()
    {
        var (seeds, database) = Workspace();
        using (var store = await Open(seeds, database))
        {
            await store.EditAsync("curator", NewTechnology("technology:precious"), CancellationToken.None);
        }
        var plan = Path.Combine(seeds, "graph", "test-plan.yaml");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("nameEn: rotating anode target", "nameEn: rotating anode disc", StringComparison.Ordinal));

        using var reopened = await Open(seeds, database);

        reopened.Graph.IndexOf("technology:precious").ShouldBeGreaterThanOrEqualTo(0);
        reopened.Graph.NodeAt(reopened.Graph.IndexOf("component:rotating-anode-target")).NameEn.ShouldBe("rotating anode target");
    }

    [Fact]
    public async Task Changed_seeds_are_imported_over_a_file_without_edits()
    {
        var (seeds, database) = Workspace();
        (await Open(seeds, database)).Dispose();
        var plan = Path.Combine(seeds, "graph", "test-plan.yaml");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("nameEn: rotating anode target", "nameEn: rotating anode disc", StringComparison.Ordinal));

        using var reopened = await Open(seeds, database);

        reopened.Graph.NodeAt(reopened.Graph.IndexOf("component:rotating-anode-target")).NameEn.ShouldBe("rotating anode disc");
    }

    [Fact]
    public async Task A_refused_edit_writes_nothing_to_memory_the_file_or_the_audit_log()
    {
        var (seeds, database) = Workspace();
        using var store = await Open(seeds, database);
        var before = store.Graph;

        var error = await Should.ThrowAsync<RoadmapException>(() => store.EditAsync("curator", g => EditPlanner.DeleteNode(g, "component:ct-tube", cascade: false, null), CancellationToken.None));

        error.Code.ShouldBe(ErrorCodes.HasEdges);
        store.Graph.ShouldBeSameAs(before);
        new SqliteGraphFile(database).CountEdits().ShouldBe(0);
    }
}
