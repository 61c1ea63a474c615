using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage;

namespace Roadmap.Tests.Core.Analysis;

public class AnalyticsTests
{
    private static readonly Source Src = new("document:test", "1", "test");

    private static Edge E(string from, string to, string? group = null, EdgeType? type = null) =>
        new(from, type ?? TestGraphs.TypeFor(from, to), to, [Src], group);

    private static GraphIndex Graph(IEnumerable<Node> extra, params Edge[] edges)
    {
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Select(TestGraphs.NodeFor)
            .Where(n => !extra.Any(x => x.Id == n.Id)).Concat(extra).ToList();
        return new GraphIndex(new GraphData(nodes, edges));
    }

    // An endoscope needs an image sensor: a CCD or a CMOS sensor (alternatives), and a light source (hard).
    // A camera module, itself a component, needs either a CMOS sensor or a CCD too: a second level of alternatives.
    // The program targets the endoscope and a capsule endoscope, which needs the camera module.
    private static readonly GraphIndex Endoscopes = Graph([],
        E("product:endoscope", "component:ccd", "image-sensor"),
        E("product:endoscope", "component:cmos", "image-sensor"),
        E("product:endoscope", "component:light-source"),
        E("component:camera-module", "component:cmos", "sensor"),
        E("component:camera-module", "component:ccd", "sensor"),
        E("product:capsule-endoscope", "component:camera-module"),
        E("program:p", "product:endoscope"),
        E("program:p", "product:capsule-endoscope"));

    private static Dictionary<string, ImpactSeverity> Severities(GraphIndex graph, params string[] gaps) =>
        GraphAlgorithms.Impact(graph, gaps, 10).Impacted.ToDictionary(i => i.Node.Id, i => i.Severity);

    [Fact]
    public void Impact_reports_at_risk_while_an_alternative_remains()
    {
        var severity = Severities(Endoscopes, "component:ccd");

        severity["product:endoscope"].ShouldBe(ImpactSeverity.AtRisk);
        severity["component:camera-module"].ShouldBe(ImpactSeverity.AtRisk);
        severity["product:capsule-endoscope"].ShouldBe(ImpactSeverity.AtRisk);
        severity["program:p"].ShouldBe(ImpactSeverity.AtRisk);
    }

    [Fact]
    public void Impact_reports_blocked_when_every_alternative_is_a_gap_through_two_levels()
    {
        var severity = Severities(Endoscopes, "component:ccd", "component:cmos");

        severity["product:endoscope"].ShouldBe(ImpactSeverity.Blocked);
        severity["component:camera-module"].ShouldBe(ImpactSeverity.Blocked);
        severity["product:capsule-endoscope"].ShouldBe(ImpactSeverity.Blocked); // through the blocked module, a hard need
        severity["program:p"].ShouldBe(ImpactSeverity.Blocked); // everything it covers is blocked
    }

    [Fact]
    public void A_hard_requirement_blocks_and_a_program_is_at_risk_while_something_it_covers_survives()
    {
        var severity = Severities(Endoscopes, "component:light-source");

        severity["product:endoscope"].ShouldBe(ImpactSeverity.Blocked);
        severity["program:p"].ShouldBe(ImpactSeverity.AtRisk);
        severity.ShouldNotContainKey("product:capsule-endoscope");
    }

    [Fact]
    public void A_variant_is_blocked_with_its_general_node()
    {
        var graph = Graph([],
            E("product:robot", "component:reducer"),
            E("product:orthopaedic-robot", "product:robot", type: EdgeType.VariantOf));

        Severities(graph, "component:reducer")["product:orthopaedic-robot"].ShouldBe(ImpactSeverity.Blocked);
    }

    [Fact]
    public void A_class_in_the_gap_set_puts_its_variants_at_risk_but_does_not_block_them()
    {
        var graph = Graph([],
            E("product:ct", "product:imaging-equipment", type: EdgeType.VariantOf),
            E("product:imaging-equipment", "technology:imaging"));

        Severities(graph, "product:imaging-equipment")["product:ct"].ShouldBe(ImpactSeverity.AtRisk);
        Severities(graph, "technology:imaging")["product:ct"].ShouldBe(ImpactSeverity.Blocked); // the class's need is the variant's need
    }

    [Fact]
    public void Assumed_gaps_are_the_nodes_last_judged_a_gap_or_import_dependent()
    {
        Assessment Judged(AssessmentStatus status, int year) => new(status, year, Src);
        var graph = Graph(
            [
                TestGraphs.NodeFor("component:magnet") with { Assessments = [Judged(AssessmentStatus.Breakthrough, 2016), Judged(AssessmentStatus.ImportDependent, 2021)] },
                TestGraphs.NodeFor("component:coil") with { Assessments = [Judged(AssessmentStatus.DomesticGap, 2015), Judged(AssessmentStatus.Advanced, 2021)] },
            ],
            E("product:mri", "component:magnet"), E("product:mri", "component:coil"));

        Analytics.AssessedGaps(graph).ShouldBe(["component:magnet"]);
    }

    [Fact]
    public void Bottlenecks_rank_by_dependents_then_blocked_products_then_id()
    {
        // a and b are each needed by two products; only a is a hard need of both, b has an alternative (c) for one.
        var graph = Graph([],
            E("product:x", "component:a"), E("product:y", "component:a"),
            E("product:x", "component:b"), E("product:y", "component:b", "g"), E("product:y", "component:c", "g"),
            E("product:z", "component:d"), E("product:w", "component:e"),
            E("program:p", "product:x"));

        var ranking = Analytics.Bottlenecks(graph, new HashSet<NodeKind> { NodeKind.Component }, null, 10);

        ranking.Select(b => (b.Node.Id, b.DependentProducts, b.DependentPrograms, b.BlockedProducts)).ShouldBe([
            ("component:a", 2, 1, 2),
            ("component:b", 2, 1, 1),
            ("component:d", 1, 0, 1), // ties with e on every count: id order decides
            ("component:e", 1, 0, 1),
            ("component:c", 1, 0, 0), // as many dependents as d and e, but blocks nothing alone
        ]);
        Analytics.Bottlenecks(graph, null, null, 2).Count.ShouldBe(2);
    }

    [Fact]
    public void Bottlenecks_filter_by_latest_status()
    {
        var graph = Graph(
            [TestGraphs.NodeFor("component:a") with { Assessments = [new(AssessmentStatus.ImportDependent, 2021, Src)] }],
            E("product:x", "component:a"), E("product:x", "component:b"));

        Analytics.Bottlenecks(graph, null, new HashSet<AssessmentStatus> { AssessmentStatus.ImportDependent }, 10)
            .Select(b => b.Node.Id).ShouldBe(["component:a"]);
    }

    [Fact]
    public void Changes_compare_the_judgement_in_force_and_take_the_worst_of_a_year_with_several_plans()
    {
        Assessment J(AssessmentStatus status, int year, string doc) => new(status, year, new Source(doc, "1", "q"));
        var graph = new GraphIndex(new GraphData(
        [
            // 2017: two plans judge the tube, one import-dependent, one foundation: the worst stands for 2017.
            TestGraphs.NodeFor("component:tube") with { Assessments = [J(AssessmentStatus.DomesticGap, 2015, "document:a"), J(AssessmentStatus.Foundation, 2017, "document:b"), J(AssessmentStatus.ImportDependent, 2017, "document:c"), J(AssessmentStatus.Breakthrough, 2021, "document:d")] },
            TestGraphs.NodeFor("product:ct") with { Assessments = [J(AssessmentStatus.Advanced, 2016, "document:a"), J(AssessmentStatus.Foundation, 2018, "document:b")] },
            TestGraphs.NodeFor("product:mri") with { Assessments = [J(AssessmentStatus.Foundation, 2016, "document:a")] },
        ], []));

        var changes = Analytics.Changes(graph, 2016, 2018);
        changes.Select(c => (c.Node.Id, c.From.Status, c.To.Status, c.Direction)).ShouldBe([
            ("component:tube", AssessmentStatus.DomesticGap, AssessmentStatus.ImportDependent, ChangeDirection.Improved),
            ("product:ct", AssessmentStatus.Advanced, AssessmentStatus.Foundation, ChangeDirection.Worsened),
        ]);
        graph.NodeAt(graph.IndexOf("component:tube")).StatusAt(2017)!.Status.ShouldBe(AssessmentStatus.ImportDependent);
        Analytics.Changes(graph, 2021, 2025).ShouldBeEmpty();
    }

    [Fact]
    public void Compare_documents_splits_nodes_by_the_plans_that_cite_them()
    {
        Node Cited(string id, params string[] docs) => TestGraphs.NodeFor(id) with { Sources = docs.Select(d => new Source(d, "1", "q")).ToList() };
        var graph = new GraphIndex(new GraphData(
        [
            Cited("document:a", "document:a"), Cited("document:b", "document:b"),
            Cited("product:both", "document:a", "document:b"), Cited("product:old", "document:a"), Cited("product:new", "document:b"),
        ], []));

        var result = Analytics.CompareDocuments(graph, "document:a", "document:b")!;

        result.Both.Select(n => n.Id).ShouldBe(["product:both"]);
        result.OnlyA.Select(n => n.Id).ShouldBe(["product:old"]);
        result.OnlyB.Select(n => n.Id).ShouldBe(["product:new"]);
        Analytics.CompareDocuments(graph, "document:a", "product:new").ShouldBeNull();
        Analytics.CompareDocuments(graph, "document:a", "document:none").ShouldBeNull();
    }

    [Fact]
    public void Compare_documents_also_compares_edges_targets_and_judgements()
    {
        Source In(string doc) => new(doc, "1", "q");
        var (a, b) = (In("document:a"), In("document:b"));
        var ct = TestGraphs.NodeFor("product:ct") with
        {
            Sources = [a, b],
            Targets =
            [
                new Quantity("detector rows", Comparator.Gte, 64, null, "rows", a), new Quantity("detector rows", Comparator.Gte, 256, null, "rows", b),
                new Quantity("spatial resolution", Comparator.Lt, 5, null, "mm", a), new Quantity("spatial resolution", Comparator.Lt, 5, null, "mm", b),
                new Quantity("scan time", Comparator.Lt, 1, null, "s", b),
            ],
            Assessments = [new Assessment(AssessmentStatus.ImportDependent, 2016, a), new Assessment(AssessmentStatus.Breakthrough, 2021, b)],
        };
        var tube = TestGraphs.NodeFor("component:tube") with { Sources = [a, b], Assessments = [new Assessment(AssessmentStatus.Foundation, 2016, a), new Assessment(AssessmentStatus.Foundation, 2021, b)] };
        var graph = new GraphIndex(new GraphData(
            [TestGraphs.NodeFor("document:a") with { Sources = [a] }, TestGraphs.NodeFor("document:b") with { Sources = [b] }, ct, tube,
             TestGraphs.NodeFor("component:detector") with { Sources = [b] }, TestGraphs.NodeFor("technology:brazing") with { Sources = [a] }],
            [
                new Edge("product:ct", EdgeType.Requires, "component:tube", [a, b]),
                new Edge("product:ct", EdgeType.Requires, "component:detector", [b]),
                new Edge("component:tube", EdgeType.UsesTechnology, "technology:brazing", [a]),
            ]));

        var result = Analytics.CompareDocuments(graph, "document:a", "document:b")!;

        result.EdgesBoth.Select(e => e.Key.ToString()).ShouldBe(["product:ct -REQUIRES-> component:tube"]);
        result.EdgesOnlyA.Select(e => e.Key.ToString()).ShouldBe(["component:tube -USES_TECHNOLOGY-> technology:brazing"]);
        result.EdgesOnlyB.Select(e => e.Key.ToString()).ShouldBe(["product:ct -REQUIRES-> component:detector"]);
        result.ChangedTargets.Select(t => (t.Node.Id, t.InA.Metric, t.InA.Value, t.InB.Value)).ShouldBe([("product:ct", "detector rows", 64.0, 256.0)]);
        result.ChangedAssessments.Select(x => (x.Node.Id, x.InA.Status, x.InB.Status, x.Direction))
            .ShouldBe([("product:ct", AssessmentStatus.ImportDependent, AssessmentStatus.Breakthrough, ChangeDirection.Improved)]);
    }

    [Fact]
    public void Roadmap_lays_out_programs_above_and_dependencies_below_by_layer()
    {
        var graph = Graph(
            [
                TestGraphs.NodeFor("program:plan") with { Period = new Period(2021, 2025) },
                TestGraphs.NodeFor("program:action") with { Period = new Period(2021, null) },
                TestGraphs.NodeFor("product:ct") with { Targets = [new Quantity("slices", Comparator.Gte, 256, null, "slices", Src)] },
            ],
            new Edge("program:plan", EdgeType.Includes, "program:action", [Src]),
            E("program:action", "product:ct"), E("product:ct", "component:tube"), E("component:tube", "technology:brazing"),
            E("product:other", "component:tube"));

        var roadmap = Analytics.Roadmap(graph, "product:ct", 6)!;

        roadmap.Layers.Select(l => (l.Kind, string.Join(",", l.Nodes.Select(n => n.Id)))).ShouldBe([
            (NodeKind.Program, "program:action,program:plan"),
            (NodeKind.Product, "product:ct"),
            (NodeKind.Component, "component:tube"),
            (NodeKind.Technology, "technology:brazing"),
        ]);
        roadmap.Edges.Count.ShouldBe(4);
        roadmap.Targets.ShouldHaveSingleItem().Target.Value.ShouldBe(256);
        roadmap.Periods.Select(p => p.Program.Id).ShouldBe(["program:action", "program:plan"]);
        Analytics.Roadmap(graph, "product:none", 6).ShouldBeNull();
    }

    [Fact]
    public void Export_writes_mermaid_graphml_and_csv_with_every_node_and_edge()
    {
        var nodes = Endoscopes.Nodes.Where(n => n.Id is "product:endoscope" or "component:ccd" or "component:light-source").ToList();
        var edges = Endoscopes.Edges;

        var mermaid = Export.Write(ExportFormat.Mermaid, nodes, edges);
        mermaid.ShouldStartWith("flowchart LR\n");
        mermaid.Split('\n').Count(l => l.Contains("-->|REQUIRES|", StringComparison.Ordinal)).ShouldBe(1);
        mermaid.Split('\n').Count(l => l.Contains("-.->|REQUIRES|", StringComparison.Ordinal)).ShouldBe(1); // the alternative, dashed

        var graphml = System.Xml.Linq.XDocument.Parse(Export.Write(ExportFormat.Graphml, nodes, edges));
        XNamespaceCount(graphml, "node").ShouldBe(3);
        XNamespaceCount(graphml, "edge").ShouldBe(2);

        var csv = Export.Write(ExportFormat.Csv, nodes, edges).TrimEnd('\n').Split('\n');
        csv[0].ShouldStartWith("record,id,kind");
        csv.Count(l => l.StartsWith("node,", StringComparison.Ordinal)).ShouldBe(3);
        csv.Count(l => l.StartsWith("edge,", StringComparison.Ordinal)).ShouldBe(2);
    }

    private static int XNamespaceCount(System.Xml.Linq.XDocument doc, string element) =>
        doc.Descendants(System.Xml.Linq.XName.Get(element, "http://graphml.graphdrawing.org/xmlns")).Count();
}
