using System.Text.Json.Nodes;

namespace Roadmap.Tests.Core.GraphQL;

/// <summary>GraphQL documents against the small test graph, with the exact JSON expected.</summary>
public class QueryTests(TestGraphApiFactory factory) : IClassFixture<TestGraphApiFactory>
{
    private async Task<string> Query(string query, string? variables = null)
    {
        var client = await factory.ReadyClientAsync();
        var (status, body, _) = await GraphQLClient.PostAsync(client, query, variables);
        status.ShouldBe(200, body);
        return body;
    }

    [Fact]
    public async Task Node_returns_the_typed_node_with_its_sources_assessments_and_targets()
    {
        var body = await Query("""
            { node(id: "product:ct") { id kind nameZh nameEn latestStatus
                ... on Product { field targets { metric comparator value unit source { section quote } } }
                assessments { status year document { id title } source { section quote } } } }
            """);

        body.ShouldBe("""{"data":{"node":{"id":"product:ct","kind":"PRODUCT","nameZh":"CT","nameEn":"computed tomography (CT) system","latestStatus":"FOUNDATION","field":"IMAGING","targets":[{"metric":"slices per rotation","comparator":"GTE","value":256,"unit":"层","source":{"section":"二","quote":"扫描层数 ≥ 256 层"}}],"assessments":[{"status":"FOUNDATION","year":2020,"document":{"id":"document:test-plan","title":"测试规划"},"source":{"section":"一","quote":"推动具备一定基础的 CT"}}]}}}""");
    }

    [Fact]
    public async Task Unknown_id_gives_null_not_an_error()
    {
        (await Query("""{ node(id: "product:nothing") { id } }""")).ShouldBe("""{"data":{"node":null}}""");
    }

    [Fact]
    public async Task Dependencies_walk_down_to_parts_of_parts()
    {
        var body = await Query("""{ dependencies(id: "product:ct", maxDepth: 2) { root { id } nodes { id } edges { type from { id } to { id } } truncated } }""");

        body.ShouldBe("""{"data":{"dependencies":{"root":{"id":"product:ct"},"nodes":[{"id":"product:ct"},{"id":"component:ct-tube"},{"id":"technology:image-reconstruction"},{"id":"component:rotating-anode-target"},{"id":"component:vacuum-bearing"}],"edges":[{"type":"REQUIRES","from":{"id":"product:ct"},"to":{"id":"component:ct-tube"}},{"type":"USES_TECHNOLOGY","from":{"id":"product:ct"},"to":{"id":"technology:image-reconstruction"}},{"type":"REQUIRES","from":{"id":"component:ct-tube"},"to":{"id":"component:rotating-anode-target"}},{"type":"REQUIRES","from":{"id":"component:ct-tube"},"to":{"id":"component:vacuum-bearing"}}],"truncated":false}}}""");
    }

    [Fact]
    public async Task Dependents_of_a_material_reach_the_program_and_report_truncation()
    {
        var body = await Query("""{ dependents(id: "component:vacuum-bearing", maxDepth: 2) { nodes { id } truncated } }""");

        body.ShouldBe("""{"data":{"dependents":{"nodes":[{"id":"component:vacuum-bearing"},{"id":"component:ct-tube"},{"id":"product:ct"}],"truncated":true}}}""");
    }

    [Fact]
    public async Task Paths_come_shortest_first()
    {
        var body = await Query("""{ paths(from: "program:demo", to: "component:vacuum-bearing") { complete paths { length nodes { id } } } }""");

        body.ShouldBe("""{"data":{"paths":{"complete":true,"paths":[{"length":3,"nodes":[{"id":"program:demo"},{"id":"product:ct"},{"id":"component:ct-tube"},{"id":"component:vacuum-bearing"}]},{"length":4,"nodes":[{"id":"program:demo"},{"id":"product:photon-counting-ct"},{"id":"product:ct"},{"id":"component:ct-tube"},{"id":"component:vacuum-bearing"}]}]}}}""");
    }

    [Fact]
    public async Task Impact_groups_what_a_gap_hits_by_kind_with_a_shortest_chain_as_evidence()
    {
        var body = await Query("""
            { impact(ids: ["component:vacuum-bearing", "component:unknown"]) {
                gaps { id } unknownIds
                components { node { id } distance }
                products { node { id } distance }
                programs { node { id } distance path { length nodes { id } edges { type } } }
                technologies { node { id } } } }
            """);

        body.ShouldBe("""{"data":{"impact":{"gaps":[{"id":"component:vacuum-bearing"}],"unknownIds":["component:unknown"],"components":[{"node":{"id":"component:ct-tube"},"distance":1}],"products":[{"node":{"id":"product:ct"},"distance":2},{"node":{"id":"product:photon-counting-ct"},"distance":3}],"programs":[{"node":{"id":"program:demo"},"distance":3,"path":{"length":3,"nodes":[{"id":"program:demo"},{"id":"product:ct"},{"id":"component:ct-tube"},{"id":"component:vacuum-bearing"}],"edges":[{"type":"TARGETS"},{"type":"REQUIRES"},{"type":"REQUIRES"}]}}],"technologies":[]}}}""");
    }

    [Fact]
    public async Task Search_finds_names_and_aliases_case_insensitively_exact_first()
    {
        var body = await Query("""{ search(text: "ct") { totalCount edges { match node { id } } } alias: search(text: "CT球管", kinds: [COMPONENT]) { nodes { id } } }""");

        // "image reconstruction" contains "ct" too: a substring match, ranked last.
        body.ShouldBe("""{"data":{"search":{"totalCount":4,"edges":[{"match":"EXACT","node":{"id":"product:ct"}},{"match":"PREFIX","node":{"id":"component:ct-tube"}},{"match":"WORD","node":{"id":"product:photon-counting-ct"}},{"match":"SUBSTRING","node":{"id":"technology:image-reconstruction"}}]},"alias":{"nodes":[{"id":"component:ct-tube"}]}}}""");
    }

    [Fact]
    public async Task Search_pages_on_by_rank_key_and_refuses_a_cursor_from_another_search()
    {
        var first = JsonNode.Parse(await Query("""{ search(text: "ct", first: 2) { pageInfo { hasNextPage endCursor } nodes { id } } }"""))!["data"]!["search"]!;
        first["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeTrue();
        var cursor = first["pageInfo"]!["endCursor"]!.GetValue<string>();

        var rest = await Query($$"""{ search(text: "CT", first: 10, after: "{{cursor}}") { pageInfo { hasNextPage } nodes { id } } }""");
        var other = await Query($$"""{ search(text: "ct", kinds: [PRODUCT], after: "{{cursor}}") { nodes { id } } }""");
        var garbled = await Query("""{ search(text: "ct", after: "bm90IGEgY3Vyc29y") { nodes { id } } }""");

        first["nodes"]!.ToJsonString().ShouldBe("""[{"id":"product:ct"},{"id":"component:ct-tube"}]""");
        // The text is matched case-insensitively, so "CT" is the same search and its cursors carry over.
        rest.ShouldBe("""{"data":{"search":{"pageInfo":{"hasNextPage":false},"nodes":[{"id":"product:photon-counting-ct"},{"id":"technology:image-reconstruction"}]}}}""");
        other.ShouldContain("\"code\":\"INVALID_CURSOR\"");
        garbled.ShouldContain("\"code\":\"INVALID_CURSOR\"");
    }

    [Fact]
    public async Task Nodes_pages_with_cursors_until_the_end()
    {
        var first = await Query("""{ nodes(kinds: [COMPONENT], first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }""");
        var endCursor = System.Text.Json.Nodes.JsonNode.Parse(first)!["data"]!["nodes"]!["pageInfo"]!["endCursor"]!.ToString();
        first.ShouldBe("""{"data":{"nodes":{"totalCount":3,"pageInfo":{"hasNextPage":true,"endCursor":"CURSOR"},"edges":[{"node":{"id":"component:ct-tube"}},{"node":{"id":"component:rotating-anode-target"}}]}}}""".Replace("CURSOR", endCursor, StringComparison.Ordinal));

        var second = await Query("""query($after: String) { nodes(kinds: [COMPONENT], first: 2, after: $after) { pageInfo { hasNextPage } edges { node { id } } } }""", $$"""{"after":"{{endCursor}}"}""");
        second.ShouldBe("""{"data":{"nodes":{"pageInfo":{"hasNextPage":false},"edges":[{"node":{"id":"component:vacuum-bearing"}}]}}}""");
    }

    [Fact]
    public async Task Stats_count_by_kind_and_edge_type()
    {
        var body = await Query("{ stats { nodeCount edgeCount byKind { kind count } byEdgeType { type count } } }");

        body.ShouldBe("""{"data":{"stats":{"nodeCount":8,"edgeCount":7,"byKind":[{"kind":"TECHNOLOGY","count":1},{"kind":"COMPONENT","count":3},{"kind":"PRODUCT","count":2},{"kind":"PROGRAM","count":1},{"kind":"DOCUMENT","count":1}],"byEdgeType":[{"type":"REQUIRES","count":3},{"type":"USES_TECHNOLOGY","count":1},{"type":"VARIANT_OF","count":1},{"type":"TARGETS","count":2},{"type":"INCLUDES","count":0}]}}}""");
    }

    [Fact]
    public async Task Needs_and_needed_by_give_one_hop_with_sources()
    {
        var body = await Query("""{ node(id: "component:ct-tube") { needs { to { id } } neededBy { from { id } sources { quote document { id } } } } }""");

        body.ShouldBe("""{"data":{"node":{"needs":[{"to":{"id":"component:rotating-anode-target"}},{"to":{"id":"component:vacuum-bearing"}}],"neededBy":[{"from":{"id":"product:ct"},"sources":[{"quote":"关键部件：大热容量球管","document":{"id":"document:test-plan"}}]}]}}}""");
    }

    [Fact]
    public async Task Documents_list_the_plans()
    {
        (await Query("{ documents { id title year period { start end } } }"))
            .ShouldBe("""{"data":{"documents":[{"id":"document:test-plan","title":"测试规划","year":2020,"period":{"start":2020,"end":2022}}]}}""");
    }
}
