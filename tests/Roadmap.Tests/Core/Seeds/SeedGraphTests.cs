using System.Text.Json;
using System.Text.Json.Nodes;

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
        const string Page = """
            query($after: String) { nodes(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
              edges { node { sources { document { id } } assessments { document { id } } needs { sources { document { id } } } } } } }
            """;
        var client = await factory.ReadyClientAsync();

        var (_, body, _) = await GraphQLClient.PostAsync(client, "{ documents { id year } }");
        var documents = JsonNode.Parse(body)!["data"]!["documents"]!.AsArray().Select(d => (string)d!["id"]!).ToHashSet(StringComparer.Ordinal);
        var cited = new List<string?>();
        string? after = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var (status, page, _) = await GraphQLClient.PostAsync(client, Page, JsonSerializer.Serialize(new { after }));
            status.ShouldBe(200, page);
            var nodes = JsonNode.Parse(page)!["data"]!["nodes"]!;
            foreach (var node in nodes["edges"]!.AsArray().Select(e => e!["node"]!))
            {
                var sources = node["sources"]!.AsArray().Concat(node["assessments"]!.AsArray()).Concat(node["needs"]!.AsArray().SelectMany(e => e!["sources"]!.AsArray()));
                cited.AddRange(sources.Select(s => (string?)s!["document"]?["id"]));
            }
            after = (bool)nodes["pageInfo"]!["hasNextPage"]! ? (string?)nodes["pageInfo"]!["endCursor"] : null;
            if (after is null) break;
        }

        body.ShouldContain("\"id\":\"document:high-end-device-industrialisation\",\"year\":2018");
        documents.Count.ShouldBe(5);
        after.ShouldBeNull("the pages did not end");
        cited.Count.ShouldBeGreaterThan(1000, "the walk should reach every node, edge and assessment of the seed graph");
        cited.Where(id => id is null || !documents.Contains(id)).ShouldBeEmpty();
    }
}
