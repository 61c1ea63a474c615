namespace Roadmap.Tests.Core.GraphQL;

/// <summary>Every limit of a GraphQL request (arguments, depth, complexity) answers with a clear, coded error.</summary>
public class LimitsAndErrorsTests(TestGraphApiFactory factory) : IClassFixture<TestGraphApiFactory>
{
    [Theory]
    [InlineData("""{ dependencies(id: "product:ct", maxDepth: 11) { truncated } }""", "'maxDepth' must be between 1 and 10; got 11.")]
    [InlineData("""{ dependents(id: "product:ct", maxDepth: 0) { truncated } }""", "'maxDepth' must be between 1 and 10; got 0.")]
    [InlineData("""{ paths(from: "program:demo", to: "product:ct", maxLength: 11) { paths { length } } }""", "'maxLength' must be between 1 and 10; got 11.")]
    [InlineData("""{ paths(from: "program:demo", to: "product:ct", limit: 101) { paths { length } } }""", "'limit' must be between 1 and 100; got 101.")]
    [InlineData("""{ nodes(first: 101) { totalCount } }""", "'first' must be between 0 and 100; got 101.")]
    [InlineData("""{ search(text: "ct", first: 101) { nodes { id } } }""", "'first' must be between 1 and 100; got 101.")]
    [InlineData("""{ impact(ids: ["product:ct"], maxDepth: 11) { gaps { id } } }""", "'maxDepth' must be between 1 and 10; got 11.")]
    public async Task Arguments_above_their_bound_give_argument_out_of_range(string query, string message)
    {
        var client = await factory.ReadyClientAsync();
        var (status, body, _) = await GraphQLClient.PostAsync(client, query);

        status.ShouldBe(200);
        body.ShouldContain($"\"message\":\"{message}\"", Case.Sensitive, body);
        body.ShouldContain("\"code\":\"ARGUMENT_OUT_OF_RANGE\"");
    }

    [Fact]
    public async Task A_bad_cursor_and_empty_search_text_are_coded()
    {
        var client = await factory.ReadyClientAsync();

        (await GraphQLClient.PostAsync(client, """{ nodes(after: "bogus") { totalCount } }""")).Body.ShouldContain("\"code\":\"INVALID_CURSOR\"");
        (await GraphQLClient.PostAsync(client, """{ search(text: " ") { nodes { id } } }""")).Body.ShouldContain("\"code\":\"INVALID_ARGUMENT\"");
    }

    [Fact]
    public async Task Too_deep_a_query_is_refused_before_it_runs()
    {
        var client = await factory.ReadyClientAsync();
        var deep = "{ node(id: \"product:ct\") { " + string.Concat(Enumerable.Repeat("needs { to { ", 8)) + "id" + string.Concat(Enumerable.Repeat(" } }", 8)) + " } }";

        var (status, body, _) = await GraphQLClient.PostAsync(client, deep);

        status.ShouldBe(400);
        body.ShouldContain("\"code\":\"COMPLEXITY\"");
        body.ShouldNotContain("\"data\"");
    }

    [Fact]
    public async Task Too_complex_a_query_is_refused_even_when_its_document_is_cached()
    {
        var client = await factory.ReadyClientAsync();
        // Within the depth limit, but lists nested in lists multiply: complexity far above the limit.
        const string wide = "{ nodes(first: 100) { edges { node { needs { to { needs { to { needs { to { needs { to { id } } } } } } } } } } } }";

        for (var i = 0; i < 2; i++)
        {
            var (status, body, _) = await GraphQLClient.PostAsync(client, wide);
            status.ShouldBe(400);
            body.ShouldContain("\"code\":\"COMPLEXITY\"");
        }
    }

    [Fact]
    public async Task A_repeated_query_is_served_from_the_document_cache()
    {
        var client = await factory.ReadyClientAsync();
        var cache = factory.Services.GetService(typeof(Roadmap.Core.GraphQL.Execution.DocumentCache)) as Roadmap.Core.GraphQL.Execution.DocumentCache;
        const string query = "{ node(id: \"component:ct-tube\") { id nameEn } }";

        await GraphQLClient.PostAsync(client, query);
        var hits = cache!.Hits;
        var (status, body, _) = await GraphQLClient.PostAsync(client, query);

        status.ShouldBe(200);
        body.ShouldBe("""{"data":{"node":{"id":"component:ct-tube","nameEn":"high-heat-capacity X-ray tube"}}}""");
        cache.Hits.ShouldBe(hits + 1);
    }
}

/// <summary>Text and cursor arguments are checked as their reader sees them (issue 19).</summary>
public class TextAndCursorArgumentTests(TestGraphApiFactory factory) : IClassFixture<TestGraphApiFactory>
{
    [Theory]
    [InlineData("ct\\u0000")]
    [InlineData("\\u0000")]
    [InlineData("c\\u0000t")]
    public async Task Search_text_with_a_nul_is_invalid_argument(string text)
    {
        var client = await factory.ReadyClientAsync();

        var (status, body, _) = await GraphQLClient.PostAsync(client, "query($t: String!) { search(text: $t) { nodes { id } } }", $"{{\"t\":\"{text}\"}}");

        status.ShouldBe(200);
        body.ShouldContain("\"code\":\"INVALID_ARGUMENT\"");
        body.ShouldNotContain("\"id\":");
    }

    [Fact]
    public async Task Search_text_length_counts_characters_not_utf16_units()
    {
        var client = await factory.ReadyClientAsync();
        var query = "query($t: String!) { search(text: $t) { nodes { id } } }";

        var (_, twoHundred, _) = await GraphQLClient.PostAsync(client, query, System.Text.Json.JsonSerializer.Serialize(new { t = string.Concat(Enumerable.Repeat("😀", 200)) }));
        var (_, twoHundredOne, _) = await GraphQLClient.PostAsync(client, query, System.Text.Json.JsonSerializer.Serialize(new { t = string.Concat(Enumerable.Repeat("😀", 201)) }));

        twoHundred.ShouldBe("""{"data":{"search":{"nodes":[]}}}""");
        twoHundredOne.ShouldContain("\"code\":\"INVALID_ARGUMENT\"");
    }

    [Theory]
    [InlineData("node:2147483647")]
    [InlineData("node:-1")]
    [InlineData("node:+1")]
    [InlineData("node: 1")]
    [InlineData("node:01")]
    [InlineData("node:99999999999")]
    public async Task A_cursor_out_of_range_or_not_as_issued_is_invalid_cursor(string decoded)
    {
        var client = await factory.ReadyClientAsync();
        var cursor = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(decoded));

        var (status, body, _) = await GraphQLClient.PostAsync(client, $"{{ nodes(after: \"{cursor}\") {{ totalCount edges {{ node {{ id }} }} }} }}");

        status.ShouldBe(200);
        body.ShouldContain("\"code\":\"INVALID_CURSOR\"", Case.Sensitive, body);
    }

    [Fact]
    public async Task An_issued_cursor_still_pages()
    {
        var client = await factory.ReadyClientAsync();
        var (_, page, _) = await GraphQLClient.PostAsync(client, "{ nodes(first: 1) { edges { cursor node { id } } } }");
        var cursor = System.Text.Json.Nodes.JsonNode.Parse(page)!["data"]!["nodes"]!["edges"]![0]!["cursor"]!.ToString();

        var (_, body, _) = await GraphQLClient.PostAsync(client, $"{{ nodes(after: \"{cursor}\", first: 1) {{ edges {{ node {{ id }} }} }} }}");

        body.ShouldBe("""{"data":{"nodes":{"edges":[{"node":{"id":"component:rotating-anode-target"}}]}}}""");
    }
}
