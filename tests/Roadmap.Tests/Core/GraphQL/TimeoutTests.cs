using Roadmap.Core.Errors;
using Roadmap.Core.Analysis;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage;

namespace Roadmap.Tests.Core.GraphQL;

/// <summary>The API with a store whose statistics take far longer than the execution timeout allows.</summary>
public sealed class SlowStoreApiFactory : RoadmapApiFactory
{
    public SlowStoreApiFactory() : base(TestSeeds.Path, ("GraphQL:ExecutionTimeout", "00:00:00.200")) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddSingleton<IGraphStore>(sp => new SlowStatsStore(sp.GetRequiredService<EmbeddedGraphStore>())));
    }

    /// <summary>Answers like the embedded store, except that stats wait 30 s (or until cancelled).</summary>
    private sealed class SlowStatsStore(EmbeddedGraphStore inner) : IGraphStore
    {
        public bool IsReady => inner.IsReady;
        public Task InitializeAsync(CancellationToken ct) => inner.InitializeAsync(ct);
        public Task<IReadOnlyDictionary<string, Node>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken ct) => inner.GetNodesAsync(ids, ct);
        public Task<NodePage> ListNodesAsync(IReadOnlySet<NodeKind>? kinds, int offset, int count, CancellationToken ct) => inner.ListNodesAsync(kinds, offset, count, ct);
        public Task<IReadOnlyList<Node>> SearchAsync(string text, IReadOnlySet<NodeKind>? kinds, int first, CancellationToken ct) => inner.SearchAsync(text, kinds, first, ct);
        public Task<IReadOnlyDictionary<string, IReadOnlyList<Edge>>> GetEdgesAsync(IReadOnlyCollection<string> ids, Direction direction, CancellationToken ct) => inner.GetEdgesAsync(ids, direction, ct);
        public Task<Subgraph> ReachAsync(string id, Direction direction, int maxDepth, CancellationToken ct) => inner.ReachAsync(id, direction, maxDepth, ct);
        public Task<IReadOnlyList<GraphPath>> PathsAsync(string from, string to, int maxLength, int limit, CancellationToken ct) => inner.PathsAsync(from, to, maxLength, limit, ct);
        public Task<ImpactReport> ImpactAsync(IReadOnlyCollection<string> ids, int maxDepth, bool assumeGaps, CancellationToken ct) => inner.ImpactAsync(ids, maxDepth, assumeGaps, ct);
        public Task<IReadOnlyList<Bottleneck>> BottlenecksAsync(IReadOnlySet<NodeKind>? kinds, IReadOnlySet<AssessmentStatus>? statuses, int first, CancellationToken ct) => inner.BottlenecksAsync(kinds, statuses, first, ct);
        public Task<IReadOnlyList<StatusChange>> ChangesAsync(int fromYear, int toYear, CancellationToken ct) => inner.ChangesAsync(fromYear, toYear, ct);
        public Task<DocumentComparison?> CompareDocumentsAsync(string a, string b, CancellationToken ct) => inner.CompareDocumentsAsync(a, b, ct);
        public Task<NodeRoadmap?> RoadmapAsync(string id, int maxDepth, CancellationToken ct) => inner.RoadmapAsync(id, maxDepth, ct);

        public async Task<GraphStats> StatsAsync(CancellationToken ct)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return await inner.StatsAsync(ct);
        }
    }
}

public class TimeoutTests(SlowStoreApiFactory factory) : IClassFixture<SlowStoreApiFactory>
{
    [Fact]
    public async Task A_query_past_the_execution_timeout_gets_a_timeout_error_not_a_hang()
    {
        var client = await factory.ReadyClientAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (_, body, _) = await GraphQLClient.PostAsync(client, "{ stats { nodeCount } }");

        body.ShouldContain("\"code\":\"TIMEOUT\"");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20)); // the 30 s store call was abandoned
    }
}
