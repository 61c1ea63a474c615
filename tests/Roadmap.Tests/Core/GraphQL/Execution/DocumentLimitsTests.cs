using System.Diagnostics;

namespace Roadmap.Tests.Core.GraphQL.Execution;

/// <summary>The default limits, with the default 64 KiB body so that the bombs fit.</summary>
public sealed class BombApiFactory() : RoadmapApiFactory(TestSeeds.Path, ("GraphQL:MaxRequestBytes", "65536"));

/// <summary>Small limits, to test each at its boundary.</summary>
public sealed class TightLimitsApiFactory() : RoadmapApiFactory(TestSeeds.Path,
    ("GraphQL:MaxAliases", "3"), ("GraphQL:MaxFragmentSpreads", "2"), ("GraphQL:MaxArgumentSetsPerResponseName", "2"), ("GraphQL:MaxFields", "6"),
    ("GraphQL:MaxErrors", "2"), ("GraphQL:MaxResponseBytes", "2000"));

/// <summary>
/// The anonymous documents that used to cost minutes of CPU, gigabytes of memory or responses of tens of
/// megabytes (issue 19) are refused before validation, quickly and with a code.
/// </summary>
public class DocumentBombTests(BombApiFactory factory) : IClassFixture<BombApiFactory>
{
    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string, string, string> Bombs() => new()
    {
        { "2,500 fields under one alias with different arguments", "{" + string.Join(" ", Enumerable.Range(0, 2_500).Select(i => $"n:node(id:\"x{i}\"){{id}}")) + "}", "DOCUMENT_TOO_LARGE" },
        { "1,300 fragments, each spread once", "{" + string.Join(" ", Enumerable.Range(0, 1_300).Select(i => $"...F{i}")) + "}"
            + string.Join(" ", Enumerable.Range(0, 1_300).Select(i => $"fragment F{i} on Query{{stats{{nodeCount}}}}")), "DOCUMENT_TOO_LARGE" },
        { "2,900 aliases of __schema", "{" + string.Join(" ", Enumerable.Range(0, 2_900).Select(i => $"a{i}:__schema{{...F}}")) + "} fragment F on __Schema { types { name fields { name } } }", "DOCUMENT_TOO_LARGE" },
        { "500 exports", "{" + string.Join(" ", Enumerable.Range(0, 500).Select(i => $"e{i}:dependents(id:\"component:ct-tube\"){{export(format:GRAPHML)}}")) + "}", "DOCUMENT_TOO_LARGE" },
        { "nesting 150 deep, past the parser's limit", "{ node(id: \"product:ct\") { " + string.Concat(Enumerable.Repeat("needs { to { ", 150)) + "id" + string.Concat(Enumerable.Repeat(" } }", 150)) + " } }", "DOCUMENT_TOO_LARGE" },
        { "50 aliases of __schema, within the alias limit", "{" + string.Join(" ", Enumerable.Range(0, 50).Select(i => $"a{i}:__schema{{types{{name}}}}")) + "}", "COMPLEXITY" },
        { "25 exports, within the alias limit", "{" + string.Join(" ", Enumerable.Range(0, 25).Select(i => $"e{i}:dependents(id:\"component:ct-tube\"){{export(format:GRAPHML)}}")) + "}", "COMPLEXITY" },
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task A_bomb_is_refused_fast_with_a_code(string shape, string query, string code)
    {
        var client = await factory.ReadyClientAsync();
        var request = System.Text.Json.JsonSerializer.Serialize(new { query }, Unescaped);
        System.Text.Encoding.UTF8.GetByteCount(request).ShouldBeLessThan(65_536, shape);

        var clock = Stopwatch.StartNew();
        var (status, body, _) = await GraphQLClient.SendAsync(client, request, "application/json");
        clock.Stop();

        status.ShouldBe(400, shape);
        body.ShouldContain($"\"code\":\"{code}\"", Case.Sensitive, shape);
        body.Length.ShouldBeLessThan(2_000, shape);
        // Milliseconds alone; the bound leaves room for a loaded machine running the other tests in parallel.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), shape);
    }

    [Fact]
    public async Task GraphiQLs_introspection_and_a_few_exports_still_run()
    {
        var client = await factory.ReadyClientAsync();
        var introspection = "query IntrospectionQuery { __schema { queryType { name } mutationType { name } types { ...FullType } directives { name args { ...InputValue } } } }"
            + " fragment FullType on __Type { kind name fields(includeDeprecated: true) { name args { ...InputValue } type { ...TypeRef } } inputFields { ...InputValue } interfaces { ...TypeRef } enumValues(includeDeprecated: true) { name } possibleTypes { ...TypeRef } }"
            + " fragment InputValue on __InputValue { name type { ...TypeRef } defaultValue }"
            + " fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }";

        (await GraphQLClient.PostAsync(client, introspection)).Body.ShouldContain("\"queryType\":{\"name\":\"Query\"}");
        var exports = "{" + string.Join(" ", Enumerable.Range(0, 15).Select(i => $"e{i}:dependents(id:\"component:ct-tube\"){{export(format:CSV)}}")) + "}";
        var (status, body, _) = await GraphQLClient.PostAsync(client, exports);
        status.ShouldBe(200, body);
        body.ShouldNotContain("errors");
    }
}

/// <summary>Each limit lets its value through and refuses one more.</summary>
public class DocumentLimitsTests(TightLimitsApiFactory factory) : IClassFixture<TightLimitsApiFactory>
{
    [Theory]
    [InlineData("{ a: stats { nodeCount } b: stats { nodeCount } c: stats { nodeCount } }", "{ a: stats { nodeCount } b: stats { nodeCount } c: stats { nodeCount } d: stats { nodeCount } }", "GraphQL:MaxAliases", null)]
    [InlineData("{ ...F ...F } fragment F on Query { stats { nodeCount } }", "{ ...F ...F ...F } fragment F on Query { stats { nodeCount } }", "GraphQL:MaxFragmentSpreads", null)]
    // Two argument lists under one name pass to validation, which finds them conflicting; three never reach it.
    [InlineData("{ node(id: \"a\") { id } ... on Query { node(id: \"b\") { id } } }", "{ node(id: \"a\") { id } ... on Query { node(id: \"b\") { id } } ... on Query { node(id: \"c\") { id } } }", "GraphQL:MaxArgumentSetsPerResponseName", "OVERLAPPING_FIELDS_CAN_BE_MERGED")]
    [InlineData("{ ...F ...F } fragment F on Query { stats { nodeCount edgeCount } }", "{ ...F ...F stats { nodeCount } } fragment F on Query { stats { nodeCount edgeCount } }", "GraphQL:MaxFields", null)]
    public async Task A_limit_admits_its_value_and_refuses_one_more(string atLimit, string overLimit, string setting, string? validationCode)
    {
        var client = await factory.ReadyClientAsync();

        var (status, body, _) = await GraphQLClient.PostAsync(client, atLimit);
        body.ShouldNotContain("DOCUMENT_TOO_LARGE");
        if (validationCode is null) status.ShouldBe(200, body);
        else body.ShouldContain($"\"code\":\"{validationCode}\"");

        (status, body, _) = await GraphQLClient.PostAsync(client, overLimit);
        status.ShouldBe(400);
        body.ShouldContain("\"code\":\"DOCUMENT_TOO_LARGE\"");
        body.ShouldContain(setting);
        body.ShouldNotContain("\"data\"");
    }

    [Fact]
    public async Task Errors_past_MaxErrors_are_counted_in_one_last_error()
    {
        var client = await factory.ReadyClientAsync();

        var (_, two, _) = await GraphQLClient.PostAsync(client, "{ nope1 nope2 }");
        var (status, five, _) = await GraphQLClient.PostAsync(client, "{ nope1 nope2 nope3 nope4 nope5 }");

        two.ShouldNotContain("TOO_MANY_ERRORS");
        status.ShouldBe(400);
        using var json = System.Text.Json.JsonDocument.Parse(five);
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().ToList();
        errors.Count.ShouldBe(3);
        errors[2].GetProperty("extensions").GetProperty("code").GetString().ShouldBe("TOO_MANY_ERRORS");
        errors[2].GetProperty("message").GetString()!.ShouldStartWith("3 more errors");
    }

    [Fact]
    public async Task A_response_over_MaxResponseBytes_is_replaced_by_a_coded_error()
    {
        var client = await factory.ReadyClientAsync();

        var (_, small, _) = await GraphQLClient.PostAsync(client, "{ stats { nodeCount } }");
        var (status, large, _) = await GraphQLClient.PostAsync(client, "{ dependents(id: \"component:ct-tube\") { export(format: GRAPHML) } }");

        small.ShouldBe("""{"data":{"stats":{"nodeCount":8}}}""");
        status.ShouldBe(200);
        large.ShouldContain("\"code\":\"RESPONSE_TOO_LARGE\"");
        large.ShouldNotContain("graphml");
        large.Length.ShouldBeLessThanOrEqualTo(2_000);
    }
}
