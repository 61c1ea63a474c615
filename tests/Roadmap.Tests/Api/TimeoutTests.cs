using Microsoft.AspNetCore.Hosting;

namespace Roadmap.Tests.Api;

/// <summary>The API with an execution timeout too short for any query to finish.</summary>
public sealed class InstantTimeoutApiFactory : RoadmapApiFactory
{
    public InstantTimeoutApiFactory() : base(TestSeeds) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("GraphQL:ExecutionTimeout", "00:00:00.0000001");
    }
}

public class TimeoutTests(InstantTimeoutApiFactory factory) : IClassFixture<InstantTimeoutApiFactory>
{
    [Fact]
    public async Task A_query_past_the_execution_timeout_gets_a_timeout_error()
    {
        var client = await factory.ReadyClientAsync();

        var (_, body, _) = await GraphQLClient.PostAsync(client, """{ paths(from: "program:demo", to: "component:vacuum-bearing", maxLength: 10, limit: 100) { length } }""");

        body.ShouldContain("\"code\":\"TIMEOUT\"");
    }
}
