using System.Text.Json;
using Roadmap.Core.Security;

namespace Roadmap.Tests.Core.GraphQL;

/// <summary>Mutations through HTTP: keys and roles, the validator's rules, versions, cascades and the audit log.</summary>
public class MutationTests(EditableApiFactory factory) : IClassFixture<EditableApiFactory>
{
    private const string Tube = "component:ct-tube";

    private static string NewTechnology(string id, string name, string quote = "图像重建技术") => $$"""
        mutation { upsertNode(input: { id: "{{id}}", kind: TECHNOLOGY, nameZh: "{{name}}", nameEn: "{{name}} (en)",
            sources: [{ document: "document:test-plan", section: "二", quote: "{{quote}}" }] }) {
          revision node { id version nameZh sources { quote } } } }
        """;

    private static async Task<JsonElement> Send(HttpClient client, string query, string? variables = null)
    {
        var (status, body, _) = await GraphQLClient.PostAsync(client, query, variables, accept: "application/json");
        status.ShouldBe(200, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static string? ErrorCode(JsonElement response) =>
        response.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    [Fact]
    public async Task A_mutation_without_a_key_is_unauthenticated_and_changes_nothing()
    {
        var client = await factory.ReadyClientAsync();

        var response = await Send(client, NewTechnology("technology:anonymous", "匿名"));

        ErrorCode(response).ShouldBe("UNAUTHENTICATED");
        (await Send(client, """{ node(id: "technology:anonymous") { id } }""")).GetProperty("data").GetProperty("node").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_name_of_200_characters_outside_the_basic_plane_is_within_the_200_character_limit()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);

        const string upsert = """
            mutation($id: ID!, $name: String!) { upsertNode(input: { id: $id, kind: TECHNOLOGY, nameZh: $name, nameEn: "wide",
              sources: [{ document: "document:test-plan", section: "二", quote: "图像重建技术" }] }) { node { id } } }
            """;
        var fits = await Send(client, upsert, JsonSerializer.Serialize(new { id = "technology:wide-200", name = string.Concat(Enumerable.Repeat("𠀀", 200)) }));
        var over = await Send(client, upsert, JsonSerializer.Serialize(new { id = "technology:wide-201", name = string.Concat(Enumerable.Repeat("𠀀", 201)) }));

        ErrorCode(fits).ShouldBeNull(fits.ToString());
        ErrorCode(over).ShouldBe("BAD_VALUE");
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_401_even_for_reads()
    {
        var client = (await factory.ReadyClientAsync()).With(ApiKeys.Create().Key);

        var (status, body, _) = await GraphQLClient.PostAsync(client, "{ stats { nodeCount } }");

        status.ShouldBe(401);
        body.ShouldContain("\"code\":\"UNAUTHENTICATED\"");
    }

    [Fact]
    public async Task An_editor_creates_a_node_that_reads_back_at_version_1_and_is_in_the_audit_log_under_the_key_name()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);

        var created = await Send(client, NewTechnology("technology:dose-modulation", "剂量调制"));
        var read = await Send(client, """{ node(id: "technology:dose-modulation") { id version nameZh } }""");
        var audit = await Send(client, """{ auditLog(first: 100) { sequence actor operation target before after } }""");

        ErrorCode(created).ShouldBeNull(created.ToString());
        read.GetProperty("data").GetProperty("node").ToString().ShouldBe("""{"id":"technology:dose-modulation","version":1,"nameZh":"剂量调制"}""");
        var entry = audit.GetProperty("data").GetProperty("auditLog").EnumerateArray().Single(e => e.GetProperty("target").GetString() == "technology:dose-modulation");
        entry.GetProperty("actor").GetString().ShouldBe("curator");
        entry.GetProperty("operation").GetString().ShouldBe("upsertNode");
        entry.GetProperty("before").ValueKind.ShouldBe(JsonValueKind.Null);
        entry.GetProperty("after").GetString()!.ShouldContain("\"nameZh\":\"剂量调制\",\"nameEn\":\"剂量调制 (en)\"");
        entry.GetProperty("sequence").GetInt32().ShouldBe(created.GetProperty("data").GetProperty("upsertNode").GetProperty("revision").GetInt32());
    }

    [Theory]
    [InlineData("technology:Bad_Id", "名一", "图像重建技术", "BAD_ID")]
    [InlineData("component:no-type", "名二", "图像重建技术", "MISSING_FIELD")]
    [InlineData("technology:not-quoted", "名三", "这句话不在规划里", "QUOTE_NOT_FOUND")]
    [InlineData("technology:duplicate-name", "图像重建技术", "图像重建技术", "DUPLICATE_NAME")]
    public async Task Nodes_are_checked_by_the_validators_rules(string id, string name, string quote, string code)
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var kind = id.StartsWith("component:", StringComparison.Ordinal) ? "COMPONENT" : "TECHNOLOGY";

        var response = await Send(client, NewTechnology(id, name, quote).Replace("kind: TECHNOLOGY", $"kind: {kind}", StringComparison.Ordinal));

        ErrorCode(response).ShouldBe(code, response.ToString());
        (await Send(client, $$"""{ node(id: "{{id}}") { id } }""")).GetProperty("data").GetProperty("node").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("program:demo", "REQUIRES", Tube, "BAD_EDGE_KINDS")]
    [InlineData("product:ct", "REQUIRES", "product:ct", "SELF_LOOP")]
    [InlineData("product:ct", "REQUIRES", "component:nothing", "DANGLING_EDGE")]
    [InlineData("product:ct", "VARIANT_OF", "product:photon-counting-ct", "BAD_GROUP")]
    public async Task Edges_are_checked_by_the_validators_rules(string from, string type, string to, string code)
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var group = code == "BAD_GROUP" ? """, group: "g" """ : "";

        var response = await Send(client, $$"""
            mutation { upsertEdge(input: { from: "{{from}}", type: {{type}}, to: "{{to}}"{{group}},
                sources: [{ document: "document:test-plan", section: "二", quote: "大热容量球管" }] }) { revision } }
            """);

        ErrorCode(response).ShouldBe(code, response.ToString());
    }

    [Fact]
    public async Task An_update_naming_a_stale_version_is_a_conflict_and_leaves_the_node_as_the_winner_left_it()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        await Send(client, NewTechnology("technology:contended", "争用"));
        const string Update = """
            mutation($name: String!) { upsertNode(input: { expectedVersion: 1, id: "technology:contended", kind: TECHNOLOGY, nameZh: $name, nameEn: "contended" }) { node { version nameZh } } }
            """;

        var first = await Send(client, Update, """{"name":"先到"}""");
        var second = await Send(client, Update, """{"name":"后到"}""");
        var recreate = await Send(client, NewTechnology("technology:contended", "再建"));

        first.GetProperty("data").GetProperty("upsertNode").GetProperty("node").ToString().ShouldBe("""{"version":2,"nameZh":"先到"}""");
        ErrorCode(second).ShouldBe("CONFLICT");
        ErrorCode(recreate).ShouldBe("CONFLICT");
        // The version to read and retry with comes with the refusal, for a client that resolves conflicts itself.
        second.GetProperty("errors")[0].GetProperty("extensions").GetProperty("currentVersion").GetInt32().ShouldBe(2);
        recreate.GetProperty("errors")[0].GetProperty("extensions").GetProperty("currentVersion").GetInt32().ShouldBe(2);
        (await Send(client, """{ node(id: "technology:contended") { version nameZh } }""")).GetProperty("data").GetProperty("node").ToString()
            .ShouldBe("""{"version":2,"nameZh":"先到"}""");
    }

    [Fact]
    public async Task Deleting_a_node_with_edges_needs_cascade_and_the_admin_role()
    {
        var editor = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var admin = (await factory.ReadyClientAsync()).With(TestKeys.Admin.Key);
        await Send(editor, """
            mutation { upsertNode(input: { id: "component:cathode", kind: COMPONENT, componentType: PART, nameZh: "阴极", nameEn: "cathode",
              sources: [{ document: "document:test-plan", section: "二", quote: "大热容量球管" }] }) { revision } }
            """);
        await Send(editor, """
            mutation { upsertEdge(input: { from: "component:ct-tube", type: REQUIRES, to: "component:cathode",
              sources: [{ document: "document:test-plan", section: "二", quote: "大热容量球管" }] }) { edge { version } } }
            """);
        const string Delete = """mutation($cascade: Boolean!) { deleteNode(input: { id: "component:cathode", cascade: $cascade }) { deletedNodeId deletedEdgeIds revision } }""";

        var byEditor = await Send(editor, Delete, """{"cascade":true}""");
        var withoutCascade = await Send(admin, Delete, """{"cascade":false}""");
        var withCascade = await Send(admin, Delete, """{"cascade":true}""");

        ErrorCode(byEditor).ShouldBe("FORBIDDEN");
        ErrorCode(withoutCascade).ShouldBe("HAS_EDGES");
        withCascade.GetProperty("data").GetProperty("deleteNode").GetProperty("deletedNodeId").GetString().ShouldBe("component:cathode");
        withCascade.GetProperty("data").GetProperty("deleteNode").GetProperty("deletedEdgeIds").ToString()
            .ShouldBe("""["component:ct-tube -REQUIRES-> component:cathode"]""");
        var needs = await Send(editor, """{ node(id: "component:ct-tube") { needs { to { id } } } }""");
        needs.GetProperty("data").GetProperty("node").GetProperty("needs").ToString().ShouldNotContain("cathode");
        // One mutation, two audit entries (the edge, then the node) that share a change id.
        var audit = (await Send(editor, """{ auditLog(first: 100) { changeId operation target before after } }""")).GetProperty("data").GetProperty("auditLog")
            .EnumerateArray().Where(e => e.GetProperty("operation").GetString() == "deleteNode").ToList();
        audit.Select(e => e.GetProperty("target").GetString()).ShouldBe(["component:ct-tube -REQUIRES-> component:cathode", "component:cathode"]);
        audit.Select(e => e.GetProperty("changeId").GetInt32()).Distinct().Count().ShouldBe(1);
        audit[0].GetProperty("before").GetString()!.ShouldStartWith("""{"from":"component:ct-tube","type":"REQUIRES","to":"component:cathode",""");
        audit.ShouldAllBe(e => e.GetProperty("after").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task An_assessment_is_dated_by_its_plan_and_changes_the_latest_status()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);

        var response = await Send(client, """
            mutation { addAssessment(input: { id: "component:vacuum-bearing", status: IMPORT_DEPENDENT,
              source: { document: "document:test-plan", section: "二", quote: "CT球管用真空高温轴承" } }) {
              node { version latestStatus assessments { year status } } } }
            """);

        response.GetProperty("data").GetProperty("addAssessment").GetProperty("node").ToString()
            .ShouldBe("""{"version":2,"latestStatus":"IMPORT_DEPENDENT","assessments":[{"year":2020,"status":"IMPORT_DEPENDENT"}]}""");
    }

    [Fact]
    public async Task A_source_added_to_an_edge_raises_its_version_and_a_repeat_is_refused()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        const string Add = """
            mutation { addSource(input: { edge: { from: "product:ct", type: USES_TECHNOLOGY, to: "technology:image-reconstruction",
              source: { document: "document:test-plan", section: "二", quote: "关键技术：图像重建技术" } } }) { edge { id version sources { quote } } } }
            """;

        var first = await Send(client, Add);
        var again = await Send(client, Add);

        first.GetProperty("data").GetProperty("addSource").GetProperty("edge").ToString()
            .ShouldBe("""{"id":"product:ct -USES_TECHNOLOGY-> technology:image-reconstruction","version":2,"sources":[{"quote":"图像重建技术"},{"quote":"关键技术：图像重建技术"}]}""");
        ErrorCode(again).ShouldBe("DUPLICATE_SOURCE");
    }

    [Fact]
    public async Task The_audit_log_needs_a_key_and_pages_by_sequence()
    {
        var anonymous = await factory.ReadyClientAsync();
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        await Send(client, NewTechnology("technology:page-one", "第一页"));
        await Send(client, NewTechnology("technology:page-two", "第二页"));

        var refused = await Send(anonymous, "{ auditLog { sequence } }");
        var all = (await Send(client, "{ auditLog(first: 100) { sequence } }")).GetProperty("data").GetProperty("auditLog").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt32()).ToList();
        var afterFirst = (await Send(client, $$"""{ auditLog(afterSequence: {{all[0]}}, first: 1) { sequence } }""")).GetProperty("data").GetProperty("auditLog");
        var future = (await Send(client, """{ auditLog(since: "2999-01-01T00:00:00Z") { sequence } }""")).GetProperty("data").GetProperty("auditLog");
        var ofOne = (await Send(client, """{ auditLog(target: "technology:page-two") { target } }""")).GetProperty("data").GetProperty("auditLog");

        ErrorCode(refused).ShouldBe("UNAUTHENTICATED");
        all.ShouldBe(all.Order().ToList());
        all.Count.ShouldBeGreaterThanOrEqualTo(2);
        afterFirst.EnumerateArray().Single().GetProperty("sequence").GetInt32().ShouldBe(all[1]);
        future.GetArrayLength().ShouldBe(0);
        ofOne.ToString().ShouldBe("""[{"target":"technology:page-two"}]""");
    }

    [Fact]
    public async Task A_refused_mutation_nulls_its_own_payload_and_the_earlier_one_keeps_its_data()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        await Send(client, NewTechnology("technology:kept-first", "先留"));

        var response = await Send(client, """
            mutation {
              first: upsertNode(input: { id: "technology:kept-second", kind: TECHNOLOGY, nameZh: "后留", nameEn: "kept second",
                sources: [{ document: "document:test-plan", section: "二", quote: "图像重建技术" }] }) { node { id version } created revision }
              stale: upsertNode(input: { id: "technology:kept-first", kind: TECHNOLOGY, nameZh: "先留", nameEn: "stale", expectedVersion: 7 }) { node { id } }
            }
            """);

        response.GetProperty("data").GetProperty("first").GetProperty("node").ToString().ShouldBe("""{"id":"technology:kept-second","version":1}""");
        response.GetProperty("data").GetProperty("first").GetProperty("created").GetBoolean().ShouldBeTrue();
        response.GetProperty("data").GetProperty("stale").ValueKind.ShouldBe(JsonValueKind.Null);
        var error = response.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("path").ToString().ShouldBe("""["stale"]""");
        error.GetProperty("extensions").GetProperty("code").GetString().ShouldBe("CONFLICT");
        error.GetProperty("extensions").GetProperty("currentVersion").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task AddSource_takes_exactly_one_of_node_and_edge_and_introspection_says_it_is_one_of()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        const string Source = """source: { document: "document:test-plan", section: "二", quote: "大热容量球管" }""";

        var both = await Send(client, $$"""
            mutation { addSource(input: { node: { id: "component:ct-tube", {{Source}} }, edge: { from: "product:ct", type: REQUIRES, to: "component:ct-tube", {{Source}} } }) { revision } }
            """);
        var neither = await Send(client, "mutation { addSource(input: {}) { revision } }");
        var node = await Send(client, $$"""mutation { addSource(input: { node: { id: "component:ct-tube", {{Source}} } }) { node { id } edge { id } } }""");
        var introspected = await Send(client, """{ __type(name: "AddSourceInput") { isOneOf } upsert: __type(name: "UpsertNodeInput") { isOneOf } }""");

        both.GetProperty("errors").GetArrayLength().ShouldBeGreaterThan(0);
        both.TryGetProperty("data", out var bothData).ShouldBeFalse(bothData.ToString());
        neither.GetProperty("errors").GetArrayLength().ShouldBeGreaterThan(0);
        node.GetProperty("data").GetProperty("addSource").ToString().ShouldBe("""{"node":{"id":"component:ct-tube"},"edge":null}""");
        introspected.GetProperty("data").GetProperty("__type").GetProperty("isOneOf").GetBoolean().ShouldBeTrue();
        introspected.GetProperty("data").GetProperty("upsert").GetProperty("isOneOf").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Stats_revision_is_readable_without_a_key_and_goes_up_with_every_commit_but_not_with_a_refusal()
    {
        var anonymous = await factory.ReadyClientAsync();
        var editor = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        async Task<int> Revision() => (await Send(anonymous, "{ stats { revision } }")).GetProperty("data").GetProperty("stats").GetProperty("revision").GetInt32();

        var before = await Revision();
        var created = await Send(editor, NewTechnology("technology:revision-counted", "修订计数"));
        var afterCreate = await Revision();
        await Send(editor, NewTechnology("technology:revision-counted", "修订计数"));
        var afterRefusal = await Revision();

        afterCreate.ShouldBeGreaterThan(before);
        afterCreate.ShouldBe(created.GetProperty("data").GetProperty("upsertNode").GetProperty("revision").GetInt32());
        afterRefusal.ShouldBe(afterCreate);
    }

    [Fact]
    public async Task GraphDiff_folds_the_window_of_the_audit_log_into_one_net_change_per_node_and_edge_and_is_open_to_anonymous_readers()
    {
        var anonymous = await factory.ReadyClientAsync();
        var editor = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var admin = (await factory.ReadyClientAsync()).With(TestKeys.Admin.Key);
        await Send(editor, NewTechnology("technology:diff-kept", "差异保留"));
        await Send(editor, NewTechnology("technology:diff-gone", "差异删除"));
        var since = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await Send(editor, NewTechnology("technology:diff-new", "差异新建"));
        await Send(editor, NewTechnology("technology:diff-passing", "差异过客"));
        await Send(editor, """mutation { addSource(input: { node: { id: "technology:diff-kept", source: { document: "document:test-plan", section: "二", quote: "大热容量球管" } } }) { revision } }""");
        await Send(editor, """mutation { addSource(input: { node: { id: "technology:diff-new", source: { document: "document:test-plan", section: "二", quote: "大热容量球管" } } }) { revision } }""");
        await Send(editor, """
            mutation { upsertEdge(input: { from: "product:ct", type: USES_TECHNOLOGY, to: "technology:diff-new", sources: [{ document: "document:test-plan", section: "二", quote: "图像重建技术" }] }) { revision } }
            """);
        await Send(admin, """mutation { deleteNode(input: { id: "technology:diff-passing" }) { revision } }""");
        await Send(admin, """mutation { deleteNode(input: { id: "technology:diff-gone" }) { revision } }""");

        var diff = await Send(anonymous, $$"""
            { graphDiff(since: "{{since}}") { entries nodes { id change edits } edges { id change edits } counts { nodesAdded nodesUpdated nodesDeleted edgesAdded edgesUpdated edgesDeleted } } }
            """);
        var empty = await Send(anonymous, """{ graphDiff(since: "2999-01-01T00:00:00Z") { entries fromRevision nodes { id } } }""");
        var backwards = await Send(anonymous, """{ graphDiff(since: "2020-01-02T00:00:00Z", until: "2020-01-01T00:00:00Z") { entries } }""");

        diff.GetProperty("data").GetProperty("graphDiff").ToString().ShouldBe("""
            {"entries":7,"nodes":[{"id":"technology:diff-gone","change":"DELETED","edits":1},{"id":"technology:diff-kept","change":"UPDATED","edits":1},{"id":"technology:diff-new","change":"CREATED","edits":2}],"edges":[{"id":"product:ct -USES_TECHNOLOGY-> technology:diff-new","change":"CREATED","edits":1}],"counts":{"nodesAdded":1,"nodesUpdated":1,"nodesDeleted":1,"edgesAdded":1,"edgesUpdated":0,"edgesDeleted":0}}
            """.Trim());
        empty.GetProperty("data").GetProperty("graphDiff").ToString().ShouldBe("""{"entries":0,"fromRevision":0,"nodes":[]}""");
        ErrorCode(backwards).ShouldBe("ARGUMENT_OUT_OF_RANGE");
    }
}
