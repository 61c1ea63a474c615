using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;
using Xunit.Abstractions;

namespace Roadmap.Tests.Core.Seeds;

public class CoverageTests(ITestOutputHelper output)
{
    private static readonly GraphData Seeds = SeedLoader.Load(Repo.Seeds).Graph;

    private static string Documents => Path.Combine(Repo.Seeds, "documents");

    [Fact]
    public void Every_item_of_the_002_appendix_and_003_column_1_is_a_node()
    {
        var results = Coverage.Check(Seeds, Documents);
        foreach (var list in results)
        {
            output.WriteLine($"{list.Found}/{list.ItemCount} {list.List}{(list.Required ? "" : " (reported)")}");
            foreach (var item in list.Missing) output.WriteLine("    missing: " + item);
        }

        results.Where(r => r.Required).ShouldAllBe(r => r.Missing.Count == 0 && r.ItemCount > 20);
        results.Count(r => r.Required).ShouldBe(2);
    }

    [Fact]
    public void An_item_no_node_names_is_reported()
    {
        var without = Seeds with { Nodes = Seeds.Nodes.Where(n => n.Id != "component:zero-boil-off-superconducting-magnet").ToList() };

        var appendix = Coverage.Check(without, Documents).First(r => r.List.StartsWith("002", StringComparison.Ordinal));

        appendix.Missing.ShouldBe(["零液氦挥发超导磁体系统"]);
    }

    [Fact]
    public void A_list_written_with_a_shared_head_or_a_served_thing_counts_each_named_part()
    {
        // 003 专栏1 writes "CT球管用真空高温轴承、大容量旋转靶盘" and "呼吸机用比例阀": dropping the bearing must be noticed
        // even though CT球管 is still named.
        var without = Seeds with { Nodes = Seeds.Nodes.Where(n => n.Id != "component:vacuum-high-temperature-bearing").ToList() };

        var column = Coverage.Check(without, Documents).First(r => r.List.StartsWith("003 专栏1", StringComparison.Ordinal));

        column.Missing.ShouldHaveSingleItem().ShouldContain("CT球管用真空高温轴承");
    }
}
