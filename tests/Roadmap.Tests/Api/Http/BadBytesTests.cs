using System.Net.Http.Headers;
using System.Text;

namespace Roadmap.Tests.Api.Http;

/// <summary>Bytes that are not UTF-8, or JSON escapes that are not Unicode, are the client's error: 400 INVALID_JSON, never 500.</summary>
public class BadBytesTests(TestGraphApiFactory factory) : IClassFixture<TestGraphApiFactory>
{
    private const string Query = "{ stats { nodeCount } }";

    public static TheoryData<string, byte[]> Bodies()
    {
        var data = new TheoryData<string, byte[]>();
        byte[] Body(string before, byte[] bad, string after) => [.. Encoding.UTF8.GetBytes(before), .. bad, .. Encoding.UTF8.GetBytes(after)];
        foreach (var (name, bad) in new[] { ("a lone 0xFF byte", new byte[] { 0xFF }), ("a truncated sequence", new byte[] { 0xE4, 0xB8 }), ("an overlong encoding", new byte[] { 0xC0, 0xAF }) })
        {
            data.Add($"{name} in the query", Body("{\"query\":\"{ stats { nodeCount } } #", bad, "\"}"));
            data.Add($"{name} in a variable", Body($"{{\"query\":\"{Query}\",\"variables\":{{\"a\":\"", bad, "\"}}"));
            data.Add($"{name} in operationName", Body($"{{\"query\":\"{Query}\",\"operationName\":\"", bad, "\"}"));
            data.Add($"{name} in extensions", Body($"{{\"query\":\"{Query}\",\"extensions\":{{\"a\":\"", bad, "\"}}"));
        }
        foreach (var escape in new[] { "\\ud800", "\\udc00", "\\ud800x" })
        {
            data.Add($"{escape} in the query", Encoding.UTF8.GetBytes($"{{\"query\":\"{{ stats {{ nodeCount }} }} #{escape}\"}}"));
            data.Add($"{escape} in a variable", Encoding.UTF8.GetBytes($"{{\"query\":\"{Query}\",\"variables\":{{\"a\":\"{escape}\"}}}}"));
            data.Add($"{escape} in operationName", Encoding.UTF8.GetBytes($"{{\"query\":\"{Query}\",\"operationName\":\"{escape}\"}}"));
            data.Add($"{escape} in extensions", Encoding.UTF8.GetBytes($"{{\"query\":\"{Query}\",\"extensions\":{{\"a\":\"{escape}\"}}}}"));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_body_that_is_not_unicode_is_invalid_json(string what, byte[] body)
    {
        var client = await factory.ReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).ShouldBe(400, what);
        text.ShouldContain("\"code\":\"INVALID_JSON\"", Case.Sensitive, what);
    }

    [Theory]
    [InlineData("variables")]
    [InlineData("extensions")]
    public async Task A_lone_surrogate_in_a_get_parameter_is_invalid_json(string parameter)
    {
        var client = await factory.ReadyClientAsync();

        using var response = await client.GetAsync(new Uri($"/graphql?query={Uri.EscapeDataString(Query)}&{parameter}={Uri.EscapeDataString("{\"a\":\"\\ud800\"}")}", UriKind.Relative));

        ((int)response.StatusCode).ShouldBe(400);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"INVALID_JSON\"");
    }
}
