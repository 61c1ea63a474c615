using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.Storage;

namespace Roadmap.Tests.Core.GraphQL;

/// <summary>The API with keys on the test graph, taking bodies large enough for a change set of 1,001 changes.</summary>
public sealed class ChangeSetApiFactory() : RoadmapApiFactory(TestSeeds.Path, TestKeys.Settings(("GraphQL:MaxRequestBytes", "262144")));

/// <summary>applyChanges: all or nothing, dry runs, the bounds, and the revision check.</summary>
public class ApplyChangesTests(ChangeSetApiFactory factory) : IClassFixture<ChangeSetApiFactory>
{
    private const string Apply = """
        mutation($input: ApplyChangesInput!) { applyChanges(input: $input) {
          applied dryRun revision
          changes { index operation revision nodes { id change version } edges { id change version } }
          refusals { index operation code currentVersion }
          counts { nodesCreated nodesUpdated nodesDeleted edgesCreated edgesUpdated edgesDeleted } } }
        """;

    private static JsonObject Source(string quote) => new() { ["document"] = "document:test-plan", ["section"] = "二", ["quote"] = quote };

    private static JsonObject NewTechnology(string id, string name, string quote = "图像重建技术") => new()
    {
        ["upsertNode"] = new JsonObject { ["id"] = id, ["kind"] = "TECHNOLOGY", ["nameZh"] = name, ["nameEn"] = name, ["sources"] = new JsonArray(Source(quote)) },
    };

    private static JsonObject Link(string id) => new()
    {
        ["upsertEdge"] = new JsonObject { ["from"] = "product:ct", ["type"] = "USES_TECHNOLOGY", ["to"] = id, ["sources"] = new JsonArray(Source("图像重建技术")) },
    };

    private static JsonObject AddSource(string id, string quote) => new() { ["addSource"] = new JsonObject { ["node"] = new JsonObject { ["id"] = id, ["source"] = Source(quote) } } };

    private static JsonObject Assess(string id) => new() { ["addAssessment"] = new JsonObject { ["id"] = id, ["status"] = "IMPORT_DEPENDENT", ["source"] = Source("大热容量球管") } };

    private static JsonObject Delete(string id) => new() { ["deleteNode"] = new JsonObject { ["id"] = id, ["cascade"] = true } };

    private static string Variables(IEnumerable<JsonObject> changes, bool dryRun = false, int? expectedRevision = null)
    {
        var input = new JsonObject { ["changes"] = new JsonArray([.. changes]), ["dryRun"] = dryRun };
        if (expectedRevision is { } r) input["expectedRevision"] = r;
        return new JsonObject { ["input"] = input }.ToJsonString();
    }

    private static async Task<JsonElement> Send(HttpClient client, string query, string? variables = null)
    {
        var (status, body, _) = await GraphQLClient.PostAsync(client, query, variables, accept: "application/json");
        status.ShouldBe(200, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static string? ErrorCode(JsonElement response) =>
        response.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    private static async Task<int> Revision(HttpClient client) =>
        (await Send(client, "{ stats { revision } }")).GetProperty("data").GetProperty("stats").GetProperty("revision").GetInt32();

    /// <summary>Everything an applied or refused set could touch: the file's nodes, edges and audit log, and the read model.</summary>
    private string Snapshot()
    {
        var file = new SqliteGraphFile(factory.DatabasePath);
        var disk = file.Read();
        var memory = factory.Services.GetRequiredService<EmbeddedGraphStore>().Graph;
        return string.Join("\n",
            JsonSerializer.Serialize(disk.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal), GraphJson.Options),
            JsonSerializer.Serialize(disk.Edges.OrderBy(e => e.Key.ToString(), StringComparer.Ordinal), GraphJson.Options),
            JsonSerializer.Serialize(file.ReadAudit(null, 0, null, int.MaxValue)),
            JsonSerializer.Serialize(memory.Nodes, GraphJson.Options),
            JsonSerializer.Serialize(memory.Edges.OrderBy(e => e.Key.ToString(), StringComparer.Ordinal), GraphJson.Options));
    }

    [Fact]
    public async Task A_set_that_creates_links_and_sources_a_node_commits_every_change_with_an_audit_entry_of_its_own()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var before = await Revision(client);
        const string Id = "technology:set-linked";

        var response = await Send(client, Apply, Variables([NewTechnology(Id, "集合连接"), Link(Id), AddSource(Id, "大热容量球管")]));

        ErrorCode(response).ShouldBeNull(response.ToString());
        var payload = response.GetProperty("data").GetProperty("applyChanges");
        payload.GetProperty("applied").GetBoolean().ShouldBeTrue();
        payload.GetProperty("changes").ToString().ShouldBe($$"""
            [{"index":0,"operation":"upsertNode","revision":{{before + 1}},"nodes":[{"id":"{{Id}}","change":"CREATED","version":1}],"edges":[]},{"index":1,"operation":"upsertEdge","revision":{{before + 2}},"nodes":[],"edges":[{"id":"product:ct -USES_TECHNOLOGY-> {{Id}}","change":"CREATED","version":1}]},{"index":2,"operation":"addSource","revision":{{before + 3}},"nodes":[{"id":"{{Id}}","change":"UPDATED","version":2}],"edges":[]}]
            """.Trim());
        payload.GetProperty("revision").GetInt32().ShouldBe(before + 3);
        (await Revision(client)).ShouldBe(before + 3);
        var audit = (await Send(client, $$"""{ auditLog(afterSequence: {{before}}) { changeId operation target } }""")).GetProperty("data").GetProperty("auditLog");
        audit.EnumerateArray().Select(e => e.GetProperty("operation").GetString()).ShouldBe(["upsertNode", "upsertEdge", "addSource"]);
        audit.EnumerateArray().Select(e => e.GetProperty("changeId").GetInt32()).Distinct().Count().ShouldBe(3);
        (await Send(client, $$"""{ node(id: "{{Id}}") { version sources { quote } neededBy { from { id } } } }""")).GetProperty("data").GetProperty("node").ToString()
            .ShouldBe("""{"version":2,"sources":[{"quote":"图像重建技术"},{"quote":"大热容量球管"}],"neededBy":[{"from":{"id":"product:ct"}}]}""");
    }

    [Fact]
    public async Task Five_changes_that_fail_on_the_third_apply_none_and_the_error_names_the_third()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var before = Snapshot();

        var response = await Send(client, Apply, Variables([
            NewTechnology("technology:set-five-a", "五甲"), NewTechnology("technology:set-five-b", "五乙"),
            NewTechnology("technology:set-five-c", "五丙", quote: "这句话不在规划里"),
            NewTechnology("technology:set-five-d", "五丁"), Link("technology:set-five-a")]));

        ErrorCode(response).ShouldBe("QUOTE_NOT_FOUND", response.ToString());
        var extensions = response.GetProperty("errors")[0].GetProperty("extensions");
        extensions.GetProperty("index").GetInt32().ShouldBe(2);
        extensions.GetProperty("operation").GetString().ShouldBe("upsertNode");
        response.GetProperty("data").GetProperty("applyChanges").ValueKind.ShouldBe(JsonValueKind.Null);
        Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task A_dry_run_writes_nothing_and_reports_what_would_change_and_every_refusal_with_its_index_and_code()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var before = Snapshot();
        var revision = await Revision(client);

        var response = await Send(client, Apply, Variables([
            NewTechnology("technology:set-dry", "预演"), Link("technology:set-dry"),
            NewTechnology("technology:Bad_Id", "坏"),
            new JsonObject { ["upsertNode"] = new JsonObject { ["id"] = "product:ct", ["kind"] = "PRODUCT", ["nameZh"] = "CT", ["nameEn"] = "CT", ["expectedVersion"] = 9 } },
            Delete("technology:set-dry")], dryRun: true));

        ErrorCode(response).ShouldBeNull(response.ToString());
        var payload = response.GetProperty("data").GetProperty("applyChanges");
        payload.GetProperty("applied").GetBoolean().ShouldBeFalse();
        payload.GetProperty("dryRun").GetBoolean().ShouldBeTrue();
        payload.GetProperty("revision").GetInt32().ShouldBe(revision);
        payload.GetProperty("refusals").ToString().ShouldBe("""
            [{"index":2,"operation":"upsertNode","code":"BAD_ID","currentVersion":null},{"index":3,"operation":"upsertNode","code":"CONFLICT","currentVersion":1},{"index":4,"operation":"deleteNode","code":"FORBIDDEN","currentVersion":null}]
            """.Trim());
        payload.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("index").GetInt32()).ShouldBe([0, 1]);
        payload.GetProperty("changes").EnumerateArray().ShouldAllBe(c => c.GetProperty("revision").ValueKind == JsonValueKind.Null);
        payload.GetProperty("counts").ToString().ShouldBe("""{"nodesCreated":1,"nodesUpdated":0,"nodesDeleted":0,"edgesCreated":1,"edgesUpdated":0,"edgesDeleted":0}""");
        Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task More_than_1000_changes_or_none_is_out_of_range()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var deleteMissingEdge = new JsonObject { ["deleteEdge"] = new JsonObject { ["from"] = "a", ["type"] = "REQUIRES", ["to"] = "b" } };

        var over = await Send(client, Apply, Variables(Enumerable.Range(0, 1001).Select(_ => deleteMissingEdge.DeepClone().AsObject()), dryRun: true));
        var atLimit = await Send(client, Apply, Variables(Enumerable.Range(0, 1000).Select(_ => deleteMissingEdge.DeepClone().AsObject()), dryRun: true));
        var none = await Send(client, Apply, Variables([]));

        ErrorCode(over).ShouldBe("ARGUMENT_OUT_OF_RANGE");
        ErrorCode(atLimit).ShouldBeNull();
        atLimit.GetProperty("data").GetProperty("applyChanges").GetProperty("refusals").GetArrayLength().ShouldBe(1000);
        ErrorCode(none).ShouldBe("ARGUMENT_OUT_OF_RANGE");
    }

    [Fact]
    public async Task An_expected_revision_that_is_not_current_is_a_conflict_with_the_current_revision()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var revision = await Revision(client);

        var stale = await Send(client, Apply, Variables([NewTechnology("technology:set-revision", "修订")], expectedRevision: revision + 5));
        var current = await Send(client, Apply, Variables([NewTechnology("technology:set-revision", "修订")], expectedRevision: revision));

        ErrorCode(stale).ShouldBe("CONFLICT");
        stale.GetProperty("errors")[0].GetProperty("extensions").GetProperty("currentRevision").GetInt32().ShouldBe(revision);
        ErrorCode(current).ShouldBeNull(current.ToString());
        current.GetProperty("data").GetProperty("applyChanges").GetProperty("revision").GetInt32().ShouldBe(revision + 1);
    }

    [Fact]
    public async Task A_change_set_needs_a_key_and_the_introspected_change_input_is_one_of()
    {
        var anonymous = await factory.ReadyClientAsync();

        var refused = await Send(anonymous, Apply, Variables([NewTechnology("technology:set-anonymous", "匿名集")], dryRun: true));
        var introspected = await Send(anonymous, """{ __type(name: "ChangeInput") { isOneOf inputFields { name } } }""");

        ErrorCode(refused).ShouldBe("UNAUTHENTICATED");
        introspected.GetProperty("data").GetProperty("__type").ToString().ShouldBe(
            """{"isOneOf":true,"inputFields":[{"name":"upsertNode"},{"name":"upsertEdge"},{"name":"deleteNode"},{"name":"deleteEdge"},{"name":"addAssessment"},{"name":"addSource"}]}""");
    }

    // Changes that each single mutation refuses wherever they stand in a set.
    private static readonly Func<int, JsonObject>[] BadChanges =
    [
        n => NewTechnology($"technology:Bad_{n}", $"坏{n}"),
        n => NewTechnology($"technology:unquoted-{n}", $"无据{n}", quote: "这句话不在规划里"),
        n => AddSource($"technology:missing-{n}", "大热容量球管"),
        _ => new JsonObject { ["upsertNode"] = new JsonObject { ["id"] = "product:ct", ["kind"] = "PRODUCT", ["nameZh"] = "CT", ["nameEn"] = "CT" } },
        _ => new JsonObject { ["deleteEdge"] = new JsonObject { ["from"] = "product:ct", ["type"] = "REQUIRES", ["to"] = "technology:image-reconstruction" } },
        _ => new JsonObject { ["upsertEdge"] = new JsonObject { ["from"] = "product:ct", ["type"] = "REQUIRES", ["to"] = "product:ct", ["sources"] = new JsonArray(Source("大热容量球管")) } },
    ];

    // A node's life in a set: created, then optionally linked, sourced, judged and deleted, each step valid after the ones before it.
    private static IEnumerable<JsonObject> Life(string id, string name, int steps, bool delete)
    {
        yield return NewTechnology(id, name);
        if (steps > 0) yield return Link(id);
        if (steps > 1) yield return AddSource(id, "大热容量球管");
        if (steps > 2) yield return Assess(id);
        if (delete) yield return Delete(id);
    }

    [Fact]
    public async Task A_random_change_set_with_one_bad_change_leaves_the_file_the_read_model_and_the_audit_log_exactly_as_before()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Admin.Key);
        var round = 0;
        var gen = Gen.Select(Gen.Select(Gen.Int[0, 3], Gen.Bool).Array[1, 5], Gen.Int[0, BadChanges.Length - 1], Gen.Int[0, 100]);

        await gen.SampleAsync(async sample =>
        {
            var (lives, bad, position) = sample;
            var n = round++;
            var valid = lives.SelectMany((life, k) => Life($"technology:set-{n}-{k}", $"集{n}-{k}", life.Item1, life.Item2)).ToList();
            var withBad = valid.Select(c => c.DeepClone().AsObject()).ToList();
            withBad.Insert(position % (withBad.Count + 1), BadChanges[bad](n));
            var before = Snapshot();

            var refused = await Send(client, Apply, Variables(withBad));
            var unchanged = Snapshot() == before;
            // The same set without the bad change goes in whole: the refusal was the bad change's, not the set's.
            var applied = await Send(client, Apply, Variables(valid));

            return ErrorCode(refused) is not null && unchanged
                && ErrorCode(applied) is null && applied.GetProperty("data").GetProperty("applyChanges").GetProperty("changes").GetArrayLength() == valid.Count;
        }, iter: 40, threads: 1);
    }
}
