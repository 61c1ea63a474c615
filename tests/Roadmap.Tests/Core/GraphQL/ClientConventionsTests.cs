using System.Text.Json.Nodes;

namespace Roadmap.Tests.Core.GraphQL;

/// <summary>What generated clients and normalised caches rely on, checked against the running server.</summary>
public class ClientConventionsTests(TestGraphApiFactory factory) : IClassFixture<TestGraphApiFactory>
{
    [Theory]
    [InlineData("""{ dependencies(id: "product:ct", maxDepth: null) { truncated } }""")]
    [InlineData("""{ bottlenecks(first: null) { dependentProducts } }""")]
    [InlineData("""{ impact(ids: [], assumeGaps: null) { blockedCount } }""")]
    [InlineData("""{ paths(from: "program:demo", to: "component:ct-tube", limit: null) { paths { length } } }""")]
    public async Task An_explicit_null_for_an_argument_with_a_default_is_a_validation_error(string query)
    {
        var (status, body, _) = await GraphQLClient.PostAsync(await factory.ReadyClientAsync(), query);

        status.ShouldBe(400, body);
        body.ShouldContain("\"code\":\"ARGUMENTS_OF_CORRECT_TYPE\"");
    }

    [Fact]
    public async Task Introspection_answers_what_code_generators_ask_for()
    {
        var (status, body, _) = await GraphQLClient.PostAsync(await factory.ReadyClientAsync(), """
            {
              __schema { directives { name isRepeatable args(includeDeprecated: true) { name } } queryType { fields { name args(includeDeprecated: true) { name isDeprecated } } } }
              __type(name: "UpsertNodeInput") { inputFields(includeDeprecated: true) { name isDeprecated deprecationReason } }
              directive: __type(name: "__Directive") { fields { name } }
            }
            """);

        status.ShouldBe(200, body);
        JsonNode.Parse(body)!["errors"].ShouldBeNull(body);
        body.ShouldContain("\"isRepeatable\":false");
        // Strawberry Shake asks for isRepeatable only when introspecting __Directive shows it.
        JsonNode.Parse(body)!["data"]!["directive"]!["fields"]!.AsArray().Select(f => (string)f!["name"]!).ShouldContain("isRepeatable");
    }

    [Fact]
    public async Task Scalars_with_a_specification_name_it_and_every_error_code_is_an_enum_value_with_its_meaning()
    {
        var (status, body, _) = await GraphQLClient.PostAsync(await factory.ReadyClientAsync(), """
            {
              dateTime: __type(name: "DateTime") { specifiedByURL }
              id: __type(name: "ID") { specifiedByURL }
              object: __type(name: "Query") { specifiedByURL }
              codes: __type(name: "ErrorCode") { kind enumValues { name description } }
              __schema { directives { name locations args { name } } }
            }
            """);

        status.ShouldBe(200, body);
        var data = JsonNode.Parse(body)!["data"]!;
        data["dateTime"]!["specifiedByURL"]!.GetValue<string>().ShouldBe("https://scalars.graphql.org/andimarek/date-time");
        data["id"]!["specifiedByURL"].ShouldBeNull();
        data["object"]!["specifiedByURL"].ShouldBeNull();
        var specifiedBy = data["__schema"]!["directives"]!.AsArray().Single(d => (string)d!["name"]! == "specifiedBy")!;
        specifiedBy["locations"]!.AsArray().Select(l => (string)l!).ShouldBe(["SCALAR"]);
        data["codes"]!["kind"]!.GetValue<string>().ShouldBe("ENUM");
        var values = data["codes"]!["enumValues"]!.AsArray();
        values.Select(v => (string)v!["name"]!).ShouldBe(Roadmap.Core.Errors.ErrorCodes.All.Select(c => c.Code));
        foreach (var (value, code) in values.Zip(Roadmap.Core.Errors.ErrorCodes.All)) ((string)value!["description"]!).ShouldStartWith(code.Meaning);
    }

    [Fact]
    public async Task Fields_of_one_name_on_different_node_types_merge_in_one_selection()
    {
        var (status, body, _) = await GraphQLClient.PostAsync(await factory.ReadyClientAsync(),
            "{ nodes(first: 20) { edges { node { id ... on Technology { field } ... on Product { field } } } } }");

        status.ShouldBe(200, body);
        JsonNode.Parse(body)!["errors"].ShouldBeNull(body);
        body.ShouldContain("\"field\":\"IMAGING\"");
    }

    [Fact]
    public async Task An_edge_has_a_stable_id_that_finds_it_again()
    {
        var client = await factory.ReadyClientAsync();
        var (_, body, _) = await GraphQLClient.PostAsync(client, """{ node(id: "product:ct") { needs { id type to { id } } } }""");
        var first = JsonNode.Parse(body)!["data"]!["node"]!["needs"]![0]!;
        var id = first["id"]!.ToString();
        id.ShouldBe($"product:ct -{first["type"]}-> {first["to"]!["id"]}");

        var (status, again, _) = await GraphQLClient.PostAsync(client,
            "query($id: ID!) { edge(id: $id) { id from { id } to { id } } unknown: edge(id: \"product:ct -REQUIRES-> component:nope\") { id } garbled: edge(id: \"not an edge\") { id } }",
            System.Text.Json.JsonSerializer.Serialize(new { id }));

        status.ShouldBe(200, again);
        var data = JsonNode.Parse(again)!["data"]!;
        data["edge"]!["id"]!.ToString().ShouldBe(id);
        data["edge"]!["from"]!["id"]!.ToString().ShouldBe("product:ct");
        data["unknown"].ShouldBeNull();
        data["garbled"].ShouldBeNull();
    }

    [Fact]
    public async Task Paths_from_or_to_an_unknown_node_are_not_found_while_no_paths_between_known_nodes_is_an_empty_list()
    {
        var client = await factory.ReadyClientAsync();

        var (_, unknown, _) = await GraphQLClient.PostAsync(client, """{ paths(from: "program:nope", to: "component:ct-tube") { paths { length } } }""", accept: "application/json");
        var (_, none, _) = await GraphQLClient.PostAsync(client, """{ paths(from: "component:ct-tube", to: "program:demo") { complete paths { length } } }""", accept: "application/json");

        unknown.ShouldContain("\"code\":\"NOT_FOUND\"");
        unknown.ShouldContain("program:nope");
        none.ShouldBe("""{"data":{"paths":{"complete":true,"paths":[]}}}""");
    }
}
