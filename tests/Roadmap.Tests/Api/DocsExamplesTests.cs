using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Roadmap.Tests.Api;

/// <summary>
/// The example queries of README.md and of every docs/*.md file (a ```graphql block followed by a ```json block) are
/// run against the seed graph and must answer what the file shows. Each file gets a server of its own, freshly imported
/// from the committed seeds, and its examples run in the order they appear: an example may depend on the ones before
/// it in its file (the editing examples change the graph and show versions and audit sequences), never on another file.
/// Run with UPDATE_README=1 to rewrite the outputs, in the file each example came from, after an intended change to the
/// data or the API.
/// </summary>
public partial class DocsExamplesTests
{
    /// <summary>Fewer examples than this in all the files together means a file's examples went missing.</summary>
    private const int MinimumExamples = 14;

    /// <summary>The README keeps a few examples of its own.</summary>
    private const int MinimumReadmeExamples = 3;

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex("```graphql\\n(?<query>.*?)```\\s*```json\\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();

    /// <summary>The files with examples, relative to the repository root: README.md first, then docs/*.md by name.</summary>
    private static List<string> Files() =>
    [
        "README.md",
        .. Directory.EnumerateFiles(Path.Combine(Repo.Root, "docs"), "*.md")
            .Select(f => "docs/" + Path.GetFileName(f))
            .Order(StringComparer.Ordinal),
    ];

    private static string Read(string file) => File.ReadAllText(Path.Combine(Repo.Root, file));

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
    public void The_readme_and_the_docs_hold_their_examples()
    {
        var counts = Files().ToDictionary(f => f, f => Example().Count(Read(f)));
        var summary = string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}"));

        counts["README.md"].ShouldBeGreaterThanOrEqualTo(MinimumReadmeExamples, summary);
        counts.Values.Sum().ShouldBeGreaterThanOrEqualTo(MinimumExamples, summary);
    }

    [Fact]
    public async Task Every_example_answers_what_its_file_shows()
    {
        var failures = new List<string>();
        foreach (var file in Files())
        {
            var text = Read(file);
            var examples = Example().Matches(text);
            if (examples.Count == 0) continue;

            await using var factory = new DocsApiFactory();
            var client = await factory.ReadyClientAsync();
            // Mutations and the audit log are sent with the key an editor would send; adding a plan with an admin's.
            var editor = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
            var admin = (await factory.ReadyClientAsync()).With(TestKeys.Admin.Key);

            var updated = text;
            var stale = false;
            foreach (Match example in examples)
            {
                var query = example.Groups["query"].Value;
                var needsKey = query.TrimStart().StartsWith("mutation", StringComparison.Ordinal) || query.Contains("auditLog", StringComparison.Ordinal);
                var sender = query.Contains("addDocument", StringComparison.Ordinal) ? admin : needsKey ? editor : client;
                var (status, body, _) = await GraphQLClient.PostAsync(sender, query, accept: "application/json");
                status.ShouldBe(200, $"{file}: {body}");
                var actual = JsonNode.Parse(body)!;
                var shown = JsonNode.Parse(example.Groups["json"].Value);
                // An example may show an error on purpose (a conflict); the others must answer without one.
                if (shown?["errors"] is null) actual["errors"].ShouldBeNull($"{file}: {body}");
                if (!JsonNode.DeepEquals(actual, shown))
                {
                    stale = true;
                    failures.Add($"{file}: {query.Trim()}\n  answers {body}");
                    updated = updated.Replace(example.Value, example.Value.Replace(example.Groups["json"].Value, Format(actual, 0) + "\n", StringComparison.Ordinal), StringComparison.Ordinal);
                }
            }
            if (stale && Environment.GetEnvironmentVariable("UPDATE_README") == "1") File.WriteAllText(Path.Combine(Repo.Root, file), updated);
        }

        failures.ShouldBeEmpty("Examples out of date (run the tests with UPDATE_README=1 to rewrite them):\n" + string.Join("\n", failures));
    }
}

/// <summary>The API on the committed seeds, with the test keys, for one file's examples.</summary>
public sealed class DocsApiFactory() : RoadmapApiFactory(Repo.Seeds, TestKeys.Settings());
