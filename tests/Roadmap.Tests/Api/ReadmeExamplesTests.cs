using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Roadmap.Tests.Api;

/// <summary>
/// The README's example queries are run against the seed graph and must answer what the README shows.
/// Run with UPDATE_README=1 to rewrite the outputs after an intended change to the data or the API.
/// </summary>
public partial class ReadmeExamplesTests(SeedGraphApiFactory factory) : IClassFixture<SeedGraphApiFactory>
{
    private static string ReadmePath => Path.Combine(Repo.Root, "README.md");

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex("```graphql\\n(?<query>.*?)```\\s*```json\\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();

    [Fact]
    public async Task Every_readme_example_answers_what_the_readme_shows()
    {
        var readme = File.ReadAllText(ReadmePath);
        var examples = Example().Matches(readme);
        examples.Count.ShouldBeGreaterThanOrEqualTo(5);
        var client = await factory.ReadyClientAsync();

        var failures = new List<string>();
        var updated = readme;
        foreach (Match example in examples)
        {
            var (status, body, _) = await GraphQLClient.PostAsync(client, example.Groups["query"].Value);
            status.ShouldBe(200, body);
            var actual = JsonNode.Parse(body)!;
            actual["errors"].ShouldBeNull(body);
            var shown = JsonNode.Parse(example.Groups["json"].Value);
            if (!JsonNode.DeepEquals(actual, shown))
            {
                failures.Add($"{example.Groups["query"].Value.Trim()}\n  answers {body}");
                updated = updated.Replace(example.Value, example.Value.Replace(example.Groups["json"].Value, actual.ToJsonString(Pretty) + "\n", StringComparison.Ordinal), StringComparison.Ordinal);
            }
        }
        if (failures.Count > 0 && Environment.GetEnvironmentVariable("UPDATE_README") == "1") File.WriteAllText(ReadmePath, updated);

        failures.ShouldBeEmpty("README examples out of date (run the tests with UPDATE_README=1 to rewrite them):\n" + string.Join("\n", failures));
    }
}
