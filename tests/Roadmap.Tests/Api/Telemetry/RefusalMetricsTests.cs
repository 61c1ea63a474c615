using Roadmap.Core.Security;

namespace Roadmap.Tests.Api.Telemetry;

public sealed class LimitedApiFactory() : RoadmapApiFactory(TestSeeds.Path, TestKeys.Settings(("GraphQL:RequestsPerMinute", "3")));

/// <summary>Refusals show in the metrics, and the metrics stay readable to a client the service refuses.</summary>
public class RefusalMetricsTests(LimitedApiFactory factory) : IClassFixture<LimitedApiFactory>
{
    [Fact]
    public async Task Wrong_keys_and_rate_limited_requests_are_counted_and_metrics_are_neither_limited_nor_key_checked()
    {
        var client = (await factory.ReadyClientAsync()).With(ApiKeys.Create().Key);
        for (var i = 0; i < 5; i++) await GraphQLClient.PostAsync(client, "{ stats { nodeCount } }");

        // With the wrong key still sent, from an address over its limit.
        var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).ShouldBe(200);
        Total(text, "roadmap_http_rate_limited_total").ShouldBeGreaterThanOrEqualTo(2);
        Total(text, "roadmap_http_unauthenticated_total").ShouldBeGreaterThanOrEqualTo(3);
    }

    private static double Total(string text, string metric) =>
        text.Split('\n').Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
}
