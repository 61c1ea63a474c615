using System.Diagnostics.Metrics;
using Microsoft.Extensions.Time.Testing;
using Roadmap.Core.Editing;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage;
using Roadmap.Core.Telemetry;

namespace Roadmap.Tests.Core.Telemetry;

/// <summary>The read model's age, as the roadmap.readmodel.snapshot.age gauge reports it, by the store's clock.</summary>
public class SnapshotAgeTests
{
    [Fact]
    public async Task The_age_counts_from_the_load_and_starts_again_at_each_commit()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var database = Path.Combine(Directory.CreateTempSubdirectory("roadmap-age-").FullName, "roadmap.db");
        using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = database }, new SeedsOptions { Path = TestSeeds.Path }, time: time);
        await store.InitializeAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(42));
        var afterLoad = Age(database);
        await store.EditAsync("curator", g => EditPlanner.UpsertNode(g, new NodeDraft
        {
            Id = "technology:aged", Kind = NodeKind.Technology, NameZh = "老化", NameEn = "aged", Sources = [new Source("document:test-plan", "二", "图像重建技术")],
        }, null), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));
        var afterCommit = Age(database);

        afterLoad.ShouldBe(42);
        afterCommit.ShouldBe(5);
    }

    /// <summary>The gauge's one measurement of the store loaded from <paramref name="database"/> (other tests' stores are series of their own).</summary>
    private static double Age(string database)
    {
        var measured = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RoadmapTelemetry.Name && instrument.Name == "roadmap.readmodel.snapshot.age") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == RoadmapTelemetry.DatabaseTag && Equals(tag.Value, database)) measured.Add(value);
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return measured.ShouldHaveSingleItem();
    }
}
