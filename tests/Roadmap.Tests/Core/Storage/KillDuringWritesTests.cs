using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage;

namespace Roadmap.Tests.Core.Storage;

/// <summary>An acknowledged edit is on disk: a server killed with SIGKILL mid-burst loses none and reopens clean.</summary>
[ProcessTier]
public class KillDuringWritesTests
{
    [Fact]
    public async Task A_server_killed_during_a_burst_of_writes_keeps_every_acknowledged_write_and_restarts_with_them()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("roadmap-kill-").FullName, "roadmap.db");
        var acknowledged = new ConcurrentBag<string>();
        var failed = 0;
        using (var api = await ApiProcess.StartAsync(database, TestKeys.Settings()))
        {
            using var client = new HttpClient { BaseAddress = api.Address }.With(TestKeys.Editor.Key);
            using var stop = new CancellationTokenSource();
            // Four writers, each creating nodes one after another until the process dies under them.
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested && i < 10_000; i++)
                {
                    var id = $"technology:burst-{w}-{i}";
                    try
                    {
                        var (status, body, _) = await GraphQLClient.PostAsync(client, $$"""
                            mutation { upsertNode(input: { id: "{{id}}", kind: TECHNOLOGY, nameZh: "{{id}}", nameEn: "{{id}}",
                              sources: [{ document: "document:test-plan", section: "二", quote: "图像重建技术" }] }) { node { id } } }
                            """);
                        if (status == 200 && JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("upsertNode").GetProperty("node").GetProperty("id").GetString() == id)
                        {
                            acknowledged.Add(id);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref failed);
                        return;
                    }
                }
            })).ToList();

            while (acknowledged.Count < 40) await Task.Delay(10);
            api.Kill();
            await Task.WhenAll(writers);
        }

        // The kill came mid-burst: writers were still sending when the process went.
        failed.ShouldBeGreaterThan(0);
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            check.ExecuteScalar().ShouldBe("ok");
        }
        var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = database }, new SeedsOptions { Path = TestSeeds.Path });
        await store.InitializeAsync(CancellationToken.None);
        var missing = acknowledged.Where(id => store.Graph.IndexOf(id) < 0).ToList();
        missing.ShouldBeEmpty();
        (await store.AuditLogAsync(null, 0, null, 100, CancellationToken.None)).Count.ShouldBeGreaterThanOrEqualTo(Math.Min(acknowledged.Count, 100));
        store.Dispose();

        // A restarted server serves them (its seeds are unchanged, and the file's edits are never re-imported over).
        using var again = await ApiProcess.StartAsync(database, TestKeys.Settings());
        using var reader = new HttpClient { BaseAddress = again.Address };
        var sample = acknowledged.OrderBy(id => id, StringComparer.Ordinal).First();
        var (_, read, _) = await GraphQLClient.PostAsync(reader, $$"""{ node(id: "{{sample}}") { id version } }""");
        read.ShouldBe("""{"data":{"node":{"id":"SAMPLE","version":1}}}""".Replace("SAMPLE", sample, StringComparison.Ordinal));
    }
}
