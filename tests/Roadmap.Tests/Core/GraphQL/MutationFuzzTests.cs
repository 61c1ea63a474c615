using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.Storage;

namespace Roadmap.Tests.Core.GraphQL;

/// <summary>
/// Random mutations, valid and not, with an admin key: never a 500, never past the 10 s execution timeout, every refusal coded, and afterwards
/// the file and the read model hold the same graph with no edge whose end is missing.
/// </summary>
public class MutationFuzzTests(EditableApiFactory factory) : IClassFixture<EditableApiFactory>
{
    private static readonly string[] Ids =
    [
        "product:ct", "component:ct-tube", "component:vacuum-bearing", "technology:image-reconstruction", "program:demo",
        "document:test-plan", "technology:fuzz-a", "component:fuzz-b", "product:fuzz-c", "program:fuzz-d", "nope", "", "Technology:Bad",
    ];

    private static readonly string[] Kinds = ["TECHNOLOGY", "COMPONENT", "PRODUCT", "PROGRAM", "DOCUMENT", "PLANET"];
    private static readonly string[] EdgeTypes = ["REQUIRES", "USES_TECHNOLOGY", "VARIANT_OF", "TARGETS", "INCLUDES", "LIKES"];
    private static readonly string[] Quotes = ["大热容量球管", "图像重建技术", "实施示范工程", "不在文中", "", "关键部件：大热容量球管，旋转靶盘"];

    private static Gen<string> Pick(string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<string> Id = Gen.OneOf(Pick(Ids), Gen.String);
    private static readonly Gen<string> Version = Gen.OneOf(Gen.Const("null"), Gen.Int[-1, 4].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Gen.Const("\"1\""));

    private static readonly Gen<string> Source = Gen.Select(Gen.OneOf(Gen.Const("document:test-plan"), Id), Gen.OneOf(Pick(Quotes), Gen.String), Gen.OneOf(Gen.Const("二"), Gen.String),
        (doc, quote, section) => $"{{ document: {Json(doc)}, section: {Json(section)}, quote: {Json(quote)} }}");

    private static readonly Gen<string> Mutation = Gen.OneOf(
        Gen.Select(Id, Pick(Kinds), Gen.String, Source.Array[0, 2], Version,
            (id, kind, name, sources, v) => $"upsertNode(input: {{ expectedVersion: {v}, id: {Json(id)}, kind: {kind}, nameZh: {Json(name)}, nameEn: {Json(name)}, componentType: PART, sources: [{string.Join(",", sources)}] }}) {{ node {{ id version }} }}"),
        Gen.Select(Id, Pick(Kinds), Gen.String, Version,
            (id, kind, name, v) => $"upsertNode(input: {{ expectedVersion: {v}, id: {Json(id)}, kind: {kind}, nameZh: {Json(name)}, nameEn: \"x\", field: IMAGING, programType: BASE }}) {{ node {{ id }} }}"),
        Gen.Select(Id, Pick(EdgeTypes), Id, Source.Array[0, 2], Gen.OneOf(Gen.Const("null"), Gen.Const("\"g\"")), Version,
            (from, type, to, sources, group, v) => $"upsertEdge(input: {{ expectedVersion: {v}, from: {Json(from)}, type: {type}, to: {Json(to)}, group: {group}, sources: [{string.Join(",", sources)}] }}) {{ edge {{ version from {{ id }} to {{ id }} }} }}"),
        Gen.Select(Id, Gen.Bool, Version, (id, cascade, v) => $"deleteNode(input: {{ id: {Json(id)}, cascade: {(cascade ? "true" : "false")}, expectedVersion: {v} }}) {{ deletedNodeId deletedEdgeIds }}"),
        Gen.Select(Id, Pick(EdgeTypes), Id, Version, (from, type, to, v) => $"deleteEdge(input: {{ from: {Json(from)}, type: {type}, to: {Json(to)}, expectedVersion: {v} }}) {{ deletedEdgeId revision }}"),
        Gen.Select(Id, Source, (id, source) => $"addAssessment(input: {{ id: {Json(id)}, status: IMPORT_DEPENDENT, source: {source} }}) {{ node {{ latestStatus }} }}"),
        Gen.Select(Id, Source, Version, (id, source, v) => $"addSource(input: {{ node: {{ id: {Json(id)}, source: {source}, expectedVersion: {v} }} }}) {{ node {{ version }} }}"),
        Gen.Select(Id, Pick(EdgeTypes), Id, Source, Version, (from, type, to, source, v) =>
            $"addSource(input: {{ edge: {{ from: {Json(from)}, type: {type}, to: {Json(to)}, source: {source}, expectedVersion: {v} }} }}) {{ edge {{ id version }} }}"),
        // Both arms of the @oneOf input, or neither: refused by validation.
        Gen.Select(Id, Source, (id, source) => $"addSource(input: {{ node: {{ id: {Json(id)}, source: {source} }}, edge: null }}) {{ revision }}"),
        Gen.String.Select(junk => junk));

    // Random mutations rarely pass every rule, so a share of the documents carries ones that should: a new technology under a fresh id
    // (a repeated draw is a CONFLICT, which is fine) and assessments on seeded nodes that a random cascade may since have deleted.
    private static readonly Gen<string> ValidMutation = Gen.OneOf(
        Gen.Int[0, 1_000_000].Select(n =>
            $"upsertNode(input: {{ id: \"technology:fuzz-valid-{n}\", kind: TECHNOLOGY, nameZh: \"模糊{n}\", nameEn: \"fuzz {n}\", sources: [{{ document: \"document:test-plan\", section: \"二\", quote: \"图像重建技术\" }}] }}) {{ node {{ id version }} }}"),
        Pick(["product:ct", "component:ct-tube", "technology:image-reconstruction"]).Select(id =>
            $"addAssessment(input: {{ id: {Json(id)}, status: IMPORT_DEPENDENT, source: {{ document: \"document:test-plan\", section: \"二\", quote: \"大热容量球管\" }} }}) {{ node {{ latestStatus }} }}"));

    private static readonly Gen<string> Document = Gen.Frequency(
        (4, Mutation.Array[1, 3].Select(ms => "mutation { " + string.Join(" ", ms.Select((m, i) => $"m{i}: {m}")) + " }")),
        (1, Gen.Select(Mutation, ValidMutation, (m, valid) => $"mutation {{ m0: {m} m1: {valid} }}")),
        (2, Gen.Select(Mutation, Gen.Int[0, 80], (m, cut) => ("mutation { " + m + " }")[..Math.Min(cut, m.Length + 11)])));

    private static string Json(string s) => JsonSerializer.Serialize(s);

    [Fact]
    public async Task Random_mutations_never_get_a_500_and_leave_file_and_memory_equal_and_whole()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Admin.Key);
        var failures = new List<string>();
        var applied = 0;

        await Document.SampleAsync(async document =>
        {
            var body = $"{{\"query\":{Json(document)}}}";
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var response = await client.PostAsync(new Uri("/graphql", UriKind.Relative), content);
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode is not (200 or 400)) failures.Add($"{(int)response.StatusCode} for {body}: {text[..Math.Min(300, text.Length)]}");
            if (clock.Elapsed > TimeSpan.FromSeconds(10)) failures.Add($"{clock.Elapsed.TotalSeconds:0.0} s for {body}");
            if (!GraphQLClient.IsCodedGraphQLResponse(text)) failures.Add($"not a coded GraphQL response for {body}: {text}");
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Object)) applied++;
            return true;
        }, iter: 300, threads: 1);

        failures.ShouldBeEmpty(string.Join("\n", failures.Take(5)));
        applied.ShouldBeGreaterThanOrEqualTo(5, "about one document in fifteen applies a change; fewer means the success path went untested");
        var memory = factory.Services.GetRequiredService<EmbeddedGraphStore>().Graph;
        var disk = new SqliteGraphFile(factory.DatabasePath).Read();
        var ids = disk.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        disk.Edges.Where(e => !ids.Contains(e.From) || !ids.Contains(e.To)).ShouldBeEmpty();
        disk.Nodes.Select(n => (n.Id, n.Version)).Order().ShouldBe(memory.Nodes.Select(n => (n.Id, n.Version)).Order());
        disk.Edges.Select(e => (e.Key.ToString(), e.Version)).Order().ShouldBe(memory.Edges.Select(e => (e.Key.ToString(), e.Version)).Order());
    }
}
