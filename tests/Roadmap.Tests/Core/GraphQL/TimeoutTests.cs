using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
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
    private sealed class SlowStatsStore(EmbeddedGraphStore inner) : ForwardingGraphStore(inner)
    {
        public override async Task<GraphStats> StatsAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return await base.StatsAsync(cancellationToken);
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
