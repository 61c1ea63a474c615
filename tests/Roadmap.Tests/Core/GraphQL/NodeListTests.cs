using System.Text.Json.Nodes;

namespace Roadmap.Tests.Core.GraphQL;

/// <summary>nodes with filters, orders and Relay paging, and nodeCounts, on the test graph (8 nodes: 1 technology,
/// 3 components, 2 products, 1 program, 1 document).</summary>
public class NodeListTests(TestGraphApiFactory factory) : IClassFixture<TestGraphApiFactory>
{
    private async Task<JsonNode> DataAsync(string query, object? variables = null, HttpClient? client = null) =>
        await GraphQLClient.DataAsync(client ?? await factory.ReadyClientAsync(), query, variables);

    private static string[] Ids(JsonNode connection) => GraphQLClient.ConnectionIds(connection);

    [Fact]
    public async Task A_filter_combines_kinds_relations_and_negation()
    {
        var data = await DataAsync("""
            {
              withParts: nodes(where: { kinds: [PRODUCT], needs: { some: { kinds: [COMPONENT] } } }) { totalCount edges { node { id } } }
              withoutParts: nodes(where: { kinds: [PRODUCT], needs: { none: { kinds: [COMPONENT] } } }) { edges { node { id } } }
              leaves: nodes(where: { kinds: [COMPONENT], NOT: { needs: { some: {} } } }) { edges { node { id } } }
              either: nodes(where: { OR: [{ ids: ["program:demo"] }, { text: "球管" }] }) { edges { node { id } } }
              targeted: nodes(where: { neededBy: { some: { kinds: [PROGRAM] } } }) { edges { node { id } } }
            }
            """);

        Ids(data["withParts"]!).ShouldBe(["product:ct"]);
        Ids(data["withoutParts"]!).ShouldBe(["product:photon-counting-ct"]);
        Ids(data["leaves"]!).ShouldBe(["component:rotating-anode-target", "component:vacuum-bearing"]);
        Ids(data["either"]!).ShouldBe(["component:ct-tube", "program:demo"]);
        Ids(data["targeted"]!).ShouldBe(["product:ct", "product:photon-counting-ct"]);
    }

    [Fact]
    public async Task An_order_sorts_by_its_keys_and_the_id_breaks_ties()
    {
        var data = await DataAsync("""{ nodes(where: { kinds: [COMPONENT, PRODUCT] }, orderBy: [{ field: DEPENDENT_PRODUCTS, direction: DESC }]) { edges { node { id } } } }""");

        // ct-tube and its two parts are needed by both products; the products by none and one.
        Ids(data["nodes"]!).ShouldBe(["component:ct-tube", "component:rotating-anode-target", "component:vacuum-bearing", "product:ct", "product:photon-counting-ct"]);
    }

    [Fact]
    public async Task Last_and_before_page_backwards_and_page_info_tells_both_sides()
    {
        var data = await DataAsync("""{ nodes(last: 2) { pageInfo { hasNextPage hasPreviousPage startCursor } edges { node { id } } } }""");
        Ids(data["nodes"]!).ShouldBe(["program:demo", "technology:image-reconstruction"]);
        ((bool)data["nodes"]!["pageInfo"]!["hasNextPage"]!).ShouldBeFalse();
        ((bool)data["nodes"]!["pageInfo"]!["hasPreviousPage"]!).ShouldBeTrue();

        var before = await DataAsync("query($before: String) { nodes(last: 2, before: $before) { pageInfo { hasNextPage } edges { node { id } } } }",
            new { before = data["nodes"]!["pageInfo"]!["startCursor"]!.ToString() });
        Ids(before["nodes"]!).ShouldBe(["product:ct", "product:photon-counting-ct"]);
        ((bool)before["nodes"]!["pageInfo"]!["hasNextPage"]!).ShouldBeTrue();
    }

    [Fact]
    public async Task A_cursor_from_another_filter_or_a_forged_one_is_an_invalid_cursor()
    {
        var client = await factory.ReadyClientAsync();
        var components = await DataAsync("""{ nodes(kinds: [COMPONENT], first: 1) { pageInfo { endCursor } } }""", client: client);
        var cursor = components["nodes"]!["pageInfo"]!["endCursor"]!.ToString();

        var (_, other, _) = await GraphQLClient.PostAsync(client, "query($after: String) { nodes(kinds: [PRODUCT], after: $after) { totalCount } }",
            System.Text.Json.JsonSerializer.Serialize(new { after = cursor }), accept: "application/json");
        var (_, forged, _) = await GraphQLClient.PostAsync(client, """{ nodes(after: "bm9kZTox") { totalCount } }""", accept: "application/json");

        other.ShouldContain("\"code\":\"INVALID_CURSOR\"");
        forged.ShouldContain("\"code\":\"INVALID_CURSOR\"");
    }

    [Fact]
    public async Task Counts_group_by_the_keys_asked_for()
    {
        var data = await DataAsync("""
            {
              byKind: nodeCounts(where: { NOT: { kinds: [DOCUMENT] } }, groupBy: [KIND]) { key { kind } count }
              byDocument: nodeCounts(where: { kinds: [PRODUCT] }, groupBy: [DOCUMENT, YEAR]) { key { document year kind } count }
            }
            """);

        data["byKind"]!.ToJsonString().ShouldContain("""{"key":{"kind":"COMPONENT"},"count":""");
        data["byKind"]!.AsArray().Sum(c => (int)c!["count"]!).ShouldBe(7);
        data["byKind"]!.AsArray().Select(c => c!["key"]!["kind"]!.ToString()).ShouldBe(["TECHNOLOGY", "COMPONENT", "PRODUCT", "PROGRAM"]);
        data["byDocument"]!.ToJsonString().ShouldBe("""[{"key":{"document":"document:test-plan","year":2020,"kind":null},"count":2}]""");
    }

    [Theory]
    [InlineData("""{ nodes(where: { AND: [{ AND: [{ AND: [{ AND: [{ AND: [{ kinds: [PRODUCT] }] }] }] }] }] }) { totalCount } }""", "COMPLEXITY")]
    [InlineData("""{ nodes(where: { text: "  " }) { totalCount } }""", "INVALID_ARGUMENT")]
    [InlineData("""{ nodes(where: { activeIn: 1800 }) { totalCount } }""", "ARGUMENT_OUT_OF_RANGE")]
    [InlineData("""{ nodes(first: 101) { totalCount } }""", "ARGUMENT_OUT_OF_RANGE")]
    public async Task A_filter_past_its_bounds_is_refused_with_a_code(string query, string code)
    {
        var (_, body, _) = await GraphQLClient.PostAsync(await factory.ReadyClientAsync(), query, accept: "application/json");

        body.ShouldContain($"\"code\":\"{code}\"");
    }
}

/// <summary>Paging while the graph changes: a cursor holds the last node's key, not its position.</summary>
public class NodeListPagingUnderEditsTests(EditableApiFactory factory) : IClassFixture<EditableApiFactory>
{
    private async Task<JsonNode> DataAsync(string query, object? variables = null, HttpClient? client = null) =>
        await GraphQLClient.DataAsync(client ?? await factory.ReadyClientAsync(), query, variables);

    private static string[] Ids(JsonNode connection) => GraphQLClient.ConnectionIds(connection);

    [Fact]
    public async Task A_node_created_between_two_pages_neither_repeats_nor_skips_one()
    {
        var client = await factory.ReadyClientAsync();
        var editor = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var first = await DataAsync("""{ nodes(kinds: [TECHNOLOGY, COMPONENT], first: 2) { pageInfo { endCursor } edges { node { id } } } }""", client: client);
        Ids(first["nodes"]!).ShouldBe(["component:ct-tube", "component:rotating-anode-target"]);

        // Sorts before the cursor: a list by position would now hand out component:rotating-anode-target again.
        await DataAsync("""
            mutation { upsertNode(input: { id: "component:anode-bearing", kind: COMPONENT, componentType: PART, nameZh: "阳极轴承", nameEn: "anode bearing",
              sources: [{ document: "document:test-plan", section: "二", quote: "CT球管用真空高温轴承" }] }) { revision } }
            """, client: editor);
        var second = await DataAsync("query($after: String) { nodes(kinds: [TECHNOLOGY, COMPONENT], first: 5, after: $after) { edges { node { id } } } }",
            new { after = first["nodes"]!["pageInfo"]!["endCursor"]!.ToString() }, client);

        Ids(second["nodes"]!).ShouldBe(["component:vacuum-bearing", "technology:image-reconstruction"]);
    }
}
