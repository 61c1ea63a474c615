using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage;
using YamlDotNet.RepresentationModel;

namespace Roadmap.Tests.Core.Seeds;

/// <summary>The negative checks of must-not-say.yaml against the committed seeds, through the store's traversals.</summary>
public class MustNotSayTests
{
    private static readonly Lazy<EmbeddedGraphStore> Store = new(() => EmbeddedGraphStore.FromGraph(SeedLoader.Load(Repo.Seeds).Graph));

    private static YamlMappingNode File()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Repo.Root, "tests", "Roadmap.Tests", "Core", "Seeds", "must-not-say.yaml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<YamlMappingNode> Entries(string section) => ((YamlSequenceNode)File()[section]).Cast<YamlMappingNode>();

    private static string Value(YamlMappingNode entry, string key) => ((YamlScalarNode)entry[key]).Value!;

    public static TheoryData<string, string, string> Needs()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var entry in Entries("needs")) data.Add(Value(entry, "node"), Value(entry, "mustNotNeed"), Value(entry, "reason"));
        return data;
    }

    [Theory]
    [MemberData(nameof(Needs))]
    public async Task A_node_does_not_need_what_the_plans_do_not_give_it(string node, string mustNotNeed, string reason)
    {
        var store = Store.Value;
        var known = await store.GetNodesAsync([node, mustNotNeed], CancellationToken.None);
        known.Keys.ShouldBe([node, mustNotNeed], ignoreOrder: true, "both ends must exist, or the check says nothing");

        var dependencies = await store.ReachAsync(node, Direction.Forward, TraversalLimits.MaxDepth, TraversalControls.None, CancellationToken.None);
        dependencies.Nodes.Select(n => n.Id).ShouldNotContain(mustNotNeed, reason);

        var impact = await store.ImpactAsync([mustNotNeed], TraversalLimits.MaxDepth, assumeGaps: false, CancellationToken.None);
        impact.Impacted.Select(i => i.Node.Id).ShouldNotContain(node, reason);
    }

    [Fact]
    public async Task Assumed_gaps_count_no_node_a_plan_calls_otherwise()
    {
        var store = Store.Value;
        var graph = SeedLoader.Load(Repo.Seeds).Graph;
        var impact = await store.ImpactAsync([], TraversalLimits.MaxDepth, assumeGaps: true, CancellationToken.None);
        var gaps = impact.Gaps.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        gaps.ShouldNotBeEmpty();

        foreach (var entry in Entries("notGaps"))
        {
            var phrase = Value(entry, "phrase");
            var judged = graph.Nodes.Where(n => n.Assessments.Any(a => a.Source.Quote.Contains(phrase, StringComparison.Ordinal))).Select(n => n.Id).ToList();
            judged.ShouldNotBeEmpty($"no assessment quotes '{phrase}'");
            judged.Where(gaps.Contains).ShouldBeEmpty(Value(entry, "reason"));
        }
    }
}
