using Roadmap.Core.Graph;

namespace Roadmap.Tests.Support;

/// <summary>
/// Small graphs built in code, each for the unit tests of one algorithm (a diamond, a ladder, a cycle); not copies of
/// the test graph of <see cref="TestSeeds"/>, which the API, store and CLI tests share.
/// </summary>
internal static class TestGraphs
{
    private static readonly Source TestSource = new("document:test", "1", "test");

    /// <summary>
    /// Builds a graph from edge specs like "product:a>component:b" (REQUIRES unless the target is a technology, or
    /// the spec names a type: "program:p>TARGETS>product:a"). "CLASS" among the parts makes it a need of the class as a
    /// whole: "product:ivd>CLASS>technology:microfluidics". Node kinds follow the id prefixes.
    /// </summary>
    public static GraphData Build(params string[] edges)
    {
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        var result = new List<Edge>();
        foreach (var spec in edges)
        {
            var reach = spec.Contains(">CLASS>", StringComparison.Ordinal) ? NeedReach.Class : NeedReach.EveryMember;
            var parts = spec.Replace(">CLASS>", ">", StringComparison.Ordinal).Split('>');
            var (from, to) = (parts[0], parts[^1]);
            foreach (var id in new[] { from, to }) nodes.TryAdd(id, NodeFor(id));
            var type = parts.Length == 3 ? Enum.Parse<EdgeType>(parts[1].Replace("_", "", StringComparison.Ordinal), ignoreCase: true) : TypeFor(from, to);
            result.Add(new Edge(from, type, to, [TestSource], Reach: reach));
        }
        return new GraphData(nodes.Values.ToList(), result);
    }

    /// <summary>The usual type of an edge between these ids' kinds: TARGETS from a program, USES_TECHNOLOGY to a technology, else REQUIRES.</summary>
    public static EdgeType TypeFor(string from, string to) =>
        KindOf(from) == NodeKind.Program ? EdgeType.Targets : KindOf(to) == NodeKind.Technology ? EdgeType.UsesTechnology : EdgeType.Requires;

    public static Node NodeFor(string id) => new()
    {
        Id = id,
        Kind = KindOf(id),
        NameZh = id,
        NameEn = id,
        Sources = [TestSource],
    };

    public static NodeKind KindOf(string id) => Enum.Parse<NodeKind>(id[..id.IndexOf(':', StringComparison.Ordinal)], ignoreCase: true);
}
