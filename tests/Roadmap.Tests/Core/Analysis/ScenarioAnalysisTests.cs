using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;

namespace Roadmap.Tests.Core.Analysis;

public class ScenarioAnalysisTests
{
    private static readonly Source Src = new("document:test", "1", "test");

    private static Edge E(string from, string to, string? group = null) => new(from, TestGraphs.TypeFor(from, to), to, [Src], group);

    private static Node Judged(string id, params (AssessmentStatus Status, int Year)[] judgements) =>
        TestGraphs.NodeFor(id) with { Assessments = [.. judgements.Select(j => new Assessment(j.Status, j.Year, Src))] };

    // An endoscope needs an image sensor (a CCD or a CMOS sensor) and a light source; a program targets it and a
    // capsule endoscope, which needs the light source too.
    private static GraphIndex Endoscopes(params Node[] judged)
    {
        Edge[] edges =
        [
            E("product:endoscope", "component:ccd", "image-sensor"), E("product:endoscope", "component:cmos", "image-sensor"),
            E("product:endoscope", "component:light-source"), E("product:capsule", "component:light-source"),
            E("program:p", "product:endoscope"), E("program:p", "product:capsule"),
        ];
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Select(id => judged.FirstOrDefault(n => n.Id == id) ?? TestGraphs.NodeFor(id)).ToList();
        return new GraphIndex(new GraphData(nodes, edges));
    }

    [Fact]
    public void The_gap_set_judges_as_of_the_year_and_resolved_wins_over_named_and_judged_gaps()
    {
        var graph = Endoscopes(Judged("component:ccd", (AssessmentStatus.ImportDependent, 2016), (AssessmentStatus.Breakthrough, 2021)));

        new Scenario { AssumeGaps = true, AsOfYear = 2018 }.GapIds(graph).ShouldBe(["component:ccd"]);
        new Scenario { AssumeGaps = true, AsOfYear = 2021 }.GapIds(graph).ShouldBeEmpty();
        new Scenario { AssumeGaps = true, AsOfYear = 2015 }.GapIds(graph).ShouldBeEmpty();
        new Scenario { Gaps = ["component:light-source", "component:cmos"], AssumeGaps = true, AsOfYear = 2016, Resolved = ["component:ccd", "component:cmos"] }
            .GapIds(graph).ShouldBe(["component:light-source"]);
        ScenarioAnalysis.Impact(graph, new Scenario { Gaps = ["component:ccd"], Resolved = ["component:none"] }, 8).UnknownIds.ShouldBe(["component:none"]);
    }

    [Fact]
    public void Comparing_scenarios_sorts_the_nodes_that_fare_better_or_worse_with_the_chain_that_explains_each()
    {
        var graph = Endoscopes();
        var oneSensor = ScenarioAnalysis.Impact(graph, new Scenario { Gaps = ["component:ccd"] }, 8);
        var bothSensors = ScenarioAnalysis.Impact(graph, new Scenario { Gaps = ["component:ccd", "component:cmos"] }, 8);
        var light = ScenarioAnalysis.Impact(graph, new Scenario { Gaps = ["component:light-source"] }, 8);

        var worse = ScenarioAnalysis.Compare(oneSensor, bothSensors);
        var products = worse.Kinds.Single(k => k.Kind == NodeKind.Product);
        products.Worsened.Select(c => c.Node.Id).ShouldBe(["product:endoscope"]);
        products.Worsened[0].Path.Nodes.Select(n => n.Id).ShouldBe(["product:endoscope", "component:ccd"]);
        // The CMOS sensor joins the gap set: newly hit, and BLOCKED as a gap is.
        worse.Kinds.Single(k => k.Kind == NodeKind.Component).NewlyHit.Select(c => (c.Node.Id, c.Before, c.After)).ShouldBe([("component:cmos", (ImpactSeverity?)null, (ImpactSeverity?)ImpactSeverity.Blocked)]);
        worse.Kinds.Single(k => k.Kind == NodeKind.Component).All.Count().ShouldBe(1);

        var better = ScenarioAnalysis.Compare(light, oneSensor);
        better.Kinds.Single(k => k.Kind == NodeKind.Product).Unblocked.Select(c => c.Node.Id).ShouldBe(["product:capsule"]);
        better.Kinds.Single(k => k.Kind == NodeKind.Product).Relieved.Select(c => c.Node.Id).ShouldBe(["product:endoscope"]);
        better.Kinds.Single(k => k.Kind == NodeKind.Program).Relieved.Select(c => c.Node.Id).ShouldBe(["program:p"]);
        var resolved = better.Kinds.Single(k => k.Kind == NodeKind.Component).Unblocked.ShouldHaveSingleItem();
        (resolved.Node.Id, resolved.Path.Length).ShouldBe(("component:light-source", 0));
        better.Kinds.Single(k => k.Kind == NodeKind.Component).NewlyHit.Select(c => c.Node.Id).ShouldBe(["component:ccd"]);
    }

    [Fact]
    public void Blockers_name_the_gaps_below_the_chains_to_them_and_the_group_that_saves_the_node()
    {
        var blockers = ScenarioAnalysis.Blockers(Endoscopes(), "product:endoscope", new Scenario { Gaps = ["component:ccd"] }, 20, 3)!;

        blockers.Severity.ShouldBe(ImpactSeverity.AtRisk);
        blockers.InGapSet.ShouldBeFalse();
        blockers.Gaps.ShouldHaveSingleItem().Gap.Id.ShouldBe("component:ccd");
        blockers.Gaps[0].Chains.ShouldHaveSingleItem().Nodes.Select(n => n.Id).ShouldBe(["product:endoscope", "component:ccd"]);
        var saving = blockers.SavingGroups.ShouldHaveSingleItem();
        (saving.Owner.Id, saving.Group, saving.Available.Single().Id, saving.Blocked.Single().Id).ShouldBe(("product:endoscope", "image-sensor", "component:cmos", "component:ccd"));

        ScenarioAnalysis.Blockers(Endoscopes(), "product:endoscope", new Scenario { Gaps = ["component:light-source"] }, 20, 3)!.Severity.ShouldBe(ImpactSeverity.Blocked);
        ScenarioAnalysis.Blockers(Endoscopes(), "product:capsule", new Scenario { Gaps = ["component:ccd"] }, 20, 3)!.Severity.ShouldBeNull();
        ScenarioAnalysis.Blockers(Endoscopes(), "product:none", new Scenario(), 20, 3).ShouldBeNull();
    }

    [Fact]
    public void A_product_whose_needs_are_localised_but_one_import_dependent_part_without_alternative_is_not_ready()
    {
        var graph = Endoscopes(
            Judged("product:endoscope", (AssessmentStatus.Breakthrough, 2021)),
            Judged("component:ccd", (AssessmentStatus.Breakthrough, 2021)),
            Judged("component:cmos", (AssessmentStatus.DomesticGap, 2021)),
            Judged("component:light-source", (AssessmentStatus.ImportDependent, 2021)));

        ScenarioAnalysis.Blockers(graph, "product:endoscope", new Scenario(), 20, 3)!.EffectiveStatus.ShouldBe(AssessmentStatus.ImportDependent);
        // Localising the light source leaves the best sensor's judgement: the CCD, localised.
        ScenarioAnalysis.Blockers(graph, "product:endoscope", new Scenario { Resolved = ["component:light-source"] }, 20, 3)!.EffectiveStatus
            .ShouldBe(AssessmentStatus.Breakthrough);
        // A program is as ready as the best of what it covers.
        ScenarioAnalysis.Blockers(graph, "program:p", new Scenario(), 20, 3)!.EffectiveStatus.ShouldBe(AssessmentStatus.ImportDependent);
    }
}
