using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage;

namespace Roadmap.Bench;

/// <summary>
/// An engine's answer to one question in a form every engine can produce: how many nodes (or paths), and a digest
/// of the sorted ids (or of the ordered ids, for search; of the path lengths, for paths). Two engines agree when
/// both are equal.
/// </summary>
public sealed record Answer(int Count, string Digest)
{
    public static Answer OfSet(IEnumerable<string> ids)
    {
        var sorted = ids.Order(StringComparer.Ordinal).ToList();
        return new Answer(sorted.Count, DigestOf(sorted));
    }

    public static Answer OfSequence(IEnumerable<string> items)
    {
        var list = items.ToList();
        return new Answer(list.Count, DigestOf(list));
    }

    private static string DigestOf(IEnumerable<string> items) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', items))))[..16];
}

/// <summary>The benchmark questions as Roadmap's engine answers them.</summary>
public static class RoadmapQuestions
{
    public static ImpactReport Impact(GraphIndex graph, BenchQueries q) => GraphAlgorithms.Impact(graph, [q.HighFanIn], BenchQueries.ImpactDepth);

    public static Subgraph Dependencies(GraphIndex graph, BenchQueries q) =>
        GraphAlgorithms.Reach(graph, q.DependencyRoot, Direction.Forward, BenchQueries.DependencyDepth);

    public static IReadOnlyList<GraphPath> Paths(GraphIndex graph, BenchQueries q) =>
        GraphAlgorithms.Paths(graph, q.PathFrom, q.PathTo, BenchQueries.PathMaxLength, BenchQueries.PathLimit);

    public static IReadOnlyList<Node> Search(GraphIndex graph, BenchQueries q) =>
        GraphAlgorithms.Search(graph, q.SearchText, null, BenchQueries.SearchFirst);

    /// <summary>A list question: every product that names no component among its direct needs.</summary>
    public static readonly NodeFilter ProductsWithoutComponents = new()
    {
        Kinds = new HashSet<NodeKind> { NodeKind.Product },
        Needs = new RelationFilter(None: new NodeFilter { Kinds = new HashSet<NodeKind> { NodeKind.Component } }),
    };

    public static List<int> Filter(GraphIndex graph) => NodeSelection.Select(graph, ProductsWithoutComponents);

    public static IReadOnlyList<NodeCount> Counts(GraphIndex graph) => NodeSelection.Count(graph, null, [NodeGroupKey.Kind]);

    /// <summary>A filter the indexes answer alone: every imaging product (a kind's run cut down to a field's list).</summary>
    public static readonly NodeFilter ImagingProducts = new()
    {
        Kinds = new HashSet<NodeKind> { NodeKind.Product },
        Fields = new HashSet<Field> { Field.Imaging },
    };

    public static List<int> FieldFilter(GraphIndex graph) => NodeSelection.Select(graph, ImagingProducts);

    /// <summary>Imaging products by latest status.</summary>
    public static IReadOnlyList<NodeCount> FieldCounts(GraphIndex graph) => NodeSelection.Count(graph, ImagingProducts, [NodeGroupKey.Status]);

    public static Dictionary<string, Answer> Answers(GraphIndex graph, BenchQueries q) => new()
    {
        ["filter"] = Answer.OfSet(Filter(graph).Select(v => graph.NodeAt(v).Id)),
        ["counts"] = Answer.OfSet(Counts(graph).Select(c => $"{EnumNames.ToConstant(c.Key.Kind!.Value)}={c.Count}")),
        ["field filter"] = Answer.OfSet(FieldFilter(graph).Select(v => graph.NodeAt(v).Id)),
        ["field counts"] = Answer.OfSet(FieldCounts(graph).Select(c => $"{c.Key.Status?.ToString() ?? "-"}={c.Count}")),
        ["impact"] = Answer.OfSet(Impact(graph, q).Impacted.Select(i => i.Node.Id)),
        ["dependencies"] = Answer.OfSet(Dependencies(graph, q).Nodes.Skip(1).Select(n => n.Id)),
        ["paths"] = Answer.OfSequence(Paths(graph, q).Select(p => p.Edges.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ["search"] = Answer.OfSequence(Search(graph, q).Select(n => n.Id)),
    };
}

/// <summary>
/// The peer a user of the embedded store's file would reach for first: the same questions as SQL over its SQLite
/// file, reachability as recursive CTEs. In a DAG every walk is a simple path, so walks within a depth reach the same
/// set as a breadth-first search, and the path CTE enumerates the same paths as Roadmap's simple-path search.
/// </summary>
public sealed class SqliteQuestions : IDisposable
{
    private const string ImpactSql = """
        WITH RECURSIVE up(id, depth) AS (
            SELECT $id, 0
            UNION
            SELECT e.from_id, up.depth + 1 FROM edges e JOIN up ON e.to_id = up.id WHERE up.depth < $depth)
        SELECT DISTINCT id FROM up WHERE id <> $id
        """;

    private const string DependenciesSql = """
        WITH RECURSIVE down(id, depth) AS (
            SELECT $id, 0
            UNION
            SELECT e.to_id, down.depth + 1 FROM edges e JOIN down ON e.from_id = down.id WHERE down.depth < $depth)
        SELECT DISTINCT id FROM down WHERE id <> $id
        """;

    private const string PathsSql = """
        WITH RECURSIVE walk(node, length) AS (
            SELECT $from, 0
            UNION ALL
            SELECT e.to_id, walk.length + 1 FROM edges e JOIN walk ON e.from_id = walk.node
            WHERE walk.length < $max AND walk.node <> $to)
        SELECT length FROM walk WHERE node = $to ORDER BY length LIMIT $limit
        """;

    // Roadmap's ranking: exact name, then prefix, then a match at a word start (every match of a whole English
    // word in the generated names), by name length, then id.
    private const string SearchSql = """
        SELECT id FROM (
            SELECT id, min(
                CASE WHEN lower(name_en) = $t THEN 0 WHEN instr(lower(name_en), $t) = 1 THEN 1 WHEN instr(lower(name_en), $t) > 0 THEN 2 END * 1000000 + length(name_en),
                coalesce(CASE WHEN lower(name_zh) = $t THEN 0 WHEN instr(lower(name_zh), $t) = 1 THEN 1 WHEN instr(lower(name_zh), $t) > 0 THEN 2 END * 1000000 + length(name_zh), 1e18)) AS best
            FROM nodes WHERE instr(lower(name_en), $t) > 0 OR instr(lower(name_zh), $t) > 0)
        ORDER BY best, id LIMIT $first
        """;

    private const string FilterSql = """
        SELECT n.id FROM nodes n WHERE n.kind = 'PRODUCT'
          AND NOT EXISTS (SELECT 1 FROM edges e JOIN nodes t ON t.id = e.to_id WHERE e.from_id = n.id AND t.kind = 'COMPONENT')
        """;

    private const string CountsSql = "SELECT kind || '=' || count(*) FROM nodes GROUP BY kind";

    // The field is in the node's JSON body; the latest status is that of the assessment with the greatest year, the
    // worst of that year's on ties (as the engine reads it), '-' when there is none.
    private const string FieldFilterSql = "SELECT id FROM nodes WHERE kind = 'PRODUCT' AND json_extract(body, '$.Field') = 'Imaging'";

    private const string FieldCountsSql = """
        SELECT status || '=' || count(*) FROM (
            SELECT coalesce((SELECT json_extract(a.value, '$.Status') FROM json_each(n.body, '$.Assessments') a
                             ORDER BY json_extract(a.value, '$.Year') DESC,
                                      CASE json_extract(a.value, '$.Status') WHEN 'DomesticGap' THEN 0 WHEN 'ImportDependent' THEN 1
                                          WHEN 'Foundation' THEN 2 WHEN 'Breakthrough' THEN 3 ELSE 4 END
                             LIMIT 1), '-') AS status
            FROM nodes n WHERE n.kind = 'PRODUCT' AND json_extract(n.body, '$.Field') = 'Imaging')
        GROUP BY status
        """;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _impact, _impactCount, _dependencies, _dependenciesCount, _paths, _search, _filter, _filterCount, _counts, _fieldFilter, _fieldFilterIds, _fieldCounts;

    public SqliteQuestions(string databasePath, BenchQueries q)
    {
        _connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        _connection.Open();
        _impact = Command(ImpactSql, ("$id", q.HighFanIn), ("$depth", BenchQueries.ImpactDepth));
        _impactCount = Command($"SELECT count(*) FROM ({ImpactSql})", ("$id", q.HighFanIn), ("$depth", BenchQueries.ImpactDepth));
        _dependencies = Command(DependenciesSql, ("$id", q.DependencyRoot), ("$depth", BenchQueries.DependencyDepth));
        _dependenciesCount = Command($"SELECT count(*) FROM ({DependenciesSql})", ("$id", q.DependencyRoot), ("$depth", BenchQueries.DependencyDepth));
        _paths = Command(PathsSql, ("$from", q.PathFrom), ("$to", q.PathTo), ("$max", BenchQueries.PathMaxLength), ("$limit", BenchQueries.PathLimit));
        _search = Command(SearchSql, ("$t", q.SearchText), ("$first", BenchQueries.SearchFirst));
        _filter = Command(FilterSql);
        _filterCount = Command($"SELECT count(*) FROM ({FilterSql})");
        _counts = Command(CountsSql);
        _fieldFilter = Command($"SELECT count(*) FROM ({FieldFilterSql})");
        _fieldFilterIds = Command(FieldFilterSql);
        _fieldCounts = Command(FieldCountsSql);
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    // The timed forms return what the peer computes with the least work: a count, or the rows it must return.
    public long ImpactCount() => (long)_impactCount.ExecuteScalar()!;
    public long DependenciesCount() => (long)_dependenciesCount.ExecuteScalar()!;
    public List<string> Paths() => Column(_paths);
    public List<string> Search() => Column(_search);
    public long FilterCount() => (long)_filterCount.ExecuteScalar()!;
    public List<string> Counts() => Column(_counts);
    public long FieldFilterCount() => (long)_fieldFilter.ExecuteScalar()!;
    public List<string> FieldCounts() => Column(_fieldCounts);

    public Dictionary<string, Answer> Answers() => new()
    {
        ["impact"] = Answer.OfSet(Column(_impact)),
        ["dependencies"] = Answer.OfSet(Column(_dependencies)),
        ["paths"] = Answer.OfSequence(Paths()),
        ["search"] = Answer.OfSequence(Search()),
        ["filter"] = Answer.OfSet(Column(_filter)),
        ["counts"] = Answer.OfSet(Counts()),
        ["field filter"] = Answer.OfSet(Column(_fieldFilterIds)),
        ["field counts"] = Answer.OfSet(FieldCounts()),
    };

    private static List<string> Column(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    public void Dispose() => _connection.Dispose();
}

/// <summary>Where a generated graph lives: the SQLite file, the CSVs, and the chosen questions.</summary>
public sealed record DataSet(string Directory)
{
    /// <summary>The graph generated at one scale (10k, 1m, …) below ROADMAP_BENCH_DATA, where bench/run.sh puts them.</summary>
    public static DataSet AtScale(string scale) =>
        new(Path.Combine(Environment.GetEnvironmentVariable("ROADMAP_BENCH_DATA") ?? throw new InvalidOperationException("ROADMAP_BENCH_DATA is not set"), scale));

    public string DatabasePath => Path.Combine(Directory, "graph.db");
    public string QueriesPath => Path.Combine(Directory, "queries.json");

    public BenchQueries ReadQueries() => JsonSerializer.Deserialize<BenchQueries>(File.ReadAllText(QueriesPath))!;

    public GraphIndex LoadGraph() => new(new SqliteGraphFile(DatabasePath).Read());
}
