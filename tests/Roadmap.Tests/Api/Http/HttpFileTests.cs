using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Roadmap.Tests.Api.Http;

public sealed class HttpFileApiFactory() : RoadmapApiFactory(Repo.Seeds, TestKeys.Settings());

/// <summary>The requests of src/Roadmap.Api/Roadmap.Api.http are examples too: each is sent, in order, and must answer without errors.</summary>
public class HttpFileTests(HttpFileApiFactory factory) : IClassFixture<HttpFileApiFactory>
{
    private static string HttpFile => Path.Combine(Repo.Root, "src", "Roadmap.Api", "Roadmap.Api.http");

    [Fact]
    public async Task Every_request_of_the_http_file_answers_without_errors()
    {
        var client = await factory.ReadyClientAsync();
        var requests = Parse(File.ReadAllText(HttpFile).ReplaceLineEndings("\n"));
        requests.Count.ShouldBeGreaterThanOrEqualTo(5);

        foreach (var (name, message) in requests)
        {
            using var response = await client.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            response.IsSuccessStatusCode.ShouldBeTrue($"{name}: {(int)response.StatusCode} {body}");
            if (message.RequestUri!.OriginalString.Contains("/graphql", StringComparison.Ordinal))
            {
                JsonNode.Parse(body)!["errors"].ShouldBeNull($"{name}: {body}");
            }
        }
    }

    /// <summary>The REST Client format: variables as <c>@name = value</c>, requests after <c>###</c> lines, headers, a blank line, the body.</summary>
    private static List<(string Name, HttpRequestMessage Message)> Parse(string text)
    {
        var variables = new Dictionary<string, string>
        {
            ["api"] = "http://localhost",
            ["key"] = TestKeys.Editor.Key,
        };
        string Expand(string s) => variables.Aggregate(s, (acc, v) => acc.Replace("{{" + v.Key + "}}", v.Value, StringComparison.Ordinal));
        var requests = new List<(string, HttpRequestMessage)>();
        foreach (var block in text.Split("###").Skip(1))
        {
            var lines = block.Split('\n');
            var name = lines[0].Trim();
            var rest = lines.Skip(1).SkipWhile(l => l.Trim().Length == 0 || l.TrimStart().StartsWith('#')).ToList();
            var requestLine = rest[0].Split(' ', 2);
            var message = new HttpRequestMessage(new HttpMethod(requestLine[0]), new Uri(Expand(requestLine[1].Trim()).Replace("http://localhost", "", StringComparison.Ordinal), UriKind.Relative));
            var headers = rest.Skip(1).TakeWhile(l => l.Trim().Length > 0).ToList();
            var body = string.Join('\n', rest.Skip(1 + headers.Count)).Trim();
            if (body.Length > 0) message.Content = new StringContent(Expand(body), Encoding.UTF8);
            foreach (var header in headers.Select(h => h.Split(':', 2)).Select(h => (Name: h[0].Trim(), Value: Expand(h[1].Trim()))))
            {
                if (header.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) message.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse(header.Value);
                else message.Headers.TryAddWithoutValidation(header.Name, header.Value);
            }
            requests.Add((name, message));
        }
        // The file's own variables (the server address, the key) are the ones a reader edits; the test supplies its own.
        return requests;
    }
}
