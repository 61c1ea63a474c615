namespace Roadmap.Tests.Core.GraphQL;

/// <summary>The analysis fields over HTTP, on the small test graph whose answers are known.</summary>
public class AnalyticsQueryTests(TestGraphApiFactory factory) : IClassFixture<TestGraphApiFactory>
{
    private async Task<string> Query(string query)
    {
        var client = await factory.ReadyClientAsync();
        var (status, body, _) = await GraphQLClient.PostAsync(client, query);
        status.ShouldBe(200, body);
        return body;
    }

    [Fact]
    public async Task Impact_gives_each_node_a_severity()
    {
        var body = await Query("""{ impact(ids: ["component:vacuum-bearing"]) { products { node { id } severity } programs { node { id } severity } blockedCount atRiskCount } }""");

        body.ShouldBe("""{"data":{"impact":{"products":[{"node":{"id":"product:ct"},"severity":"BLOCKED"},{"node":{"id":"product:photon-counting-ct"},"severity":"BLOCKED"}],"programs":[{"node":{"id":"program:demo"},"severity":"BLOCKED"}],"blockedCount":4,"atRiskCount":0}}}""");
    }

    [Fact]
    public async Task Impact_with_assumed_gaps_starts_from_the_plans_own_gaps()
    {
        // The test plan judges the photon-counting CT a domestic gap: the program that targets it is at risk.
        var body = await Query("""{ impact(ids: [], assumeGaps: true) { gaps { id } programs { node { id } severity } } }""");

        body.ShouldBe("""{"data":{"impact":{"gaps":[{"id":"product:photon-counting-ct"}],"programs":[{"node":{"id":"program:demo"},"severity":"AT_RISK"}]}}}""");
    }

    [Fact]
    public async Task Impact_without_ids_or_assumed_gaps_is_refused()
    {
        (await Query("""{ impact(ids: []) { gaps { id } } }""")).ShouldContain("\"code\":\"ARGUMENT_OUT_OF_RANGE\"");
    }

    [Fact]
    public async Task A_node_tells_its_judgement_in_a_year_and_the_plans_that_state_it()
    {
        var body = await Query("""
            { node(id: "product:ct") { before: statusIn(year: 2019) { status } then: statusIn(year: 2020) { status year } later: statusIn(year: 2030) { status }
                                       statedIn { id year } firstStatedYear lastStatedYear }
              document: node(id: "document:test-plan") { statedIn { id } firstStatedYear } }
            """);

        body.ShouldBe("""{"data":{"node":{"before":null,"then":{"status":"FOUNDATION","year":2020},"later":{"status":"FOUNDATION"},"statedIn":[{"id":"document:test-plan","year":2020}],"firstStatedYear":2020,"lastStatedYear":2020},"document":{"statedIn":[{"id":"document:test-plan"}],"firstStatedYear":2020}}}""");
        (await Query("""{ node(id: "product:ct") { statusIn(year: 1800) { status } } }""")).ShouldContain("\"code\":\"ARGUMENT_OUT_OF_RANGE\"");
    }

    [Fact]
    public async Task Only_a_roadmap_exports_its_time_axis()
    {
        (await Query("""{ impact(ids: ["component:vacuum-bearing"]) { export(format: SVG) } }""")).ShouldContain("\"code\":\"EXPORT_FORMAT_UNSUPPORTED\"");
        (await Query("""{ dependencies(id: "product:ct", maxDepth: 1) { export(format: MERMAID_GANTT) } }""")).ShouldContain("\"code\":\"EXPORT_FORMAT_UNSUPPORTED\"");

        var body = await Query("""{ roadmap(id: "product:ct", maxDepth: 2) { years lanes { kind } svg: export(format: SVG) gantt: export(format: MERMAID_GANTT) } }""");
        body.ShouldNotContain("errors");
        body.ShouldContain("<svg xmlns=");
        body.ShouldContain("gantt\\n");
    }

    [Fact]
    public async Task Impact_of_a_scenario_answers_as_the_deprecated_ids_do()
    {
        var byIds = await Query("""{ impact(ids: ["component:vacuum-bearing"]) { products { node { id } severity } blockedCount atRiskCount } }""");
        var byScenario = await Query("""{ impact(scenario: { gaps: ["component:vacuum-bearing"] }) { products { node { id } severity } blockedCount atRiskCount } }""");

        byScenario.ShouldBe(byIds);
        byScenario.ShouldContain("product:photon-counting-ct");
    }

    [Fact]
    public async Task A_scenario_judges_as_of_its_year_and_resolved_takes_a_node_out()
    {
        // The test plan (2020) judges the photon-counting CT a domestic gap; in 2019 no plan had judged anything.
        (await Query("""{ before: impact(scenario: { assumeGaps: true, asOfYear: 2019 }) { gaps { id } } then: impact(scenario: { assumeGaps: true, asOfYear: 2020 }) { gaps { id } } resolved: impact(scenario: { assumeGaps: true, resolved: ["product:photon-counting-ct", "product:none"] }) { gaps { id } unknownIds } }"""))
            .ShouldBe("""{"data":{"before":{"gaps":[]},"then":{"gaps":[{"id":"product:photon-counting-ct"}]},"resolved":{"gaps":[],"unknownIds":["product:none"]}}}""");
    }

    [Theory]
    [InlineData("""impact(ids: ["component:ct-tube"], scenario: { gaps: ["component:ct-tube"] })""", "INVALID_ARGUMENT")]
    [InlineData("""impact""", "INVALID_ARGUMENT")]
    [InlineData("""impact(scenario: { gaps: ["component:ct-tube"] }, assumeGaps: true)""", "INVALID_ARGUMENT")]
    [InlineData("""impact(scenario: {})""", "ARGUMENT_OUT_OF_RANGE")]
    [InlineData("""impact(scenario: { assumeGaps: true, asOfYear: 1800 })""", "ARGUMENT_OUT_OF_RANGE")]
    [InlineData("""impact(scenario: { assumeGaps: true }, maxDepth: 11)""", "ARGUMENT_OUT_OF_RANGE")]
    public async Task A_scenario_out_of_bounds_is_refused_with_its_code(string field, string code)
    {
        (await Query($$"""{ {{field}} { blockedCount } }""")).ShouldContain($"\"code\":\"{code}\"");
    }

    [Fact]
    public async Task Scenario_id_lists_are_bounded()
    {
        var ids = string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"component:n{i}\""));
        (await Query($$"""{ impact(scenario: { gaps: [{{ids}}] }) { blockedCount } }""")).ShouldContain("\"code\":\"ARGUMENT_OUT_OF_RANGE\"");
        (await Query($$"""{ compareScenarios(base: { assumeGaps: true }, alternative: { assumeGaps: true, resolved: [{{ids}}] }) { counts { unblocked } } }"""))
            .ShouldContain("\"code\":\"ARGUMENT_OUT_OF_RANGE\"");
        (await Query($$"""{ node(id: "product:ct") { blockers(first: 101) { severity } } }""")).ShouldContain("\"code\":\"ARGUMENT_OUT_OF_RANGE\"");
    }

    [Fact]
    public async Task Comparing_scenarios_shows_what_localising_a_part_unblocks()
    {
        var body = await Query("""
            { compareScenarios(base: { gaps: ["component:vacuum-bearing"] }, alternative: { gaps: ["component:vacuum-bearing"], resolved: ["component:vacuum-bearing"] }) {
                counts { unblocked relieved cleared newlyHit worsened }
                kinds { kind unblocked { node { id } before after path { nodes { id } } } } } }
            """);

        // The four nodes the bearing blocks (Impact_gives_each_node_a_severity) and the bearing itself.
        body.ShouldContain("""{"counts":{"unblocked":5,"relieved":0,"cleared":0,"newlyHit":0,"worsened":0}""");
        body.ShouldContain("""{"node":{"id":"product:ct"},"before":"BLOCKED","after":null,"path":{"nodes":[{"id":"product:ct"},{"id":"component:ct-tube"},{"id":"component:vacuum-bearing"}]}}""");
    }

    [Fact]
    public async Task A_nodes_blockers_agree_with_impact()
    {
        var body = await Query("""
            { node(id: "product:ct") { blockers(scenario: { gaps: ["component:vacuum-bearing"] }) { severity inGapSet gapCount gaps { gap { id } distance chains { nodes { id } } } savingGroups { group } effectiveStatus }
                                       mine: blockers { severity gapCount effectiveStatus } } }
            """);

        body.ShouldBe("""{"data":{"node":{"blockers":{"severity":"BLOCKED","inGapSet":false,"gapCount":1,"gaps":[{"gap":{"id":"component:vacuum-bearing"},"distance":2,"chains":[{"nodes":[{"id":"product:ct"},{"id":"component:ct-tube"},{"id":"component:vacuum-bearing"}]}]}],"savingGroups":[],"effectiveStatus":"DOMESTIC_GAP"},"mine":{"severity":null,"gapCount":0,"effectiveStatus":"FOUNDATION"}}}}""");
    }

    [Fact]
    public async Task A_document_pages_through_what_it_states()
    {
        var all = await Query("""{ node(id: "document:test-plan") { ... on Document { states(first: 100) { totalCount edges { node { id } } } } } }""");
        var first = await Query("""{ node(id: "document:test-plan") { ... on Document { states(first: 3, kinds: [COMPONENT, PRODUCT]) { edges { node { id } } pageInfo { endCursor hasNextPage } } } } }""");
        var cursor = System.Text.Json.JsonDocument.Parse(first).RootElement.GetProperty("data").GetProperty("node").GetProperty("states").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var next = await Query($$"""{ node(id: "document:test-plan") { ... on Document { states(first: 3, kinds: [COMPONENT, PRODUCT], after: "{{cursor}}") { edges { node { id } } pageInfo { hasNextPage } } } } }""");

        all.ShouldContain("\"totalCount\":7"); // one technology, three components, two products, one program
        all.ShouldNotContain("\"document:test-plan\"");
        first.ShouldContain("""{"edges":[{"node":{"id":"component:ct-tube"}},{"node":{"id":"component:rotating-anode-target"}},{"node":{"id":"component:vacuum-bearing"}}],"pageInfo":{""");
        first.ShouldContain("\"hasNextPage\":true");
        next.ShouldContain("""{"edges":[{"node":{"id":"product:ct"}},{"node":{"id":"product:photon-counting-ct"}}],"pageInfo":{"hasNextPage":false}}""");
        (await Query("""{ node(id: "document:test-plan") { ... on Document { states(first: 101) { totalCount } } } }""")).ShouldContain("\"code\":\"ARGUMENT_OUT_OF_RANGE\"");
    }

    [Fact]
    public async Task Bottlenecks_rank_components_by_what_needs_them()
    {
        var body = await Query("""{ bottlenecks(kinds: [COMPONENT], first: 2) { node { id } dependentProducts dependentPrograms blockedProducts latestStatus } }""");

        body.ShouldBe("""{"data":{"bottlenecks":[{"node":{"id":"component:ct-tube"},"dependentProducts":2,"dependentPrograms":1,"blockedProducts":2,"latestStatus":null},{"node":{"id":"component:rotating-anode-target"},"dependentProducts":2,"dependentPrograms":1,"blockedProducts":2,"latestStatus":null}]}}""");
    }

    [Fact]
    public async Task Timeline_lists_assessments_and_is_empty_for_an_unknown_id()
    {
        (await Query("""{ timeline(id: "product:photon-counting-ct") { status year document { id } source { quote } } nothing: timeline(id: "product:none") { year } }"""))
            .ShouldBe("""{"data":{"timeline":[{"status":"DOMESTIC_GAP","year":2020,"document":{"id":"document:test-plan"},"source":{"quote":"鼓励国内空白的光子计数 CT 产业化"}}],"nothing":[]}}""");
    }

    [Fact]
    public async Task Changes_need_a_later_to_year()
    {
        (await Query("""{ changes(fromYear: 2021, toYear: 2016) { direction } }""")).ShouldContain("\"code\":\"INVALID_ARGUMENT\"");
        (await Query("""{ changes(fromYear: 2019, toYear: 2021) { direction } }""")).ShouldBe("""{"data":{"changes":[]}}""");
    }

    [Fact]
    public async Task Compare_documents_is_null_for_a_non_document()
    {
        (await Query("""{ compareDocuments(a: "document:test-plan", b: "product:ct") { both { id } } }""")).ShouldBe("""{"data":{"compareDocuments":null}}""");
        (await Query("""{ compareDocuments(a: "document:test-plan", b: "document:test-plan") { onlyA { id } onlyB { id } } }""")).ShouldBe("""{"data":{"compareDocuments":{"onlyA":[],"onlyB":[]}}}""");
    }

    [Fact]
    public async Task Roadmap_lays_a_product_out_by_layer_and_exports_it()
    {
        var body = await Query("""{ roadmap(id: "product:ct") { layers { kind nodes { id } } targets { product { id } target { value } } periods { program { id } period { start end } } export(format: MERMAID) } }""");

        body.ShouldStartWith("""{"data":{"roadmap":{"layers":[{"kind":"PROGRAM","nodes":[{"id":"program:demo"}]},{"kind":"PRODUCT","nodes":[{"id":"product:ct"}]},{"kind":"COMPONENT","nodes":[{"id":"component:ct-tube"},{"id":"component:rotating-anode-target"},{"id":"component:vacuum-bearing"}]},{"kind":"TECHNOLOGY","nodes":[{"id":"technology:image-reconstruction"}]}],"targets":[{"product":{"id":"product:ct"},"target":{"value":256}}],"periods":[{"program":{"id":"program:demo"},"period":{"start":2020,"end":2022}}],"export":"flowchart LR\n""");
        (await Query("""{ roadmap(id: "product:none") { truncated } }""")).ShouldBe("""{"data":{"roadmap":null}}""");
    }

    [Theory]
    [InlineData("GRAPHML", "<graphml")]
    [InlineData("CSV", "record,id,kind")]
    public async Task Subgraphs_export_to_graphml_and_csv(string format, string start)
    {
        var body = await Query($$"""{ dependencies(id: "product:ct") { export(format: {{format}}) } }""");

        body.ShouldContain(start);
    }
}
