using Microsoft.Extensions.Options;

namespace Roadmap.Tests.Core.GraphQL.Execution;

public sealed class ShallowApiFactory() : RoadmapApiFactory(TestSeeds.Path, ("GraphQL:MaxSelectionDepth", "3"));

/// <summary>The execution bounds come from the GraphQL section through the options system.</summary>
public class GraphQLOptionsTests(ShallowApiFactory factory) : IClassFixture<ShallowApiFactory>
{
    [Fact]
    public async Task A_document_nested_deeper_than_MaxSelectionDepth_is_refused_with_complexity()
    {
        var client = await factory.ReadyClientAsync();

        (await GraphQLClient.PostAsync(client, "{ stats { byKind { kind } } }")).Status.ShouldBe(200);
        var (status, body, _) = await GraphQLClient.PostAsync(client, "{ node(id: \"product:ct\") { needs { to { needs { to { id } } } } } }");

        status.ShouldBe(400);
        body.ShouldContain("\"code\":\"COMPLEXITY\"");
    }

    [Fact]
    public void The_old_name_of_the_setting_stops_the_service_at_start()
    {
        var error = StartupFailure.Of(() => new RoadmapApiFactory(TestSeeds.Path, ("GraphQL:MaxDepth", "20")));

        error.Message.ShouldContain("GraphQL:MaxSelectionDepth");
    }
}
