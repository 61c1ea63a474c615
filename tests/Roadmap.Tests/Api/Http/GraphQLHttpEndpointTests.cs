using System.Net;

namespace Roadmap.Tests.Api.Http;

/// <summary>Bad HTTP gets the GraphQL-over-HTTP status codes, each with a coded error; GET runs queries only.</summary>
public class GraphQLHttpEndpointTests(TestGraphApiFactory factory) : IClassFixture<TestGraphApiFactory>
{
    [Fact]
    public async Task Malformed_json_is_400_with_a_code()
    {
        var client = await factory.ReadyClientAsync();

        var (status, body, _) = await GraphQLClient.SendAsync(client, "{\"query\": ", "application/json");

        status.ShouldBe(400);
        body.ShouldContain("\"code\":\"INVALID_JSON\"");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"query\": 42}")]
    [InlineData("[]")]
    [InlineData("{\"query\": \"{ stats { nodeCount } }\", \"variables\": \"x\"}")]
    public async Task A_body_without_a_query_string_is_400(string json)
    {
        var client = await factory.ReadyClientAsync();

        var (status, body, _) = await GraphQLClient.SendAsync(client, json, "application/json");

        status.ShouldBe(400);
        body.ShouldContain("\"code\":\"BAD_REQUEST\"");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var client = await factory.ReadyClientAsync();
        var padding = new string(' ', 9000);

        var (status, body, _) = await GraphQLClient.SendAsync(client, "{\"query\": \"{ stats { nodeCount } }" + padding + "\"}", "application/json");

        status.ShouldBe(413);
        body.ShouldContain("\"code\":\"REQUEST_TOO_LARGE\"");
    }

    [Fact]
    public async Task Wrong_content_type_is_415_and_unacceptable_accept_is_406()
    {
        var client = await factory.ReadyClientAsync();

        (await GraphQLClient.SendAsync(client, "{ stats { nodeCount } }", "text/plain")).Status.ShouldBe(415);
        (await GraphQLClient.SendAsync(client, "{\"query\":\"{ stats { nodeCount } }\"}", "application/json", accept: "text/html")).Status.ShouldBe(406);
    }

    [Fact]
    public async Task Get_runs_queries_and_refuses_mutations_with_405()
    {
        var client = await factory.ReadyClientAsync();

        var ok = await client.GetAsync(new Uri("/graphql?query=" + Uri.EscapeDataString("{ stats { nodeCount } }"), UriKind.Relative));
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ok.Content.ReadAsStringAsync()).ShouldBe("""{"data":{"stats":{"nodeCount":8}}}""");

        var mutation = await client.GetAsync(new Uri("/graphql?query=" + Uri.EscapeDataString("mutation { x }"), UriKind.Relative));
        mutation.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        mutation.Content.Headers.Allow.ShouldBe(["POST"]);
    }

    [Fact]
    public async Task Json_clients_get_200_for_graphql_errors_and_new_clients_get_400()
    {
        var client = await factory.ReadyClientAsync();

        var legacy = await GraphQLClient.PostAsync(client, "{ nope }", accept: "application/json");
        legacy.Status.ShouldBe(200);
        legacy.ContentType.ShouldBe("application/json");

        var modern = await GraphQLClient.PostAsync(client, "{ nope }");
        modern.Status.ShouldBe(400);
        modern.ContentType.ShouldBe("application/graphql-response+json");
        modern.Body.ShouldContain("\"code\":\"FIELDS_ON_CORRECT_TYPE\"");
    }
}
