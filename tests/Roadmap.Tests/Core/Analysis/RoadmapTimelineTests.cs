using System.Xml.Linq;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;

namespace Roadmap.Tests.Core.Analysis;

public class RoadmapTimelineTests
{
    private static readonly Source Early = new("document:early", "1", "early");
    private static readonly Source Late = new("document:late", "1", "late");

    // Two plans: one of 2016 (period 2016-2020), one of 2021 (2021-2025). A program of 2018-2020 targets a CT; the CT is
    // stated by both, judged import-dependent in 2016 and a breakthrough in 2021, with a target the early plan gives no
    // year for and a "year by which" target of the late plan. Its tube is stated by the late plan only.
    private static GraphIndex Graph()
    {
        Node Doc(string id, int year, int end) => new() { Id = id, Kind = NodeKind.Document, NameZh = id, NameEn = id, Year = year, Period = new Period(year, end) };
        var program = TestGraphs.NodeFor("program:industrialisation") with { Sources = [Early], Period = new Period(2018, 2020) };
        var ct = TestGraphs.NodeFor("product:ct") with
        {
            Sources = [Early, Late],
            Assessments = [new Assessment(AssessmentStatus.ImportDependent, 2016, Early), new Assessment(AssessmentStatus.Breakthrough, 2021, Late)],
            Targets =
            [
                new Quantity("detector rows", Comparator.Gte, 256, null, "rows", Early),
                new Quantity("year by which it is in application", Comparator.Lte, 2025, null, "year", Late),
            ],
        };
        var tube = TestGraphs.NodeFor("component:tube") with { Sources = [Late] };
        return new GraphIndex(new GraphData(
            [Doc("document:early", 2016, 2020), Doc("document:late", 2021, 2025), program, ct, tube],
            [new Edge("program:industrialisation", EdgeType.Targets, "product:ct", [Early]), new Edge("product:ct", EdgeType.Requires, "component:tube", [Late])]));
    }

    [Fact]
    public void Roadmap_lays_programs_by_period_and_other_nodes_by_the_years_of_their_plans()
    {
        var roadmap = Analytics.Roadmap(Graph(), "product:ct", 6)!;

        roadmap.Years.ShouldBe(Enumerable.Range(2016, 10).ToList()); // to the late target's 2025
        roadmap.Lanes.Select(l => l.Kind).ShouldBe([NodeKind.Program, NodeKind.Product, NodeKind.Component]);
        var items = roadmap.Lanes.SelectMany(l => l.Items).ToDictionary(i => i.Node.Id);
        (items["program:industrialisation"].StartYear, items["program:industrialisation"].EndYear, items["program:industrialisation"].Span)
            .ShouldBe((2018, 2020, RoadmapSpan.ProgramPeriod));
        (items["product:ct"].StartYear, items["product:ct"].EndYear, items["product:ct"].Span).ShouldBe((2016, 2021, RoadmapSpan.StatedYears));
        (items["component:tube"].StartYear, items["component:tube"].EndYear).ShouldBe((2021, 2021));
    }

    [Fact]
    public void Each_year_carries_the_judgement_in_force_by_the_rule_statusIn_filters_by()
    {
        var graph = Graph();
        var ct = Analytics.Roadmap(graph, "product:ct", 6)!.Lanes.Single(l => l.Kind == NodeKind.Product).Items.Single();

        ct.Statuses.Select(s => (s.Year, s.Assessment.Status)).ShouldBe(
            Enumerable.Range(2016, 5).Select(y => (y, AssessmentStatus.ImportDependent))
                .Concat(Enumerable.Range(2021, 5).Select(y => (y, AssessmentStatus.Breakthrough))).ToList());
        ct.Statuses.ShouldAllBe(s => s.Assessment == ct.Node.StatusAt(s.Year));
        Analytics.Roadmap(graph, "product:ct", 6)!.Lanes.Single(l => l.Kind == NodeKind.Component).Items.Single().Statuses.ShouldBeEmpty();
    }

    [Fact]
    public void A_target_is_due_when_its_plan_says_and_else_at_the_end_of_the_plans_period()
    {
        var ct = Analytics.Roadmap(Graph(), "product:ct", 6)!.Lanes.Single(l => l.Kind == NodeKind.Product).Items.Single();

        ct.Milestones.Select(m => (m.DueYear, m.DueYearStated, m.Label)).ShouldBe([
            (2020, false, "detector rows ≥ 256 rows"),
            (2025, true, "year by which it is in application ≤ 2025 year"),
        ]);
        RoadmapTimeline.DueYear(Graph(), new Quantity("market share", Comparator.Gt, 30, null, "%", Early with { Quote = "到2030年,国产设备市场占有率超过30%" }))
            .ShouldBe((2030, true));
    }

    [Fact]
    public void The_svg_draws_a_bar_per_item_a_chip_per_judged_year_and_a_milestone_per_due_year()
    {
        var roadmap = Analytics.Roadmap(Graph(), "product:ct", 6)!;

        var svg = XDocument.Parse(Export.Write(ExportFormat.Svg, roadmap));
        XNamespace ns = "http://www.w3.org/2000/svg";
        svg.Root!.Attribute("font-family")!.Value.ShouldStartWith("'Noto Sans CJK SC'");
        Classed(svg, "bar").Count().ShouldBe(roadmap.Lanes.Sum(l => l.Items.Count));
        Classed(svg, "chip").Count().ShouldBe(roadmap.Lanes.SelectMany(l => l.Items).Sum(i => i.Statuses.Count));
        Classed(svg, "milestone").Count().ShouldBe(2);
        // Self-contained: nothing is fetched from elsewhere.
        svg.Descendants().Attributes().ShouldNotContain(a => a.Name.LocalName == "href");
        svg.Descendants(ns + "text").Select(t => t.Value).ShouldContain("2025");
    }

    [Fact]
    public void The_gantt_chart_has_a_section_per_lane_and_a_task_per_item_and_due_year()
    {
        var roadmap = Analytics.Roadmap(Graph(), "product:ct", 6)!;

        var lines = Export.Write(ExportFormat.MermaidGantt, roadmap).Split('\n');
        lines[0].ShouldBe("gantt");
        lines.Count(l => l.StartsWith("  section ", StringComparison.Ordinal)).ShouldBe(roadmap.Lanes.Count);
        lines.ShouldContain("  product：ct product：ct :t1, 2016, 2022");
        lines.ShouldContain("  program：industrialisation program：industrialisation :active, t0, 2018, 2021");
        lines.Count(l => l.Contains(":milestone,", StringComparison.Ordinal)).ShouldBe(2);
    }

    private static IEnumerable<XElement> Classed(XDocument svg, string cls) => svg.Descendants().Where(e => (string?)e.Attribute("class") == cls);

    /// <summary>The MRI roadmap shown in docs/analyses.md: real output, rewritten with UPDATE_README=1 and checked equal otherwise.</summary>
    [Fact]
    public void The_committed_mri_roadmap_picture_is_what_the_export_draws()
    {
        var graph = new GraphIndex(SeedLoader.Load(Repo.Seeds).Graph);
        var svg = Export.Write(ExportFormat.Svg, Analytics.Roadmap(graph, MriRoadmap.Id, MriRoadmap.Depth)!);
        var path = Path.Combine(Repo.Root, "docs", "images", "roadmap-mri.svg");
        if (Environment.GetEnvironmentVariable("UPDATE_README") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, svg);
        }
        File.Exists(path).ShouldBeTrue("docs/images/roadmap-mri.svg is missing: run the tests with UPDATE_README=1");
        File.ReadAllText(path).ShouldBe(svg, "docs/images/roadmap-mri.svg is out of date: run the tests with UPDATE_README=1");
    }
}

/// <summary>The roadmap the docs draw: the MRI system, two edges each way.</summary>
internal static class MriRoadmap
{
    public const string Id = "product:mri";
    public const int Depth = 2;
}
