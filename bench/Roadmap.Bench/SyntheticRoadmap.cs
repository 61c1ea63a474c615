using System.Globalization;
using System.Text;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage;

namespace Roadmap.Bench;

/// <summary>
/// The seed graph's shape, measured: how many nodes of each kind, and for each kind and edge type the out-degree and
/// in-degree of every node (zeros included), which kinds the edges reach, the share of grouped (alternative) edges
/// and the share of nodes judged, with their statuses. The generator samples from these lists, so a synthetic graph
/// has the seed's degree distributions at any size.
/// </summary>
public sealed class SeedShape
{
    public required Dictionary<NodeKind, int> KindCounts { get; init; }
    public required Dictionary<(NodeKind Kind, EdgeType Type), int[]> OutDegrees { get; init; }
    public required Dictionary<(NodeKind Kind, EdgeType Type), int[]> InDegrees { get; init; }
    public required Dictionary<(NodeKind Kind, EdgeType Type), NodeKind[]> TargetKinds { get; init; }
    public required Dictionary<EdgeType, double> GroupedShare { get; init; }
    public required Dictionary<NodeKind, double> AssessedShare { get; init; }
    public required Dictionary<NodeKind, AssessmentStatus[]> Statuses { get; init; }
    public required int EdgeCount { get; init; }

    public static SeedShape Measure(GraphData seed)
    {
        var kindOf = seed.Nodes.ToDictionary(n => n.Id, n => n.Kind, StringComparer.Ordinal);
        var outCount = new Dictionary<(string, EdgeType), int>();
        var inCount = new Dictionary<(string, EdgeType), int>();
        var targets = new Dictionary<(NodeKind, EdgeType), List<NodeKind>>();
        foreach (var e in seed.Edges)
        {
            outCount[(e.From, e.Type)] = outCount.GetValueOrDefault((e.From, e.Type)) + 1;
            inCount[(e.To, e.Type)] = inCount.GetValueOrDefault((e.To, e.Type)) + 1;
            var key = (kindOf[e.From], e.Type);
            if (!targets.TryGetValue(key, out var list)) targets[key] = list = [];
            list.Add(kindOf[e.To]);
        }
        var outDegrees = new Dictionary<(NodeKind, EdgeType), int[]>();
        var inDegrees = new Dictionary<(NodeKind, EdgeType), int[]>();
        foreach (var type in Enum.GetValues<EdgeType>())
        {
            foreach (var kind in Enum.GetValues<NodeKind>())
            {
                var ofKind = seed.Nodes.Where(n => n.Kind == kind).ToList();
                if (targets.ContainsKey((kind, type))) outDegrees[(kind, type)] = ofKind.Select(n => outCount.GetValueOrDefault((n.Id, type))).ToArray();
                if (seed.Edges.Any(e => e.Type == type && kindOf[e.To] == kind)) inDegrees[(kind, type)] = ofKind.Select(n => inCount.GetValueOrDefault((n.Id, type))).ToArray();
            }
        }
        return new SeedShape
        {
            KindCounts = seed.Nodes.GroupBy(n => n.Kind).ToDictionary(g => g.Key, g => g.Count()),
            OutDegrees = outDegrees,
            InDegrees = inDegrees,
            TargetKinds = targets.ToDictionary(p => p.Key, p => p.Value.ToArray()),
            GroupedShare = Enum.GetValues<EdgeType>().ToDictionary(t => t, t =>
            {
                var ofType = seed.Edges.Where(e => e.Type == t).ToList();
                return ofType.Count == 0 ? 0 : (double)ofType.Count(e => e.Group is not null) / ofType.Count;
            }),
            AssessedShare = seed.Nodes.GroupBy(n => n.Kind).ToDictionary(g => g.Key, g => (double)g.Count(n => n.LatestAssessment is not null) / g.Count()),
            Statuses = seed.Nodes.Where(n => n.LatestAssessment is not null).GroupBy(n => n.Kind)
                .ToDictionary(g => g.Key, g => g.Select(n => n.LatestAssessment!.Status).ToArray()),
            EdgeCount = seed.Edges.Count,
        };
    }
}

/// <summary>The questions every engine answers on one generated graph, chosen from the graph itself.</summary>
public sealed record BenchQueries(string HighFanIn, string DependencyRoot, string PathFrom, string PathTo, string SearchText)
{
    public const int ImpactDepth = 8;
    public const int DependencyDepth = 6;
    public const int PathMaxLength = 8;
    public const int PathLimit = 10;
    public const int SearchFirst = 20;
}

/// <summary>
/// A synthetic roadmap with the seed graph's shape at a chosen size, the same for the same seed and size.
/// Layers run technology → component → product → program; every edge points from a node to one of a lower layer,
/// or to a lower-numbered node of the same kind, so the graph is a DAG like the seed's dependency structure.
/// (A seed REQUIRES edge from a component to a product, which would point up, becomes one to a component.)
/// </summary>
public static class SyntheticRoadmap
{
    // English words none of which contains another, so a match of a whole word in a name always starts a word.
    private static readonly (string Zh, string En)[] Words =
    [
        ("超声", "ultrasound"), ("光学", "optical"), ("磁共振", "magnetic"), ("数字", "digital"), ("高频", "highfrequency"),
        ("微创", "minimal"), ("智能", "smart"), ("可降解", "degradable"), ("心血管", "cardiac"), ("神经", "neural"),
        ("分子", "molecular"), ("便携", "portable"), ("无线", "wireless"), ("精密", "precision"), ("生物", "bio"),
        ("探测器", "detector"), ("传感器", "sensor"), ("芯片", "chip"), ("导管", "catheter"), ("支架", "stent"),
        ("试剂", "reagent"), ("线圈", "coil"), ("球管", "tube"), ("电极", "electrode"), ("涂层", "coating"),
        ("算法", "algorithm"), ("平台", "platform"), ("系统", "system"), ("阵列", "array"), ("膜", "membrane"),
    ];

    private static readonly Dictionary<NodeKind, (string Zh, string En)> KindWords = new()
    {
        [NodeKind.Technology] = ("技术", "technique"),
        [NodeKind.Component] = ("部件", "module"),
        [NodeKind.Product] = ("设备", "device"),
        [NodeKind.Program] = ("专项", "programme"),
    };

    private static int Layer(NodeKind kind) => kind switch
    {
        NodeKind.Technology => 0,
        NodeKind.Component => 1,
        NodeKind.Product => 2,
        NodeKind.Program => 3,
        _ => -1,
    };

    public static string Id(NodeKind kind, int index) => $"{NodeKinds.Prefix(kind)}g{index:D7}";

    /// <summary>
    /// The graph, one node at a time with the edges it starts, so that a graph too large to hold as records (10M
    /// nodes) can be written out as it is drawn; enumerating it twice draws the same graph twice.
    /// Documents come first, then the kinds layer by layer, so every edge's target has already been given.
    /// </summary>
    public static IEnumerable<(Node Node, IReadOnlyList<Edge> Edges)> Stream(SeedShape shape, int nodeCount, int seed)
    {
        var random = new Random(seed);
        var layered = shape.KindCounts.Where(p => p.Key != NodeKind.Document).ToList();
        var layeredTotal = layered.Sum(p => p.Value);
        var counts = layered.ToDictionary(p => p.Key, p => Math.Max(2, (int)Math.Round((double)nodeCount * p.Value / layeredTotal)));
        var documentCount = shape.KindCounts.GetValueOrDefault(NodeKind.Document, 10);

        var documents = Enumerable.Range(0, documentCount).Select(i => new Node
        {
            Id = $"document:synthetic-plan-{i:D3}",
            Kind = NodeKind.Document,
            NameZh = $"合成规划{i}",
            NameEn = $"Synthetic plan {i}",
            Year = 2011 + i % 15,
            Issuer = "synthetic",
            File = $"synthetic/plan-{i:D3}.md",
            Text = $"合成规划{i}：用于基准测试的文本。",
        }).ToList();
        Source Cite(string quote) => new(documents[random.Next(documents.Count)].Id, $"{random.Next(1, 9)}.{random.Next(1, 20)}", quote);

        // Per (kind, type) a target weight for every node, drawn from the seed's in-degree list, as prefix sums so
        // a weighted pick among the first k nodes of a kind is one binary search.
        var weightPrefix = new Dictionary<(NodeKind, EdgeType), double[]>();
        foreach (var ((kind, type), inDegrees) in shape.InDegrees)
        {
            if (!counts.TryGetValue(kind, out var count)) continue;
            var prefix = new double[count + 1];
            for (var i = 0; i < count; i++) prefix[i + 1] = prefix[i] + inDegrees[random.Next(inDegrees.Length)] + 0.05;
            weightPrefix[(kind, type)] = prefix;
        }

        foreach (var document in documents) yield return (document, []);
        var chosen = new List<(EdgeType Type, NodeKind Kind, int Index)>();
        foreach (var (kind, count) in counts.OrderBy(p => Layer(p.Key)))
        {
            var kindWord = KindWords[kind];
            for (var i = 0; i < count; i++)
            {
                var id = Id(kind, i);
                var (a, b) = (Words[random.Next(Words.Length)], Words[random.Next(Words.Length)]);
                var nameZh = $"{a.Zh}{b.Zh}{kindWord.Zh}{i}";
                var assessments = new List<Assessment>();
                if (random.NextDouble() < shape.AssessedShare.GetValueOrDefault(kind) && shape.Statuses.TryGetValue(kind, out var statuses))
                {
                    assessments.Add(new Assessment(statuses[random.Next(statuses.Length)], 2011 + random.Next(15), Cite(nameZh)));
                }
                var node = new Node
                {
                    Id = id,
                    Kind = kind,
                    NameZh = nameZh,
                    NameEn = $"{a.En} {b.En} {kindWord.En} {i}",
                    Sources = [Cite(nameZh)],
                    Assessments = assessments,
                    ComponentType = kind == NodeKind.Component ? (ComponentType)random.Next(5) : null,
                    Field = kind is NodeKind.Product or NodeKind.Technology ? (Field)random.Next(11) : null,
                    ProgramType = kind == NodeKind.Program ? (ProgramType)random.Next(7) : null,
                    Period = kind == NodeKind.Program ? new Period(2016 + random.Next(6), 2025) : null,
                };

                var edges = new List<Edge>();
                chosen.Clear();
                foreach (var type in Enum.GetValues<EdgeType>())
                {
                    if (!shape.OutDegrees.TryGetValue((kind, type), out var outDegrees)) continue;
                    var targetKinds = shape.TargetKinds[(kind, type)];
                    var degree = outDegrees[random.Next(outDegrees.Length)];
                    var grouped = random.NextDouble() < shape.GroupedShare[type] * 2 && degree >= 2;
                    var added = 0;
                    for (var attempt = 0; added < degree && attempt < degree * 3; attempt++)
                    {
                        var toKind = targetKinds[random.Next(targetKinds.Length)];
                        if (Layer(toKind) > Layer(kind)) toKind = kind;
                        if (!weightPrefix.TryGetValue((toKind, type), out var prefix)) continue;
                        // Within a kind only a lower-numbered node may be depended on: that keeps the graph acyclic.
                        var limit = toKind == kind ? i : prefix.Length - 1;
                        if (limit == 0) break;
                        var pick = Array.BinarySearch(prefix, 0, limit + 1, random.NextDouble() * prefix[limit]);
                        var to = pick >= 0 ? Math.Min(pick, limit - 1) : ~pick - 1;
                        if (chosen.Contains((type, toKind, to))) continue;
                        chosen.Add((type, toKind, to));
                        added++;
                        // Alternatives: the first two edges of a grouped (node, type) are one group, as a CCD or CMOS sensor.
                        var group = grouped && added <= 2 && type is EdgeType.Requires or EdgeType.UsesTechnology ? "alternative-1" : null;
                        edges.Add(new Edge(id, type, Id(toKind, to), [Cite(nameZh)], group));
                    }
                }
                yield return (node, edges);
            }
        }
    }

    /// <summary>The questions to ask, picked from the graph so that they touch a large part of it.</summary>
    public static BenchQueries PickQueries(GraphIndex graph)
    {
        int InDegree(int v) => graph.EdgesOf(v, Direction.Backward).Length;
        int OutDegree(int v) => graph.EdgesOf(v, Direction.Forward).Length;
        var components = Enumerable.Range(0, graph.NodeCount).Where(v => graph.NodeAt(v).Kind == NodeKind.Component).ToList();
        var programs = Enumerable.Range(0, graph.NodeCount).Where(v => graph.NodeAt(v).Kind == NodeKind.Program).ToList();

        // The component with the most dependents within impact's depth, among the 30 with the highest in-degree.
        var highFanIn = components.OrderByDescending(InDegree).ThenBy(v => v).Take(30)
            .MaxBy(v => GraphAlgorithms.Reach(graph, graph.NodeAt(v).Id, Direction.Backward, BenchQueries.ImpactDepth).Nodes.Count);
        // The program with the most dependencies within depth 6, among the 30 with the highest out-degree.
        var root = programs.OrderByDescending(OutDegree).ThenBy(v => v).Take(30)
            .MaxBy(v => GraphAlgorithms.Reach(graph, graph.NodeAt(v).Id, Direction.Forward, BenchQueries.DependencyDepth).Nodes.Count);
        var rootId = graph.NodeAt(root).Id;

        // A path target: a technology the root reaches by at least ten paths (counted along a topological order of
        // what the root reaches, capped), as far down as four edges, first in id order.
        var distances = new Dictionary<int, int> { [root] = 0 };
        var queue = new Queue<int>([root]);
        while (queue.TryDequeue(out var v))
        {
            foreach (var e in graph.EdgesOf(v, Direction.Forward))
            {
                var w = graph.EdgeTo(e);
                if (distances.TryAdd(w, distances[v] + 1)) queue.Enqueue(w);
            }
        }
        var inside = distances.Keys.ToDictionary(v => v, v => 0);
        foreach (var v in distances.Keys) foreach (var e in graph.EdgesOf(v, Direction.Forward)) inside[graph.EdgeTo(e)]++;
        var pathCount = new Dictionary<int, long> { [root] = 1 };
        var ready = new Queue<int>([root]);
        while (ready.TryDequeue(out var v))
        {
            foreach (var e in graph.EdgesOf(v, Direction.Forward))
            {
                var w = graph.EdgeTo(e);
                pathCount[w] = Math.Min(1_000_000, pathCount.GetValueOrDefault(w) + pathCount[v]);
                if (--inside[w] == 0) ready.Enqueue(w);
            }
        }
        var candidates = distances.Where(p => graph.NodeAt(p.Key).Kind == NodeKind.Technology && p.Value <= 4).ToList();
        var pathTo = candidates.OrderByDescending(p => Math.Min(pathCount[p.Key], BenchQueries.PathLimit)).ThenByDescending(p => p.Value).ThenBy(p => p.Key)
            .Select(p => p.Key).DefaultIfEmpty(distances.Keys.Max()).First();

        return new BenchQueries(graph.NodeAt(highFanIn).Id, rootId, rootId, graph.NodeAt(pathTo).Id, "sensor");
    }

    /// <summary>
    /// Draws the graph and writes it as it is drawn, without holding its records (at 10M nodes they would not fit
    /// in memory): the SQLite file and nodes.csv from one drawing, the edges and edges.csv from a second drawing of
    /// the same graph. Returns its skeleton — ids, kinds, judgements, edge ends and groups; no names, no sources —
    /// which is all that picking the questions and measuring the shape read.
    /// </summary>
    public static GraphData Write(SeedShape shape, int nodeCount, int seed, string databasePath, string directory)
    {
        var (skeletonNodes, skeletonEdges) = (new List<Node>(), new List<Edge>());
        // Each id string once: the skeleton's edges point at the nodes' own strings rather than each holding copies.
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var nodesCsv = CsvWriter(Path.Combine(directory, "nodes.csv"), "id,kind,name_zh,name_en,status");
        using var edgesCsv = CsvWriter(Path.Combine(directory, "edges.csv"), "from,to,type,grp");

        IEnumerable<Node> Nodes()
        {
            foreach (var (node, _) in Stream(shape, nodeCount, seed))
            {
                nodesCsv.WriteLine(string.Join(',', node.Id, node.Kind.ToString(), node.NameZh, node.NameEn, node.LatestAssessment?.Status.ToString() ?? ""));
                ids.Add(node.Id);
                skeletonNodes.Add(new Node { Id = node.Id, Kind = node.Kind, NameZh = "", NameEn = "", Assessments = node.Assessments });
                yield return node;
            }
        }

        IEnumerable<Edge> Edges()
        {
            foreach (var (_, outgoing) in Stream(shape, nodeCount, seed))
            {
                foreach (var edge in outgoing)
                {
                    edgesCsv.WriteLine(string.Join(',', edge.From, edge.To, edge.Type.ToString(), edge.Group ?? ""));
                    ids.TryGetValue(edge.From, out var from);
                    ids.TryGetValue(edge.To, out var to);
                    skeletonEdges.Add(new Edge(from ?? edge.From, edge.Type, to ?? edge.To, [], edge.Group));
                    yield return edge;
                }
            }
        }

        new SqliteGraphFile(databasePath).Import(Nodes(), Edges(), $"synthetic-{nodeCount}-{seed}");
        return new GraphData(skeletonNodes, skeletonEdges);
    }

    private static StreamWriter CsvWriter(string path, string header)
    {
        var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine(header);
        return writer;
    }

    public static string Describe(SeedShape shape) =>
        string.Join("; ", shape.KindCounts.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")) + ", " +
        string.Create(CultureInfo.InvariantCulture, $"{shape.EdgeCount} edges");
}

/// <summary>What a generated graph turned out to be, beside the seed it was drawn from, for BENCHMARKS.md.</summary>
public sealed record GraphShapeReport(
    int Nodes, int Edges, Dictionary<string, int> Kinds, double EdgesPerNode, double SeedEdgesPerNode,
    int MaxInDegree, int SeedMaxInDegree, double GroupedEdgeShare, double SeedGroupedEdgeShare, double GapShare)
{
    public static GraphShapeReport Of(GraphIndex graph, SeedShape seed)
    {
        var seedNodes = seed.KindCounts.Values.Sum();
        var seedMaxIn = seed.InDegrees.GroupBy(p => p.Key.Kind)
            .Max(g => Enumerable.Range(0, g.First().Value.Length).Max(i => g.Sum(p => p.Value[i])));
        var seedGrouped = seed.GroupedShare.Sum(p => p.Value * seed.TargetKinds.Where(t => t.Key.Type == p.Key).Sum(t => t.Value.Length)) / seed.EdgeCount;
        return new GraphShapeReport(
            graph.NodeCount, graph.EdgeCount,
            graph.Nodes.GroupBy(n => n.Kind.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            (double)graph.EdgeCount / graph.NodeCount, (double)seed.EdgeCount / seedNodes,
            Enumerable.Range(0, graph.NodeCount).Max(v => graph.EdgesOf(v, Direction.Backward).Length), seedMaxIn,
            (double)graph.Edges.Count(e => e.Group is not null) / graph.EdgeCount, seedGrouped,
            (double)graph.Nodes.Count(n => Analytics.IsGapStatus(n.LatestAssessment?.Status)) / graph.NodeCount);
    }
}
