using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Roadmap.Tests.Api.Http;

public sealed class CrossOriginApiFactory() : RoadmapApiFactory(TestSeeds.Path, TestKeys.Settings(
    ("Cors:AllowedOrigins:0", "https://tool.example"), ("Cors:AllowedOrigins:1", "*")));

/// <summary>
/// A roadmap tool served from another origin, as a browser calls the API for it: the preflight, the answer's CORS
/// headers, and the one rule for keys: accepted from the service's own pages and the named origins, never through '*'.
/// </summary>
public class CrossOriginTests(CrossOriginApiFactory factory) : IClassFixture<CrossOriginApiFactory>
{
    private const string Named = "https://tool.example";
    private const string Other = "https://elsewhere.example";

    private static HttpRequestMessage Preflight(string path, string origin, string headers = "authorization, content-type")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }

    private static HttpRequestMessage Post(string origin, string? key = null, string query = "{ stats { nodeCount } }")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent($$"""{"query":"{{query}}"}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", origin);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    [Theory]
    [InlineData("/graphql")]
    [InlineData("/graphql/stream")]
    [InlineData("/graphql/ws")]
    public async Task A_named_origin_gets_its_preflight_answered_on_every_graphql_path(string path)
    {
        var client = await factory.ReadyClientAsync();

        var response = await client.SendAsync(Preflight(path, Named));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Header(response, "Access-Control-Allow-Origin").ShouldBe(Named);
        Header(response, "Access-Control-Allow-Methods").ShouldBe("GET, POST, OPTIONS");
        Header(response, "Access-Control-Allow-Headers").ShouldBe("authorization, content-type, accept");
        Header(response, "Vary").ShouldContain("Origin");
    }

    [Fact]
    public async Task A_named_origin_uses_a_key_and_reads_the_rate_limit_and_request_id_headers()
    {
        var client = await factory.ReadyClientAsync();

        var response = await client.SendAsync(Post(Named, TestKeys.Editor.Key));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(response, "Access-Control-Allow-Origin").ShouldBe(Named);
        Header(response, "Access-Control-Expose-Headers").ShouldBe("Retry-After, X-Request-Id");
        Header(response, "X-Request-Id").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Through_the_wildcard_a_page_reads_anonymously_and_its_key_is_refused_unread()
    {
        var client = await factory.ReadyClientAsync();

        var anonymous = await client.SendAsync(Post(Other));
        var keyed = await client.SendAsync(Post(Other, TestKeys.Editor.Key, """mutation { deleteEdge(input: { from: \"product:ct\", type: REQUIRES, to: \"component:ct-tube\" }) { revision } }"""));
        var preflight = await client.SendAsync(Preflight("/graphql", Other));

        anonymous.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(anonymous, "Access-Control-Allow-Origin").ShouldBe("*");
        keyed.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await keyed.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"ORIGIN_NOT_ALLOWED\"");
        Header(preflight, "Access-Control-Allow-Headers").ShouldNotContain("authorization");
        var edge = await GraphQLClient.PostAsync(client, """{ edge(id: "product:ct -REQUIRES-> component:ct-tube") { id } }""");
        edge.Body.ShouldContain("component:ct-tube", customMessage: "the refused mutation deleted nothing");
    }

    [Fact]
    public async Task The_services_own_pages_and_clients_without_an_origin_are_not_cross_origin()
    {
        var client = await factory.ReadyClientAsync();
        var own = $"{client.BaseAddress!.Scheme}://{client.BaseAddress.Authority}";

        var fromOwnPage = await client.SendAsync(Post(own, TestKeys.Editor.Key));
        var noOrigin = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ stats { nodeCount } }"}""", Encoding.UTF8, "application/json") };
        noOrigin.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Editor.Key);
        var fromCurl = await client.SendAsync(noOrigin);

        fromOwnPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(fromOwnPage, "Access-Control-Allow-Origin").ShouldBeEmpty();
        fromCurl.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>With no origins configured (the default), no page on another origin gets an answer it may read or a key accepted.</summary>
public class CrossOriginDefaultTests(EditableApiFactory factory) : IClassFixture<EditableApiFactory>
{
    [Fact]
    public async Task No_origin_is_allowed_by_default()
    {
        var client = await factory.ReadyClientAsync();
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", "https://tool.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var read = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ stats { nodeCount } }"}""", Encoding.UTF8, "application/json") };
        read.Headers.Add("Origin", "https://tool.example");
        var socket = new HttpRequestMessage(HttpMethod.Get, "/graphql/ws");
        socket.Headers.Add("Origin", "https://tool.example");
        socket.Headers.Add("Upgrade", "websocket");

        var preflightAnswer = await client.SendAsync(preflight);
        var readAnswer = await client.SendAsync(read);
        var socketAnswer = await client.SendAsync(socket);

        preflightAnswer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        preflightAnswer.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        readAnswer.StatusCode.ShouldBe(HttpStatusCode.OK, "the server answers; the browser keeps the page from reading it");
        readAnswer.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        socketAnswer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
