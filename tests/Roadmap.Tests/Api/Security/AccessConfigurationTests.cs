using Roadmap.Core.Security;

namespace Roadmap.Tests.Api.Security;

/// <summary>Configuration that changes who may do what.</summary>
public class AccessConfigurationTests
{
    [Fact]
    public async Task With_read_access_by_key_a_query_without_one_is_refused()
    {
        using var factory = new RoadmapApiFactory(TestSeeds.Path, TestKeys.Settings(("Auth:ReadAccess", "Key")));
        var client = await factory.ReadyClientAsync();

        var (anonymous, _, _) = await GraphQLClient.PostAsync(client, "{ stats { nodeCount } }");
        var (withKey, body, _) = await GraphQLClient.PostAsync(client.With(TestKeys.Editor.Key), "{ stats { nodeCount } }");

        anonymous.ShouldBe(401);
        withKey.ShouldBe(200, body);
    }

    [Fact]
    public async Task Each_key_has_its_own_rate_limit_on_top_of_the_address_limit()
    {
        using var factory = new RoadmapApiFactory(TestSeeds.Path, TestKeys.Settings(("Auth:RequestsPerMinutePerKey", "3")));
        var editor = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var admin = (await factory.ReadyClientAsync()).With(TestKeys.Admin.Key);

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++) statuses.Add((await GraphQLClient.PostAsync(editor, "{ stats { nodeCount } }")).Status);
        var (otherKey, _, _) = await GraphQLClient.PostAsync(admin, "{ stats { nodeCount } }");

        statuses.ShouldBe([200, 200, 200, 429]);
        otherKey.ShouldBe(200);
    }

    [Fact]
    public void A_key_configured_in_plain_text_stops_the_service_at_start()
    {
        var (key, _) = ApiKeys.Create();
        var error = StartupFailure.Of(() => new RoadmapApiFactory(TestSeeds.Path, ("Auth:Keys:0:Name", "careless"), ("Auth:Keys:0:Role", "editor"), ("Auth:Keys:0:Hash", key)));

        error.Message.ShouldContain("holds a key, not its hash");
    }
}
