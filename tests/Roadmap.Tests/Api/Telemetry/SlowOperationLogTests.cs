using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Roadmap.Tests.Core.GraphQL.Execution;

namespace Roadmap.Tests.Api.Telemetry;

/// <summary>The API with every operation over the slow-operation threshold, its log captured.</summary>
public sealed class SlowThresholdApiFactory() : RoadmapApiFactory(TestSeeds.Path, ("GraphQL:SlowOperationThreshold", "00:00:00.0000001"))
{
    public FaultyStoreApiFactory.CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Log));
    }
}

public class SlowOperationLogTests(SlowThresholdApiFactory factory) : IClassFixture<SlowThresholdApiFactory>
{
    [Fact]
    public async Task An_operation_over_the_threshold_is_logged_at_warning_with_its_name_and_outcome()
    {
        var client = await factory.ReadyClientAsync();
        var name = "Slow" + Guid.NewGuid().ToString("N");

        var (status, _, _) = await GraphQLClient.PostAsync(client, $"query {name} {{ stats {{ nodeCount }} }}");

        status.ShouldBe(200);
        var entry = factory.Log.Entries.Where(e => e.Message.Contains(name, StringComparison.Ordinal)).ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Warning);
        entry.Message.ShouldStartWith($"Slow GraphQL operation: query {name} took ");
        entry.Message.ShouldContain("outcome ok");
    }
}
