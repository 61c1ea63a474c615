using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;

namespace Roadmap.Tests.Core.Analysis;

public class InheritedNeedsTests
{
    [Fact]
    public void A_variant_inherits_its_general_nodes_needs_with_the_clause_that_states_them()
    {
        var rows = InheritedNeeds.Of(TestSeeds.Graph);

        rows.Select(r => (r.Variant.Id, r.General.Id, r.Need.Id)).ShouldBe([
            ("product:photon-counting-ct", "product:ct", "component:ct-tube"),
            ("product:photon-counting-ct", "product:ct", "technology:image-reconstruction"),
        ]);
        rows[0].Edge.Sources.Single().Quote.ShouldBe("关键部件：大热容量球管");
        rows[0].Chain.ShouldBeEmpty();
    }

    [Fact]
    public void A_variant_of_a_variant_inherits_through_the_chain_and_each_ancestor_once()
    {
        static Node Product(string id) => new() { Id = id, Kind = NodeKind.Product, NameZh = id, NameEn = id };
        static Edge Edge(string from, EdgeType type, string to) => new(from, type, to, [new Source("document:d", "一", from + to)]);
        var graph = new GraphData(
            [Product("product:a"), Product("product:b"), Product("product:c"), Product("product:part")],
            [
                Edge("product:c", EdgeType.VariantOf, "product:b"),
                Edge("product:b", EdgeType.VariantOf, "product:a"),
                // A second route to the same ancestor must not report its needs twice.
                Edge("product:c", EdgeType.VariantOf, "product:a"),
                Edge("product:a", EdgeType.Requires, "product:part"),
            ]);

        var rows = InheritedNeeds.Of(graph);

        rows.Select(r => (r.Variant.Id, string.Join(",", r.Chain.Select(n => n.Id)), r.General.Id)).ShouldBe([
            ("product:b", "", "product:a"),
            ("product:c", "", "product:a"),
        ]);
    }

    [Fact]
    public void A_need_of_the_class_as_a_whole_is_listed_with_its_class_and_inherited_by_no_member()
    {
        var graph = TestGraphs.Build(
            "product:ivd>CLASS>technology:microfluidics", "product:ivd>component:chip",
            "product:kit>VARIANT_OF>product:ivd", "product:analyser>VARIANT_OF>product:ivd");

        InheritedNeeds.Of(graph).Select(r => (r.Variant.Id, r.Need.Id)).ShouldBe([("product:analyser", "component:chip"), ("product:kit", "component:chip")]);
        InheritedNeeds.OfClasses(graph).Select(r => (r.Class.Id, r.MemberCount, r.Need.Id)).ShouldBe([("product:ivd", 2, "technology:microfluidics")]);
    }

    [Fact]
    public void The_judgements_to_review_are_the_ones_read_from_wording()
    {
        var source = new Source("document:d", "一", "推动…升级换代");
        var read = new Assessment(AssessmentStatus.Foundation, 2021, source) { Basis = AssessmentBasis.Read, Note = "upgrade read as a base" };
        var graph = new GraphData(
            [
                TestGraphs.NodeFor("product:a") with { Assessments = [new Assessment(AssessmentStatus.ImportDependent, 2016, source), read] },
                TestGraphs.NodeFor("product:b") with { Assessments = [new Assessment(AssessmentStatus.DomesticGap, 2016, source)] },
            ],
            []);

        JudgementsToReview.Of(graph).ShouldBe([new JudgementToReview(graph.Nodes[0], read)]);
    }
}
