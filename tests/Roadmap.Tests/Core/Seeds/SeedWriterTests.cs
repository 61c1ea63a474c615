using System.Text.Json;
using Roadmap.Core.Editing;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage;

namespace Roadmap.Tests.Core.Seeds;

/// <summary>The seed format written back: what the export writes, the validator accepts and loads into the same graph.</summary>
public class SeedWriterTests
{
    private static string Describe(GraphData graph) => JsonSerializer.Serialize(new
    {
        Nodes = graph.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal).Select(n => JsonSerializer.Serialize(n with { Version = 1 }, GraphJson.Options)),
        Edges = graph.Edges.OrderBy(e => e.Key.ToString(), StringComparer.Ordinal).Select(e => $"{e.Key} {e.Group} {string.Join("|", e.Sources)}"),
    });

    [Fact]
    public void The_committed_seeds_written_back_load_into_the_same_graph()
    {
        var original = SeedLoader.Load(Repo.Seeds);
        var directory = Directory.CreateTempSubdirectory("roadmap-export-").FullName;

        SeedWriter.Write(original.Graph, directory);
        var reloaded = SeedLoader.Load(directory);

        reloaded.Issues.ShouldBeEmpty();
        Describe(reloaded.Graph).ShouldBe(Describe(original.Graph));
    }

    [Fact]
    public async Task Edits_made_through_the_store_come_out_in_the_export_and_pass_validation()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("roadmap-export-db-").FullName, "roadmap.db");
        using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = database }, new SeedsOptions { Path = TestSeeds.Path });
        await store.InitializeAsync(CancellationToken.None);
        var quote = new Source("document:test-plan", "二", "CT球管用真空高温轴承");
        await store.EditAsync("curator", g => EditPlanner.UpsertNode(g, new NodeDraft
        {
            Id = "component:bearing-lubricant", Kind = NodeKind.Component, ComponentType = ComponentType.Material,
            NameZh = "轴承润滑材料", NameEn = "bearing lubricant", Sources = [quote],
        }, null), CancellationToken.None);
        await store.EditAsync("curator", g => EditPlanner.UpsertEdge(g, new Edge("component:vacuum-bearing", EdgeType.Requires, "component:bearing-lubricant", [quote]), null), CancellationToken.None);
        await store.EditAsync("curator", g => EditPlanner.AddAssessment(g, "component:vacuum-bearing", AssessmentStatus.ImportDependent, quote, null), CancellationToken.None);
        var directory = Directory.CreateTempSubdirectory("roadmap-export-").FullName;

        SeedWriter.Write(new GraphData(store.Graph.Nodes, store.Graph.Edges), directory);
        var reloaded = SeedLoader.Load(directory);

        reloaded.Issues.ShouldBeEmpty();
        Describe(reloaded.Graph).ShouldBe(Describe(new GraphData(store.Graph.Nodes, store.Graph.Edges)));
        reloaded.Graph.Nodes.Single(n => n.Id == "component:vacuum-bearing").LatestAssessment!.Status.ShouldBe(AssessmentStatus.ImportDependent);
    }
}
