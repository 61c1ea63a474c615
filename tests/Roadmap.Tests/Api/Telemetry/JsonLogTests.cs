using System.Text.Json;
using System.Text.RegularExpressions;

namespace Roadmap.Tests.Api.Telemetry;

/// <summary>Logging:Format=json on the built API: a failed request's log line is JSON that carries its request id and trace id.</summary>
[ProcessTier]
public partial class JsonLogTests
{
    [Fact]
    public async Task A_failed_write_is_one_JSON_line_with_the_request_id_and_trace_id()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("roadmap-jsonlog-").FullName, "roadmap.db");
        // A file that may not grow, so that an edit fails with STORE_WRITE_FAILED and is logged as an error.
        using var api = await ApiProcess.StartAsync(database, TestKeys.Settings(("Logging:Format", "json"), ("Store:Embedded:MaxDatabaseBytes", "4096")));
        using var client = new HttpClient { BaseAddress = api.Address }.With(TestKeys.Editor.Key);

        string? failed = null;
        var note = new string('n', 3_000);
        for (var i = 0; i < 50 && failed is null; i++)
        {
            var (_, body, _) = await GraphQLClient.PostAsync(client, $$"""
                mutation { upsertNode(input: { id: "technology:filler-{{i}}", kind: TECHNOLOGY, nameZh: "填充{{i}}", nameEn: "filler {{i}}", note: "{{note}}",
                  sources: [{ document: "document:test-plan", section: "二", quote: "图像重建技术" }] }) { node { id } } }
                """);
            if (body.Contains("STORE_WRITE_FAILED", StringComparison.Ordinal)) failed = body;
        }
        failed.ShouldNotBeNull("no edit failed although the file may not grow");
        var requestId = RequestIdPattern().Match(failed).Groups[1].Value;
        requestId.ShouldNotBeEmpty(failed);

        JsonElement? line = null;
        for (var attempt = 0; attempt < 50 && line is null; attempt++)
        {
            line = api.Output.Where(l => l.StartsWith('{') && l.Contains(requestId, StringComparison.Ordinal)).Select(l => JsonDocument.Parse(l).RootElement)
                .Cast<JsonElement?>().FirstOrDefault(l => l!.Value.GetProperty("LogLevel").GetString() == "Error");
            if (line is null) await Task.Delay(100);
        }

        line.ShouldNotBeNull($"no JSON error line with request {requestId} in:\n{string.Join("\n", api.Output.TakeLast(20))}");
        var entry = line.Value;
        entry.GetProperty("Category").GetString().ShouldBe("Roadmap.Core.GraphQL.Execution.UnhandledErrors");
        entry.GetProperty("Timestamp").GetString()!.ShouldEndWith("Z");
        entry.GetProperty("State").GetProperty("RequestId").GetString().ShouldBe(requestId);
        var scopes = entry.GetProperty("Scopes").EnumerateArray().ToList();
        scopes.Select(s => Property(s, "RequestId")).ShouldContain(requestId);
        scopes.Select(s => Property(s, "TraceId")).ShouldContain(id => id != null && TraceIdPattern().IsMatch(id));
    }

    private static string? Property(JsonElement scope, string name) =>
        scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty(name, out var value) ? value.GetString() : null;

    [GeneratedRegex(@"request ([0-9A-Za-z:_-]+)\)")]
    private static partial Regex RequestIdPattern();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TraceIdPattern();
}
