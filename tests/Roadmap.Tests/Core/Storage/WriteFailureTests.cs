using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Roadmap.Tests.Core.GraphQL.Execution;

namespace Roadmap.Tests.Core.Storage;

/// <summary>
/// An editable API whose database file may not grow (Store:Embedded:MaxDatabaseBytes below its size): SQLite's
/// max_page_count makes a growing commit fail with SQLITE_FULL, as a full disk does, without filling a disk of
/// the test machine or needing a file system of its own. The log is captured.
/// </summary>
public sealed class FullFileApiFactory : RoadmapApiFactory
{
    public FullFileApiFactory() : base(TestSeeds.Path, [.. TestKeys.Settings(), ("Store:Embedded:MaxDatabaseBytes", "4096")]) { }

    public FaultyStoreApiFactory.CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Log));
    }
}

/// <summary>A commit that fails is STORE_WRITE_FAILED with a request id, logged with that id and the cause; readiness turns degraded and reads go on.</summary>
public partial class WriteFailureTests(FullFileApiFactory factory) : IClassFixture<FullFileApiFactory>
{
    [Fact]
    public async Task A_full_file_fails_edits_visibly_while_reads_go_on()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var note = new string('n', 3_000);
        string? failed = null;
        for (var i = 0; i < 100 && failed is null; i++)
        {
            var (_, body, _) = await GraphQLClient.PostAsync(client, $$"""
                mutation { upsertNode(input: { id: "technology:filler-{{i}}", kind: TECHNOLOGY, nameZh: "填充{{i}}", nameEn: "filler {{i}}", note: "{{note}}",
                  sources: [{ document: "document:test-plan", section: "二", quote: "图像重建技术" }] }) { node { id } } }
                """, accept: "application/json");
            if (body.Contains("\"errors\"", StringComparison.Ordinal)) failed = body;
        }

        failed.ShouldNotBeNull("no edit failed although the file may not grow");
        failed.ShouldContain("\"code\":\"STORE_WRITE_FAILED\"");
        var requestId = RequestIdPattern().Match(failed).Groups[1].Value;
        requestId.ShouldNotBeEmpty(failed);
        factory.Log.Entries.ShouldContain(e => e.Level == LogLevel.Error && e.Message.Contains(requestId, StringComparison.Ordinal)
            && e.Message.Contains("full", StringComparison.OrdinalIgnoreCase));

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        ((int)ready.StatusCode).ShouldBe(200);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Degraded");
        (await GraphQLClient.PostAsync(client, "{ node(id: \"component:ct-tube\") { id } }")).Body.ShouldBe("""{"data":{"node":{"id":"component:ct-tube"}}}""");
    }

    [GeneratedRegex(@"request ([0-9A-Za-z:_-]+)\)")]
    private static partial Regex RequestIdPattern();
}
