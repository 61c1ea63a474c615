using System.Text.Json.Nodes;

namespace Roadmap.Tests.Core.GraphQL;

/// <summary>
/// via, kinds and stopAt on the test graph: program:demo targets product:ct and product:photon-counting-ct (a
/// VARIANT_OF product:ct); product:ct REQUIRES component:ct-tube and USES_TECHNOLOGY technology:image-reconstruction;
/// component:ct-tube REQUIRES component:rotating-anode-target and component:vacuum-bearing.
/// </summary>
public class TraversalControlsTests(TestGraphApiFactory factory) : IClassFixture<TestGraphApiFactory>
{
    private async Task<JsonNode> DataAsync(string query) => await GraphQLClient.DataAsync(await factory.ReadyClientAsync(), query);

    private static string Lines(JsonNode levels) =>
        string.Join("; ", levels.AsArray().Select(l => $"{l!["depth"]} {l["node"]!["id"]} via {l["via"]?["from"]?["id"]?.ToString() ?? "-"}"));

    [Fact]
    public async Task A_bill_of_materials_follows_requires_only_and_reports_components_with_their_depth_and_parent()
    {
        var data = await DataAsync("""{ dependencies(id: "product:ct", maxDepth: 5, via: [REQUIRES], kinds: [COMPONENT]) { levels { node { id } depth via { from { id } } } } }""");

        Lines(data["dependencies"]!["levels"]!).ShouldBe(
            "1 component:ct-tube via product:ct; 2 component:rotating-anode-target via component:ct-tube; 2 component:vacuum-bearing via component:ct-tube");
    }

    [Fact]
    public async Task A_where_used_list_reports_only_products_but_walks_through_the_rest()
    {
        var data = await DataAsync("""{ dependents(id: "component:vacuum-bearing", maxDepth: 5, kinds: [PRODUCT]) { nodes { id } levels { depth } } }""");

        data["dependents"]!["nodes"]!.AsArray().Select(n => n!["id"]!.ToString()).ShouldBe(["product:ct", "product:photon-counting-ct"]);
        data["dependents"]!["levels"]!.AsArray().Select(l => (int)l!["depth"]!).ShouldBe([2, 3]);
    }

    [Fact]
    public async Task StopAt_reaches_a_node_of_that_kind_but_does_not_go_on_from_it()
    {
        var data = await DataAsync("""{ dependents(id: "component:vacuum-bearing", maxDepth: 5, stopAt: [PRODUCT]) { nodes { id } truncated } }""");

        data["dependents"]!["nodes"]!.AsArray().Select(n => n!["id"]!.ToString()).ShouldBe(["component:vacuum-bearing", "component:ct-tube", "product:ct"]);
        ((bool)data["dependents"]!["truncated"]!).ShouldBeFalse();
    }

    [Fact]
    public async Task Paths_follow_only_the_edge_types_asked_for_and_pass_only_through_the_kinds_asked_for()
    {
        var data = await DataAsync("""
            {
              all: paths(from: "program:demo", to: "component:vacuum-bearing") { paths { length } }
              noVariants: paths(from: "program:demo", to: "component:vacuum-bearing", via: [TARGETS, REQUIRES]) { paths { length } }
              throughComponentsOnly: paths(from: "program:demo", to: "component:vacuum-bearing", kinds: [COMPONENT]) { paths { length } }
              stoppedAtProducts: paths(from: "program:demo", to: "component:vacuum-bearing", stopAt: [PRODUCT]) { paths { length } }
            }
            """);

        data["all"]!["paths"]!.AsArray().Select(p => (int)p!["length"]!).ShouldBe([3, 4]);
        data["noVariants"]!["paths"]!.AsArray().Select(p => (int)p!["length"]!).ShouldBe([3]);
        data["throughComponentsOnly"]!["paths"]!.AsArray().ShouldBeEmpty();
        data["stoppedAtProducts"]!["paths"]!.AsArray().ShouldBeEmpty();
    }
}
