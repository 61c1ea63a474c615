using System.Text.Json;

namespace Roadmap.Tests.Core.GraphQL;

/// <summary>Readers during writes see the graph before or after each edit, never an edge whose end is gone.</summary>
public class ConcurrentReadersTests(EditableApiFactory factory) : IClassFixture<EditableApiFactory>
{
    [Fact]
    public async Task Readers_never_see_a_dangling_edge_while_nodes_and_their_edges_come_and_go()
    {
        var admin = (await factory.ReadyClientAsync()).With(TestKeys.Admin.Key);
        var reader = await factory.ReadyClientAsync();
        using var done = new CancellationTokenSource();
        var problems = new List<string>();
        var reads = 0;

        // Each round adds a part under the tube, links it, then deletes it with its edges.
        var writer = Task.Run(async () =>
        {
            try
            {
                for (var i = 0; i < 30; i++)
                {
                    var id = $"component:transient-{i}";
                    foreach (var mutation in new[]
                             {
                                 $$"""mutation { upsertNode(input: { id: "{{id}}", kind: COMPONENT, componentType: PART, nameZh: "{{id}}", nameEn: "{{id}}", sources: [{ document: "document:test-plan", section: "二", quote: "大热容量球管" }] }) { revision } }""",
                                 $$"""mutation { upsertEdge(input: { from: "component:ct-tube", type: REQUIRES, to: "{{id}}", sources: [{ document: "document:test-plan", section: "二", quote: "大热容量球管" }] }) { revision } }""",
                                 $$"""mutation { deleteNode(input: { id: "{{id}}", cascade: true }) { revision } }""",
                             })
                    {
                        var (status, body, _) = await GraphQLClient.PostAsync(admin, mutation);
                        if (status != 200 || body.Contains("\"errors\"", StringComparison.Ordinal)) lock (problems) problems.Add("write: " + body);
                    }
                }
            }
            finally
            {
                await done.CancelAsync();
            }
        });
        // Readers walk from the product down, so each response reads edges and then the nodes at their ends.
        var readers = Enumerable.Range(0, 3).Select(r => Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var (status, body, _) = await GraphQLClient.PostAsync(reader, """
                    { node(id: "component:ct-tube") { needs { to { id nameZh } } }
                      dependencies(id: "product:ct", maxDepth: 3) { edges { from { id } to { id } } } }
                    """);
                Interlocked.Increment(ref reads);
                if (status != 200 || JsonDocument.Parse(body).RootElement.TryGetProperty("errors", out _)) lock (problems) problems.Add("read: " + body);
            }
        })).ToList();

        await writer;
        await Task.WhenAll(readers);

        problems.ShouldBeEmpty();
        reads.ShouldBeGreaterThan(30);
    }
}
