using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Roadmap.Tests.Api;

/// <summary>
/// The API host in memory, on a seeds directory of the test's choosing and a database file of its own, with any
/// further configuration settings a test needs.
/// </summary>
public class RoadmapApiFactory(string seedsPath, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
{
    public static string TestSeeds => Path.Combine(AppContext.BaseDirectory, "Api", "TestSeeds");

    public string DatabasePath { get; } = Path.Combine(Directory.CreateTempSubdirectory("roadmap-api-").FullName, "roadmap.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Seeds:Path", seedsPath);
        builder.UseSetting("Store:Embedded:DatabasePath", DatabasePath);
        builder.UseSetting("GraphQL:MaxRequestBytes", "8192");
        // The fuzz test alone sends hundreds of requests from one address; the limit has its own test.
        builder.UseSetting("GraphQL:RequestsPerMinute", "0");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>A client, once /health/ready says the graph is loaded.</summary>
    public async Task<HttpClient> ReadyClientAsync()
    {
        var client = CreateClient();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode) return client;
            await Task.Delay(25);
        }
        throw new TimeoutException("The graph did not load.");
    }
}

/// <summary>The API on the small test graph whose answers are known.</summary>
public sealed class TestGraphApiFactory() : RoadmapApiFactory(TestSeeds);

/// <summary>The API on the committed seed dataset.</summary>
public sealed class SeedGraphApiFactory() : RoadmapApiFactory(Repo.Seeds);

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
}
