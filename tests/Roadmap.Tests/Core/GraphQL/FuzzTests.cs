using System.Text;
using System.Text.Json;
using CsCheck;

namespace Roadmap.Tests.Core.GraphQL;

/// <summary>
/// Random GraphQL documents and variables thrown at the endpoint: real field names with random arguments,
/// truncated and garbled documents, wrong types. Whatever comes in, the answer is never a 500, always a GraphQL
/// response in JSON, and never slow.
/// </summary>
public class FuzzTests(TestGraphApiFactory factory) : IClassFixture<TestGraphApiFactory>
{
    private static readonly string[] Ids = ["product:ct", "component:ct-tube", "program:demo", "nope", "", "document:test-plan", "x:y:z", "产品"];

    private static readonly Gen<string> Id = Gen.OneOf(Gen.Int[0, Ids.Length - 1].Select(i => Ids[i]), Gen.String);

    private static readonly Gen<string> IntArg = Gen.OneOf(Gen.Int[-5, 120].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Int[0, 4].Select(i => new[] { "null", "\"3\"", "1.5", "99999999999", "-2147483649" }[i]));

    private static readonly Gen<string> Field = Gen.OneOf(
        Gen.Select(Id, IntArg, (id, d) => $"dependencies(id: {Json(id)}, maxDepth: {d}) {{ nodes {{ id }} edges {{ type }} truncated }}"),
        Gen.Select(Id, IntArg, (id, d) => $"dependents(id: {Json(id)}, maxDepth: {d}) {{ nodes {{ id kind }} }}"),
        Gen.Select(Id, Id, IntArg, IntArg, (a, b, l, n) => $"paths(from: {Json(a)}, to: {Json(b)}, maxLength: {l}, limit: {n}) {{ complete paths {{ length nodes {{ id }} }} }}"),
        Gen.Select(Id.Array[0, 4], IntArg, Gen.Bool, (ids, d, assume) => $"impact(ids: [{string.Join(",", ids.Select(Json))}], maxDepth: {d}, assumeGaps: {(assume ? "true" : "false")}) {{ products {{ node {{ id }} severity }} }}"),
        Gen.Select(Gen.String, IntArg, (t, n) => $"search(text: {Json(t)}, first: {n}) {{ nodes {{ id }} }}"),
        Gen.Select(IntArg, Gen.String, (n, after) => $"nodes(first: {n}, after: {Json(after)}) {{ totalCount edges {{ cursor }} }}"),
        Gen.Select(Id, (id) => $"node(id: {Json(id)}) {{ id nameZh ... on Product {{ targets {{ value }} }} sources {{ context }} }}"),
        Gen.Select(IntArg, IntArg, (a, b) => $"changes(fromYear: {a}, toYear: {b}) {{ direction }}"),
        Gen.Select(Id, Id, (a, b) => $"compareDocuments(a: {Json(a)}, b: {Json(b)}) {{ both {{ id }} }}"),
        Gen.Select(Id, IntArg, (id, d) => $"roadmap(id: {Json(id)}, maxDepth: {d}) {{ layers {{ kind }} export(format: MERMAID) }}"),
        Gen.Select(IntArg, n => $"bottlenecks(first: {n}) {{ node {{ id }} }}"),
        Gen.Const("stats { nodeCount }"),
        Gen.String.Select(junk => junk));

    private static readonly Gen<string> Document = Gen.OneOf(
        Field.Array[1, 4].Select(fields => "{ " + string.Join(" ", fields.Select((f, i) => $"a{i}: {f}")) + " }"),
        Gen.Select(Field, Gen.Int[0, 60], (f, cut) => ("{ " + f + " }")[..Math.Min(cut, f.Length + 4)]),
        Gen.String);

    private static readonly Gen<string> Variables = Gen.OneOf(
        Gen.Const("null"), Gen.Const("{}"), Gen.Const("[]"), Gen.Const("\"x\""),
        Gen.Select(Id, IntArg, (id, d) => $"{{\"id\":{Json(id)},\"d\":{d}}}"));

    private static string Json(string s) => JsonSerializer.Serialize(s);

    [Fact]
    public async Task Random_documents_and_variables_never_get_a_500_or_hang()
    {
        var client = await factory.ReadyClientAsync();
        var failures = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Gen.Select(Document, Variables).SampleAsync(async ((string Document, string Variables) request) =>
        {
            var body = $"{{\"query\":{Json(request.Document)},\"variables\":{request.Variables}}}";
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            var started = clock.Elapsed;
            using var response = await client.PostAsync(new Uri("/graphql", UriKind.Relative), content);
            var text = await response.Content.ReadAsStringAsync();
            var elapsed = clock.Elapsed - started;

            var ok = (int)response.StatusCode is 200 or 400 && elapsed < TimeSpan.FromSeconds(10) && GraphQLClient.IsCodedGraphQLResponse(text);
            if (!ok) failures.Add($"{(int)response.StatusCode} after {elapsed.TotalMilliseconds:0} ms for {body}: {text[..Math.Min(300, text.Length)]}");
            return true;
        }, iter: 400, threads: 1);

        failures.ShouldBeEmpty(string.Join("\n", failures.Take(5)));
    }
}
