using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Roadmap.Tests.Api;

/// <summary>
/// The README's example queries are run against the seed graph and must answer what the README shows.
/// Run with UPDATE_README=1 to rewrite the outputs after an intended change to the data or the API.
/// </summary>
public partial class ReadmeExamplesTests(ReadmeApiFactory factory) : IClassFixture<ReadmeApiFactory>
{
    private static string ReadmePath => Path.Combine(Repo.Root, "README.md");

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex("```graphql\\n(?<query>.*?)```\\s*```json\\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();

    /// <summary>Indented JSON that keeps any object or array that fits in 100 characters on one line.</summary>
    private static string Format(JsonNode? node, int indent)
    {
        var compact = node?.ToJsonString(Pretty.WriteIndented ? new JsonSerializerOptions(Pretty) { WriteIndented = false } : Pretty) ?? "null";
        if (compact.Length + indent <= 100 || node is not (JsonObject or JsonArray)) return compact;
        var pad = new string(' ', indent + 2);
        var items = node is JsonObject obj
            ? obj.Select(p => $"{pad}{JsonSerializer.Serialize(p.Key)}: {Format(p.Value, indent + 2)}")
            : node.AsArray().Select(v => pad + Format(v, indent + 2));
        var (open, close) = node is JsonObject ? ("{", "}") : ("[", "]");
        return $"{open}\n{string.Join(",\n", items)}\n{new string(' ', indent)}{close}";
    }

    [Fact]
    public async Task Every_readme_example_answers_what_the_readme_shows()
    {
        var readme = File.ReadAllText(ReadmePath);
        var examples = Example().Matches(readme);
        examples.Count.ShouldBeGreaterThanOrEqualTo(5);
        var client = await factory.ReadyClientAsync();
        // The editing examples come last in the README and run in order, with the key an editor would send.
        var editor = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);

        var failures = new List<string>();
        var updated = readme;
        foreach (Match example in examples)
        {
            var query = example.Groups["query"].Value;
            var needsKey = query.TrimStart().StartsWith("mutation", StringComparison.Ordinal) || query.Contains("auditLog", StringComparison.Ordinal);
            var (status, body, _) = await GraphQLClient.PostAsync(needsKey ? editor : client, query, accept: "application/json");
            status.ShouldBe(200, body);
            var actual = JsonNode.Parse(body)!;
            var shown = JsonNode.Parse(example.Groups["json"].Value);
            // An example may show an error on purpose (a conflict); the others must answer without one.
            if (shown?["errors"] is null) actual["errors"].ShouldBeNull(body);
            if (!JsonNode.DeepEquals(actual, shown))
            {
                failures.Add($"{example.Groups["query"].Value.Trim()}\n  answers {body}");
                updated = updated.Replace(example.Value, example.Value.Replace(example.Groups["json"].Value, Format(actual, 0) + "\n", StringComparison.Ordinal), StringComparison.Ordinal);
            }
        }
        if (failures.Count > 0 && Environment.GetEnvironmentVariable("UPDATE_README") == "1") File.WriteAllText(ReadmePath, updated);

        failures.ShouldBeEmpty("README examples out of date (run the tests with UPDATE_README=1 to rewrite them):\n" + string.Join("\n", failures));
    }
}

/// <summary>The API on the committed seeds, with the test keys, for the README's examples.</summary>
public sealed class ReadmeApiFactory() : RoadmapApiFactory(Repo.Seeds, TestKeys.Settings());
