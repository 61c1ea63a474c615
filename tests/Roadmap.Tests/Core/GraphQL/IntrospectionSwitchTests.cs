namespace Roadmap.Tests.Core.GraphQL;

public sealed class NoIntrospectionApiFactory() : RoadmapApiFactory(TestSeeds.Path, ("GraphQL:EnableIntrospection", "false"));

/// <summary>Introspection, which an operator can switch off.</summary>
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
