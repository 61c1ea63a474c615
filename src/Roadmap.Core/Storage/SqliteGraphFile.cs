using System.Text.Json;
using Microsoft.Data.Sqlite;
using Roadmap.Core.Model;

namespace Roadmap.Core.Storage;

/// <summary>
/// The embedded store's database file. Nodes and edges are rows keyed by id, with the rest of each node as a
/// JSON document: the read model is rebuilt in memory from it at start, so the file only has to be durable and
/// easy to inspect with the sqlite3 shell, not fast to query.
/// </summary>
public sealed class SqliteGraphFile(string path)
{
    private const string SchemaSql = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS nodes (
            id      TEXT PRIMARY KEY,
            kind    TEXT NOT NULL,
            name_zh TEXT NOT NULL,
            name_en TEXT NOT NULL,
            body    TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS edges (
            from_id TEXT NOT NULL REFERENCES nodes (id),
            type    TEXT NOT NULL,
            to_id   TEXT NOT NULL REFERENCES nodes (id),
            alt_group TEXT,
            sources TEXT NOT NULL,
            PRIMARY KEY (from_id, type, to_id)
        );
        CREATE INDEX IF NOT EXISTS edges_to ON edges (to_id);
        """;

    private static readonly JsonSerializerOptions Json = GraphJson.Options;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The fingerprint of the seeds last imported, or null for a new or empty file.</summary>
    public string? ReadSeedFingerprint()
    {
        if (!File.Exists(Path)) return null;
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'seed_fingerprint'";
        return command.ExecuteScalar() as string;
    }

    /// <summary>Replaces the file's whole graph in one transaction: a failed import leaves the previous graph intact.</summary>
    public void Import(GraphData graph, string seedFingerprint)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        // The import replaces everything, so it also recreates the tables: a file written by an older version
        // of the schema is brought up to date by the re-import its changed fingerprint triggers.
        Execute(connection, "DROP TABLE edges; DROP TABLE nodes; DROP TABLE meta;");
        Execute(connection, SchemaSql);

        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO nodes (id, kind, name_zh, name_en, body) VALUES ($id, $kind, $zh, $en, $body)";
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var kind = insert.Parameters.Add("$kind", SqliteType.Text);
            var zh = insert.Parameters.Add("$zh", SqliteType.Text);
            var en = insert.Parameters.Add("$en", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            foreach (var node in graph.Nodes)
            {
                (id.Value, kind.Value, zh.Value, en.Value) = (node.Id, EnumNames.ToConstant(node.Kind), node.NameZh, node.NameEn);
                body.Value = JsonSerializer.Serialize(node, Json);
                insert.ExecuteNonQuery();
            }
        }
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO edges (from_id, type, to_id, alt_group, sources) VALUES ($from, $type, $to, $group, $sources)";
            var group = insert.Parameters.Add("$group", SqliteType.Text);
            var from = insert.Parameters.Add("$from", SqliteType.Text);
            var type = insert.Parameters.Add("$type", SqliteType.Text);
            var to = insert.Parameters.Add("$to", SqliteType.Text);
            var sources = insert.Parameters.Add("$sources", SqliteType.Text);
            foreach (var edge in graph.Edges)
            {
                (from.Value, type.Value, to.Value) = (edge.From, EnumNames.ToConstant(edge.Type), edge.To);
                group.Value = (object?)edge.Group ?? DBNull.Value;
                sources.Value = JsonSerializer.Serialize(edge.Sources, Json);
                insert.ExecuteNonQuery();
            }
        }
        using (var meta = connection.CreateCommand())
        {
            meta.CommandText = "INSERT INTO meta (key, value) VALUES ('seed_fingerprint', $fingerprint), ('imported_at', $at)";
            meta.Parameters.AddWithValue("$fingerprint", seedFingerprint);
            meta.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
            meta.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    public GraphData Read()
    {
        using var connection = Open();
        var nodes = new List<Node>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT body FROM nodes ORDER BY id";
            using var reader = command.ExecuteReader();
            while (reader.Read()) nodes.Add(JsonSerializer.Deserialize<Node>(reader.GetString(0), Json)!);
        }
        var edges = new List<Edge>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT from_id, type, to_id, sources, alt_group FROM edges ORDER BY from_id, type, to_id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!EnumNames.TryParse<EdgeType>(reader.GetString(1), out var type))
                {
                    throw new InvalidDataException($"{Path}: unknown edge type '{reader.GetString(1)}'");
                }
                var sources = JsonSerializer.Deserialize<List<Source>>(reader.GetString(3), Json)!;
                edges.Add(new Edge(reader.GetString(0), type, reader.GetString(2), sources, reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
        }
        return new GraphData(nodes, edges);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, SchemaSql);
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
