using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Roadmap.Tests.Support;

/// <summary>
/// The API host in memory, on a seeds directory of the test's choosing and a database file of its own, with any
/// further configuration settings a test needs.
/// </summary>
public class RoadmapApiFactory(string seedsPath, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
{
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
public sealed class TestGraphApiFactory() : RoadmapApiFactory(TestSeeds.Path);

/// <summary>The API on the small test graph, with keys, in a database of its own per test class.</summary>
public sealed class EditableApiFactory() : RoadmapApiFactory(TestSeeds.Path, TestKeys.Settings());

/// <summary>The API on the committed seed dataset.</summary>
public sealed class SeedGraphApiFactory() : RoadmapApiFactory(Repo.Seeds);
