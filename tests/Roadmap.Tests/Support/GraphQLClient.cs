using System.Net.Http.Headers;
using System.Text;

namespace Roadmap.Tests.Support;

/// <summary>GraphQL over HTTP as the tests send it: a POST of a query (and variables) with an Accept header.</summary>
internal static class GraphQLClient
{
    public static async Task<(int Status, string Body, string? ContentType)> PostAsync(HttpClient client, string query, string? variablesJson = null, string accept = "application/graphql-response+json")
    {
        var body = variablesJson is null
            ? System.Text.Json.JsonSerializer.Serialize(new { query })
            : $"{{\"query\":{System.Text.Json.JsonSerializer.Serialize(query)},\"variables\":{variablesJson}}}";
        return await SendAsync(client, body, "application/json", accept);
    }

    public static async Task<(int Status, string Body, string? ContentType)> SendAsync(HttpClient client, string body, string contentType, string accept = "application/graphql-response+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A GraphQL response in JSON: data or at least one error, and every error with an extensions.code from the catalogue.</summary>
    public static bool IsCodedGraphQLResponse(string text)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(text);
            var hasErrors = json.RootElement.TryGetProperty("errors", out var errors);
            if (hasErrors && !errors.EnumerateArray().All(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var code)
                    && Roadmap.Core.Errors.ErrorCodes.Find(code.GetString() ?? "") is not null))
            {
                return false;
            }
            return json.RootElement.TryGetProperty("data", out _) || (hasErrors && errors.GetArrayLength() > 0);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>The data of an answer that must be a 200 without errors.</summary>
    public static async Task<System.Text.Json.Nodes.JsonNode> DataAsync(HttpClient client, string query, object? variables = null)
    {
        var (status, body, _) = await PostAsync(client, query, variables is null ? null : System.Text.Json.JsonSerializer.Serialize(variables));
        status.ShouldBe(200, body);
        var json = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        json["errors"].ShouldBeNull(body);
        return json["data"]!;
    }

    /// <summary>The ids of a node connection's page, in order.</summary>
    public static string[] ConnectionIds(System.Text.Json.Nodes.JsonNode connection) =>
        connection["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.ToString()).ToArray();
}
