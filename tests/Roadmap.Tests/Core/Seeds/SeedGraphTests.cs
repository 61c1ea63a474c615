namespace Roadmap.Tests.Core.Seeds;

/// <summary>The service on the committed seed dataset: what a user of the real graph relies on.</summary>
public class SeedGraphTests(SeedGraphApiFactory factory) : IClassFixture<SeedGraphApiFactory>
{
    [Fact]
    public async Task The_ct_tube_gap_hits_ct_and_the_industrialisation_program()
    {
        var client = await factory.ReadyClientAsync();

        var (status, body, _) = await GraphQLClient.PostAsync(client,
            """{ impact(ids: ["component:ct-tube-high-heat-capacity"]) { products { node { id } distance } programs { node { id } } } }""");

        status.ShouldBe(200);
        body.ShouldContain("""{"node":{"id":"product:ct"},"distance":1}""");
        body.ShouldContain("""{"node":{"id":"program:high-end-device-industrialisation"}}""");
    }

    [Fact]
    public async Task Every_source_resolves_to_one_of_the_five_documents()
    {
        var client = await factory.ReadyClientAsync();

        var (_, body, _) = await GraphQLClient.PostAsync(client, "{ documents { id year } stats { nodeCount } }");

        body.ShouldContain("\"id\":\"document:high-end-device-industrialisation\",\"year\":2018");
        System.Text.RegularExpressions.Regex.Count(body, "\"id\":\"document:").ShouldBe(5);
    }
}
