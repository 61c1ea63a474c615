using Roadmap.Core.Security;

namespace Roadmap.Tests.Api.Security;

public sealed class ThreePerMinuteApiFactory() : RoadmapApiFactory(TestSeeds.Path, TestKeys.Settings(("GraphQL:RequestsPerMinute", "3")));

/// <summary>A wrong key is refused after the rate limiter has counted it: guessing keys is limited like any request.</summary>
public class WrongKeyRateLimitTests(ThreePerMinuteApiFactory factory) : IClassFixture<ThreePerMinuteApiFactory>
{
    [Fact]
    public async Task Requests_with_a_wrong_key_are_refused_with_401_until_the_address_limit_then_429()
    {
        var client = (await factory.ReadyClientAsync()).With(ApiKeys.Create().Key);
        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            var (status, body, _) = await GraphQLClient.PostAsync(client, "{ stats { nodeCount } }");
            statuses.Add(status);
            body.ShouldContain(status == 401 ? "\"code\":\"UNAUTHENTICATED\"" : "\"code\":\"RATE_LIMITED\"");
        }

        statuses.ShouldBe([401, 401, 401, 429, 429, 429]);
    }
}
