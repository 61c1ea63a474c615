namespace Roadmap.Tests.Api.Http;

public sealed class StrictApiFactory() : RoadmapApiFactory(TestSeeds, ("GraphQL:RequestsPerMinute", "3"), ("GraphQL:EnableIntrospection", "false"));

/// <summary>The limits an operator can tighten: requests per address, and introspection.</summary>
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

public sealed class NoIntrospectionApiFactory() : RoadmapApiFactory(TestSeeds, ("GraphQL:EnableIntrospection", "false"));

public class IntrospectionSwitchTests(NoIntrospectionApiFactory factory) : IClassFixture<NoIntrospectionApiFactory>
{
    [Fact]
    public async Task Introspection_can_be_switched_off_while_queries_still_run()
    {
        var client = await factory.ReadyClientAsync();

        for (var i = 0; i < 2; i++) // the second time from the document cache
        {
            var (status, body, _) = await GraphQLClient.PostAsync(client, "{ __schema { queryType { name } } }");
            status.ShouldBe(400);
            body.ShouldContain("\"code\":\"NO_INTROSPECTION\"");
        }
        (await GraphQLClient.PostAsync(client, "{ stats { nodeCount } }")).Body.ShouldBe("""{"data":{"stats":{"nodeCount":8}}}""");
    }
}
