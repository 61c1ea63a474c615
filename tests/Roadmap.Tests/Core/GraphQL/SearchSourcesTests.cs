using System.Text.Json.Nodes;

namespace Roadmap.Tests.Core.GraphQL;

/// <summary>
/// searchSources over the test plan ("二、关键部件：大热容量球管，旋转靶盘。CT球管用真空高温轴承。" and the rest): every
/// sentence holding the term, with the nodes and edges whose quotes lie in it.
/// </summary>
public class SearchSourcesTests(TestGraphApiFactory factory) : IClassFixture<TestGraphApiFactory>
{
    private async Task<JsonNode> SearchAsync(string text, int first = 20, string? after = null)
    {
        var (status, body, _) = await GraphQLClient.PostAsync(await factory.ReadyClientAsync(),
            "query($text: String!, $first: Int!, $after: String) { searchSources(text: $text, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { section sentence snippet matches nodes { id } edges { id } } } } }",
            System.Text.Json.JsonSerializer.Serialize(new { text, first, after }));
        status.ShouldBe(200, body);
        JsonNode.Parse(body)!["errors"].ShouldBeNull(body);
        return JsonNode.Parse(body)!["data"]!["searchSources"]!;
    }

    [Fact]
    public async Task A_two_character_term_finds_every_sentence_holding_it_with_what_cites_it()
    {
        var hits = await SearchAsync("球管");

        hits["totalCount"]!.GetValue<int>().ShouldBe(2);
        var first = hits["edges"]![0]!["node"]!;
        first["sentence"]!.ToString().ShouldBe("二、关键部件:大热容量球管,旋转靶盘。");
        first["snippet"]!.ToString().ShouldBe("二、关键部件:大热容量【球管】,旋转靶盘。");
        first["section"]!.ToString().ShouldBe("二");
        first["nodes"]!.AsArray().Select(n => n!["id"]!.ToString()).ShouldContain("component:ct-tube");
        first["edges"]!.AsArray().Select(e => e!["id"]!.ToString()).ShouldContain("product:ct -REQUIRES-> component:ct-tube");
        hits["edges"]![1]!["node"]!["sentence"]!.ToString().ShouldBe("CT球管用真空高温轴承。");
    }

    [Fact]
    public async Task Pages_go_on_after_the_cursor_and_a_term_nowhere_in_the_plans_finds_nothing()
    {
        var page = await SearchAsync("CT", first: 2);
        var next = await SearchAsync("CT", first: 10, after: page["pageInfo"]!["endCursor"]!.ToString());
        var none = await SearchAsync("国产化");

        page["totalCount"]!.GetValue<int>().ShouldBe(4);
        ((bool)page["pageInfo"]!["hasNextPage"]!).ShouldBeTrue();
        next["edges"]!.AsArray().Count.ShouldBe(2);
        next["edges"]![0]!["node"]!["sentence"]!.ToString().ShouldNotBe(page["edges"]![1]!["node"]!["sentence"]!.ToString());
        none["totalCount"]!.GetValue<int>().ShouldBe(0);
    }
}
