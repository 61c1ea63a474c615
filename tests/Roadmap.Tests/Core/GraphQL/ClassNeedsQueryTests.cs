using System.Text.Json;

namespace Roadmap.Tests.Core.GraphQL;

/// <summary>
/// Needs of a class as a whole through HTTP, as a client meets them: an edge's reach written and read back, the edits
/// the rules refuse, impact stopping at the class, and the roll-up over members in needs and dependencies. On the
/// test graph, product:ct is a class with one member, product:photon-counting-ct.
/// </summary>
public class ClassNeedsQueryTests(EditableApiFactory factory) : IClassFixture<EditableApiFactory>
{
    private static async Task<JsonElement> Send(HttpClient client, string query)
    {
        var (status, body, _) = await GraphQLClient.PostAsync(client, query, null, accept: "application/json");
        status.ShouldBe(200, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static string? ErrorCode(JsonElement response) =>
        response.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    private static string UpsertEdge(string from, string type, string to, string quote, string reach, int? expectedVersion = null) => $$"""
        mutation { upsertEdge(input: { from: "{{from}}", type: {{type}}, to: "{{to}}", reach: {{reach}}{{(expectedVersion is { } v ? $", expectedVersion: {v}" : "")}},
          sources: [{ document: "document:test-plan", section: "二", quote: "{{quote}}" }] }) { edge { id reach version } } }
        """;

    [Fact]
    public async Task A_class_need_is_written_read_back_and_stops_impact_at_the_class()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);

        var updated = await Send(client, UpsertEdge("product:ct", "USES_TECHNOLOGY", "technology:image-reconstruction", "图像重建技术", "CLASS", expectedVersion: 1));
        ErrorCode(updated).ShouldBeNull(updated.ToString());
        updated.GetProperty("data").GetProperty("upsertEdge").GetProperty("edge").ToString()
            .ShouldBe("""{"id":"product:ct -USES_TECHNOLOGY-> technology:image-reconstruction","reach":"CLASS","version":2}""");

        var impact = await Send(client, """{ impact(scenario: { gaps: ["technology:image-reconstruction"] }) { products { node { id } severity } programs { node { id } severity } } }""");
        impact.GetProperty("data").GetProperty("impact").ToString()
            .ShouldBe("""{"products":[{"node":{"id":"product:ct"},"severity":"AT_RISK"}],"programs":[{"node":{"id":"program:demo"},"severity":"AT_RISK"}]}""");

        var member = await Send(client, """{ node(id: "product:photon-counting-ct") { blockers(scenario: { gaps: ["technology:image-reconstruction"] }) { severity gapCount } } }""");
        member.GetProperty("data").GetProperty("node").GetProperty("blockers").ToString().ShouldBe("""{"severity":null,"gapCount":0}""");

        // The class's last member cannot go while the class has a need of its own as a whole.
        var orphaning = await Send(client, """mutation { deleteEdge(input: { from: "product:photon-counting-ct", type: VARIANT_OF, to: "product:ct" }) { revision } }""");
        ErrorCode(orphaning).ShouldBe("REACH_WITHOUT_MEMBERS", orphaning.ToString());
    }

    [Fact]
    public async Task A_class_need_on_a_node_without_members_or_on_a_variant_edge_is_refused()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);

        var noMembers = await Send(client, UpsertEdge("product:photon-counting-ct", "REQUIRES", "component:vacuum-bearing", "CT球管用真空高温轴承", "CLASS"));
        var notANeed = await Send(client, UpsertEdge("component:vacuum-bearing", "VARIANT_OF", "component:ct-tube", "CT球管用真空高温轴承", "CLASS"));

        ErrorCode(noMembers).ShouldBe("REACH_WITHOUT_MEMBERS", noMembers.ToString());
        ErrorCode(notANeed).ShouldBe("BAD_REACH", notANeed.ToString());
    }

    [Fact]
    public async Task Needs_and_dependencies_with_members_roll_up_what_a_member_needs_and_name_it()
    {
        var client = (await factory.ReadyClientAsync()).With(TestKeys.Editor.Key);
        var created = await Send(client, UpsertEdge("product:photon-counting-ct", "REQUIRES", "component:rotating-anode-target", "旋转靶盘", "EVERY_MEMBER"));
        ErrorCode(created).ShouldBeNull(created.ToString());

        var node = await Send(client, """
            { node(id: "product:ct") {
                own: needs { from { id } to { id } }
                rolled: needs(members: true) { from { id } to { id } } } }
            """);
        var rolled = node.GetProperty("data").GetProperty("node").GetProperty("rolled").EnumerateArray().Select(e => (e.GetProperty("from").GetProperty("id").GetString(), e.GetProperty("to").GetProperty("id").GetString())).ToList();
        node.GetProperty("data").GetProperty("node").GetProperty("own").GetArrayLength().ShouldBe(2);
        rolled.ShouldBe([
            ("product:ct", "component:ct-tube"), ("product:ct", "technology:image-reconstruction"),
            ("product:photon-counting-ct", "component:rotating-anode-target"),
        ]);

        var where = await Send(client, """{ node(id: "component:rotating-anode-target") { neededBy(members: true) { from { id } } } }""");
        where.GetProperty("data").GetProperty("node").GetProperty("neededBy").EnumerateArray().Select(e => e.GetProperty("from").GetProperty("id").GetString())
            .Order(StringComparer.Ordinal).ShouldBe(["component:ct-tube", "product:photon-counting-ct"]);

        var bom = await Send(client, """{ dependencies(id: "product:ct", maxDepth: 1, members: true) { levels { node { id } depth through { id } } } }""");
        bom.GetProperty("data").GetProperty("dependencies").GetProperty("levels").EnumerateArray()
            .Select(l => $"{l.GetProperty("node").GetProperty("id").GetString()}@{l.GetProperty("depth").GetInt32()}<{(l.GetProperty("through").ValueKind == JsonValueKind.Null ? "" : l.GetProperty("through").GetProperty("id").GetString())}")
            .ShouldBe(["product:ct@0<", "product:photon-counting-ct@1<", "component:ct-tube@1<", "technology:image-reconstruction@1<"]);
        var deeper = await Send(client, """{ dependencies(id: "product:ct", maxDepth: 2, members: true, kinds: [COMPONENT]) { levels { node { id } through { id } } } }""");
        deeper.GetProperty("data").GetProperty("dependencies").GetProperty("levels").ToString().ShouldContain("""{"node":{"id":"component:rotating-anode-target"},"through":{"id":"product:photon-counting-ct"}}""");
    }

    [Fact]
    public async Task A_judgement_says_its_basis_and_a_target_its_unit_as_written()
    {
        var client = await factory.ReadyClientAsync();

        var ct = await Send(client, """{ node(id: "product:ct") { assessments { basis note context { quote } } ... on Product { targets { unit unitEn } } } }""");

        ct.GetProperty("data").GetProperty("node").ToString()
            .ShouldBe("""{"assessments":[{"basis":"STATED","note":null,"context":[]}],"targets":[{"unit":"层","unitEn":"slices"}]}""");
    }
}
