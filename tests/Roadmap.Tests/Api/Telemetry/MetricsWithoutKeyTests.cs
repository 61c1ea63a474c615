namespace Roadmap.Tests.Api.Telemetry;

public sealed class KeyedReadsApiFactory() : RoadmapApiFactory(TestSeeds.Path, TestKeys.Settings(("Auth:ReadAccess", "Key")));

/// <summary>A scraper holds no key, even where every read needs one.</summary>
public class MetricsWithoutKeyTests(KeyedReadsApiFactory factory) : IClassFixture<KeyedReadsApiFactory>
{
    [Fact]
    public async Task Metrics_answer_without_a_key_when_reads_need_one()
    {
        var client = await factory.ReadyClientAsync();
        var (queryStatus, _, _) = await GraphQLClient.PostAsync(client, "{ stats { nodeCount } }");

        var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        queryStatus.ShouldBe(401);
        ((int)response.StatusCode).ShouldBe(200);
        (await response.Content.ReadAsStringAsync()).ShouldContain("roadmap_http_unauthenticated_total{");
    }
}
