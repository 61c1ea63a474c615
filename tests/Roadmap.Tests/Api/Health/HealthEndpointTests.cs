namespace Roadmap.Tests.Api.Health;

public class HealthEndpointTests(TestGraphApiFactory factory) : IClassFixture<TestGraphApiFactory>
{
    [Fact]
    public async Task Health_endpoints_answer()
    {
        var client = await factory.ReadyClientAsync();

        (await client.GetStringAsync(new Uri("/health/live", UriKind.Relative))).ShouldBe("Healthy");
        (await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative))).ShouldBe("Healthy");
    }
}
