namespace Roadmap.Tests.Api.Http;

public sealed class StrictApiFactory() : RoadmapApiFactory(TestSeeds.Path, ("GraphQL:RequestsPerMinute", "3"));

/// <summary>The limit an operator can tighten on requests per address.</summary>
public class AbuseLimitTests(StrictApiFactory factory) : IClassFixture<StrictApiFactory>
{
    [Fact]
    public async Task Requests_past_the_per_address_limit_get_429_rate_limited()
    {
        var client = await factory.ReadyClientAsync();
        var statuses = new List<int>();
        string last = "";
        for (var i = 0; i < 5; i++)
        {
            var (status, body, _) = await GraphQLClient.PostAsync(client, "{ stats { nodeCount } }");
            statuses.Add(status);
            last = body;
        }

        statuses.Count(s => s == 200).ShouldBeLessThanOrEqualTo(3);
        statuses[^1].ShouldBe(429);
        last.ShouldContain("\"code\":\"RATE_LIMITED\"");
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode.ShouldBeTrue(); // health is not limited
    }
}
