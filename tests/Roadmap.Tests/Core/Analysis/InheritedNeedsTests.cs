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
}
