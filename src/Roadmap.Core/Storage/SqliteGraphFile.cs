using System.Text.Json;
using Microsoft.Data.Sqlite;
using Roadmap.Core.Graph;

namespace Roadmap.Core.Storage;

/// <summary>
/// The embedded store's database file. Nodes and edges are rows keyed by id, with the rest of each node as a
/// JSON document: the read model is rebuilt in memory from it at start, so the file only has to be durable and
/// easy to inspect with the sqlite3 shell, not fast to query. Edits made through the API are written here, with
/// their audit entries, in one transaction each.
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
            reach   TEXT,
            sources TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (from_id, type, to_id)
        );
        CREATE INDEX IF NOT EXISTS edges_to ON edges (to_id);
        CREATE TABLE IF NOT EXISTS audit (
            seq       INTEGER PRIMARY KEY AUTOINCREMENT,
            change_id INTEGER NOT NULL,
            at        TEXT NOT NULL,
            actor     TEXT NOT NULL,
            operation TEXT NOT NULL,
            target    TEXT NOT NULL,
            before    TEXT,
            after     TEXT
        );
        CREATE TABLE IF NOT EXISTS snapshot (part INTEGER PRIMARY KEY, data BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_at ON audit (at);
        CREATE INDEX IF NOT EXISTS audit_target ON audit (target, seq);
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

    /// <summary>How many audit entries the file holds: more than zero means it carries edits the seeds do not have.</summary>
    public long CountEdits()
    {
        if (!File.Exists(Path)) return 0;
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM audit";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Replaces the file's whole graph in one transaction: a failed import leaves the previous graph intact.</summary>
    public void Import(GraphData graph, string seedFingerprint) => Import(graph.Nodes, graph.Edges, seedFingerprint);

    /// <summary>
    /// As <see cref="Import(GraphData, string)"/>, reading each sequence once, every node before the first edge, so
    /// that a graph too large to hold as records can be written as it is produced.
    /// </summary>
    public void Import(IEnumerable<Node> nodes, IEnumerable<Edge> edges, string seedFingerprint)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        // The import replaces everything, so it also recreates the tables: a file written by an older version
        // of the schema is brought up to date by the re-import its changed fingerprint triggers. The store never
        // imports over a file that holds edits (see EmbeddedGraphStore), so dropping the audit table loses none.
        Execute(connection, "DROP TABLE edges; DROP TABLE nodes; DROP TABLE meta; DROP TABLE audit; DROP TABLE snapshot;");
        Execute(connection, SchemaSql);

        using (var insert = NodeWriter(connection))
        {
            foreach (var node in nodes) insert.Write(node);
        }
        using (var insert = EdgeWriter(connection))
        {
            foreach (var edge in edges) insert.Write(edge);
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
        // An edge's ends become the nodes' own id strings: at a million nodes, a copy of both ids per edge is 180 MB.
        var ids = new HashSet<string>(nodes.Count, StringComparer.Ordinal);
        foreach (var node in nodes) ids.Add(node.Id);
        string Shared(string id) => ids.TryGetValue(id, out var shared) ? shared : id;
        var edges = new List<Edge>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT from_id, type, to_id, sources, alt_group, version, reach FROM edges ORDER BY from_id, type, to_id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!EnumNames.TryParse<EdgeType>(reader.GetString(1), out var type))
                {
                    throw new InvalidDataException($"{Path}: unknown edge type '{reader.GetString(1)}'");
                }
                var sources = JsonSerializer.Deserialize<IReadOnlyList<Source>>(reader.GetString(3), Json)!;
                edges.Add(new Edge(Shared(reader.GetString(0)), type, Shared(reader.GetString(2)), sources, reader.IsDBNull(4) ? null : reader.GetString(4), ReachOf(reader, 6))
                {
                    Version = reader.GetInt32(5),
                });
            }
        }
        return new GraphData(nodes, edges);
    }

    /// <summary>The read model encoded as a snapshot, ready for <see cref="WriteSnapshot(SnapshotStream, long)"/>.</summary>
    public static SnapshotStream EncodeSnapshot(GraphIndex graph)
    {
        var image = new SnapshotStream();
        ReadModelSnapshot.Write(image, graph);
        return image;
    }

    /// <summary>Encodes <paramref name="graph"/> and writes it as the snapshot at <paramref name="revision"/>; see the other overload.</summary>
    public bool WriteSnapshot(GraphIndex graph, long revision) => WriteSnapshot(EncodeSnapshot(graph), revision);

    /// <summary>
    /// Replaces the file's snapshot of the read model with <paramref name="image"/>, which must be the graph at
    /// <paramref name="revision"/>; in one transaction, so that a crash leaves the previous snapshot or none. Returns
    /// false, writing nothing, when the file has moved past that revision meanwhile.
    /// </summary>
    public bool WriteSnapshot(SnapshotStream image, long revision)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        if (Scalar(connection, "SELECT coalesce(max(seq), 0) FROM audit") is long current && current != revision) return false;
        Execute(connection, "DELETE FROM snapshot; DELETE FROM meta WHERE key LIKE 'snapshot_%';");
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO snapshot (part, data) VALUES ($part, $data)";
            var (part, data) = (insert.Parameters.Add("$part", SqliteType.Integer), insert.Parameters.Add("$data", SqliteType.Blob));
            var number = 0;
            foreach (var bytes in image.Parts)
            {
                (part.Value, data.Value) = (number++, bytes);
                insert.ExecuteNonQuery();
            }
        }
        using (var meta = connection.CreateCommand())
        {
            meta.CommandText = """
                INSERT INTO meta (key, value) VALUES
                ('snapshot_format', $format), ('snapshot_revision', $revision), ('snapshot_length', $length), ('snapshot_hash', $hash),
                ('snapshot_seed_fingerprint', coalesce((SELECT value FROM meta WHERE key = 'seed_fingerprint'), ''))
                """;
            meta.Parameters.AddWithValue("$format", ReadModelSnapshot.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
            meta.Parameters.AddWithValue("$revision", revision.ToString(System.Globalization.CultureInfo.InvariantCulture));
            meta.Parameters.AddWithValue("$length", image.Written.ToString(System.Globalization.CultureInfo.InvariantCulture));
            meta.Parameters.AddWithValue("$hash", image.Hash);
            meta.ExecuteNonQuery();
        }
        transaction.Commit();
        return true;
    }

    /// <summary>
    /// The snapshot of the read model and the revision it was written at, or why there is none to use: none was
    /// written, it has another format, it was written for other seeds or ahead of the audit log, or its bytes are
    /// damaged. A usable snapshot may be behind the file; <see cref="ReadChangesSince"/> brings it up to date.
    /// </summary>
    public (GraphIndex? Graph, long Revision, string? Unusable) ReadSnapshot()
    {
        if (!File.Exists(Path)) return (null, 0, "there is no file");
        using var connection = Open();
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT key, value FROM meta WHERE key LIKE 'snapshot_%' OR key = 'seed_fingerprint'";
            using var reader = command.ExecuteReader();
            while (reader.Read()) meta[reader.GetString(0)] = reader.GetString(1);
        }
        if (!meta.TryGetValue("snapshot_format", out var format)) return (null, 0, "none has been written");
        if (format != ReadModelSnapshot.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)) return (null, 0, $"it has format {format}, not {ReadModelSnapshot.FormatVersion}");
        if (meta.GetValueOrDefault("snapshot_seed_fingerprint") != meta.GetValueOrDefault("seed_fingerprint", "")) return (null, 0, "it was written for other seeds");
        if (!long.TryParse(meta.GetValueOrDefault("snapshot_revision"), out var revision) || !long.TryParse(meta.GetValueOrDefault("snapshot_length"), out var length) ||
            !meta.TryGetValue("snapshot_hash", out var hash))
        {
            return (null, 0, "its metadata is incomplete");
        }
        if (Scalar(connection, "SELECT coalesce(max(seq), 0) FROM audit") is long current && current < revision) return (null, 0, $"it is at revision {revision}, ahead of the file's {current}");
        try
        {
            var bytes = SnapshotPartReader.ReadAll(connection, length, hash);
            using (AllocationBurst.Begin(bytes.Length * 8L))
            {
                return (ReadModelSnapshot.Read(bytes), revision, null);
            }
        }
        catch (InvalidDataException e)
        {
            return (null, 0, e.Message);
        }
    }

    /// <summary>
    /// What the audit log says changed after <paramref name="revision"/>, as the rows stand now: each node and edge
    /// touched since, with its current row, or null where it is gone. Replaying these onto the graph at that revision
    /// gives the graph the rows hold.
    /// </summary>
    public (IReadOnlyDictionary<string, Node?> Nodes, IReadOnlyDictionary<EdgeKey, Edge?> Edges) ReadChangesSince(long revision)
    {
        using var connection = Open();
        var nodes = new Dictionary<string, Node?>(StringComparer.Ordinal);
        var edges = new Dictionary<EdgeKey, Edge?>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT DISTINCT target FROM audit WHERE seq > $after";
            command.Parameters.AddWithValue("$after", revision);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var target = reader.GetString(0);
                if (EdgeKey.TryParse(target, out var key)) edges[key] = null;
                else nodes[target] = null;
            }
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT body FROM nodes WHERE id = $id";
            var id = command.Parameters.Add("$id", SqliteType.Text);
            foreach (var target in nodes.Keys.ToList())
            {
                id.Value = target;
                if (command.ExecuteScalar() is string body) nodes[target] = JsonSerializer.Deserialize<Node>(body, Json);
            }
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT sources, alt_group, version, reach FROM edges WHERE from_id = $from AND type = $type AND to_id = $to";
            var (from, type, to) = (command.Parameters.Add("$from", SqliteType.Text), command.Parameters.Add("$type", SqliteType.Text), command.Parameters.Add("$to", SqliteType.Text));
            foreach (var key in edges.Keys.ToList())
            {
                (from.Value, type.Value, to.Value) = (key.From, EnumNames.ToConstant(key.Type), key.To);
                using var reader = command.ExecuteReader();
                if (!reader.Read()) continue;
                var sources = JsonSerializer.Deserialize<IReadOnlyList<Source>>(reader.GetString(0), Json)!;
                edges[key] = new Edge(key.From, key.Type, key.To, sources, reader.IsDBNull(1) ? null : reader.GetString(1), ReachOf(reader, 3)) { Version = reader.GetInt32(2) };
            }
        }
        return (nodes, edges);
    }

    // A null reach is the default, a need of every member: the column is set only for a need of the class as a whole.
    private NeedReach ReachOf(SqliteDataReader reader, int column)
    {
        if (reader.IsDBNull(column)) return NeedReach.EveryMember;
        return EnumNames.TryParse<NeedReach>(reader.GetString(column), out var reach)
            ? reach
            : throw new InvalidDataException($"{Path}: unknown reach '{reader.GetString(column)}'");
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>A connection for edits, kept open by the store so that a write costs one transaction, not an open.</summary>
    /// <summary>The connection edits go through; <paramref name="maxBytes"/> above 0 caps the file's size.</summary>
    public EditConnection OpenForEdits(long maxBytes = 0) => new(Open(), maxBytes);

    /// <summary>The sequence of the last audit entry, 0 when there is none: the graph's revision.</summary>
    public long ReadRevision()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(seq), 0) FROM audit";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Every audit entry committed at or after <paramref name="since"/> and before <paramref name="until"/>, oldest first, read as it streams.</summary>
    public IEnumerable<AuditEntry> ReadAuditBetween(DateTimeOffset since, DateTimeOffset? until)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, change_id, at, actor, operation, target, before, after FROM audit WHERE at >= $since AND ($until IS NULL OR at < $until) ORDER BY seq";
        command.Parameters.AddWithValue("$since", since.ToUniversalTime().ToString(AuditEntry.TimeFormat, System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$until", until is { } u ? u.ToUniversalTime().ToString(AuditEntry.TimeFormat, System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value);
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return ReadEntry(reader);
    }

    private static AuditEntry ReadEntry(SqliteDataReader reader) => new(
        reader.GetInt64(0), reader.GetInt64(1), DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture),
        reader.GetString(3), reader.GetString(4), reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7));

    /// <summary>The audit entries from a time on (or after a sequence number), oldest first.</summary>
    public IReadOnlyList<AuditEntry> ReadAudit(DateTimeOffset? since, long afterSequence, string? target, int first)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT seq, change_id, at, actor, operation, target, before, after FROM audit
            WHERE seq > $after AND at >= $since AND ($target IS NULL OR target = $target) ORDER BY seq LIMIT $first
            """;
        command.Parameters.AddWithValue("$target", (object?)target ?? DBNull.Value);
        command.Parameters.AddWithValue("$after", afterSequence);
        // Times are stored as fixed-width UTC ISO 8601, so text order is time order.
        command.Parameters.AddWithValue("$since", (since ?? DateTimeOffset.MinValue).ToUniversalTime().ToString(AuditEntry.TimeFormat, System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$first", first);
        using var reader = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
        {
            entries.Add(ReadEntry(reader));
        }
        return entries;
    }

    /// <summary>The open connection the store writes edits through, one at a time.</summary>
    public sealed class EditConnection : IDisposable
    {
        private readonly SqliteConnection _connection;

        internal EditConnection(SqliteConnection connection, long maxBytes)
        {
            _connection = connection;
            // FULL: in WAL mode, NORMAL already survives a killed process, but a power cut or kernel crash can lose
            // the last commits. Edits are rare and each is a curator's work, so every commit waits for its fsync.
            Execute(_connection, "PRAGMA synchronous = FULL;");
            if (maxBytes > 0)
            {
                using var pageSize = _connection.CreateCommand();
                pageSize.CommandText = "PRAGMA page_size;";
                var pages = Math.Max(1, maxBytes / Convert.ToInt64(pageSize.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
                Execute(_connection, $"PRAGMA max_page_count = {pages};");
            }
        }

        /// <summary>Writes and commits one row of meta, so that a file that cannot be written is found at start rather than at the first edit.</summary>
        public void ProbeWrite()
        {
            using var transaction = _connection.BeginTransaction();
            using var write = _connection.CreateCommand();
            write.Transaction = transaction;
            write.CommandText = "INSERT OR REPLACE INTO meta (key, value) VALUES ('write_probe', $at)";
            write.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            write.ExecuteNonQuery();
            transaction.Commit();
        }

        /// <summary>Writes one edit and its audit entries in a transaction; returns the last entry's sequence number.</summary>
        public long Apply(GraphEdit edit, string actor, DateTimeOffset at) => ApplyAll([edit], actor, at)[0];

        /// <summary>
        /// Writes edits in order, each with its audit entries under a change id of its own, in one transaction: all or
        /// none. Returns the sequence number of each edit's last entry.
        /// </summary>
        public IReadOnlyList<long> ApplyAll(IReadOnlyList<GraphEdit> edits, string actor, DateTimeOffset at)
        {
            using var transaction = _connection.BeginTransaction();
            var sequences = new long[edits.Count];
            for (var i = 0; i < edits.Count; i++) sequences[i] = Write(edits[i], actor, at);
            transaction.Commit();
            return sequences;
        }

        private long Write(GraphEdit edit, string actor, DateTimeOffset at)
        {
            using (var deleteEdge = _connection.CreateCommand())
            using (var upsertEdge = EdgeWriter(_connection, replace: true))
            {
                deleteEdge.CommandText = "DELETE FROM edges WHERE from_id = $from AND type = $type AND to_id = $to";
                var from = deleteEdge.Parameters.Add("$from", SqliteType.Text);
                var type = deleteEdge.Parameters.Add("$type", SqliteType.Text);
                var to = deleteEdge.Parameters.Add("$to", SqliteType.Text);
                foreach (var change in edit.Edges)
                {
                    if (change.After is { } after) upsertEdge.Write(after);
                    else
                    {
                        (from.Value, type.Value, to.Value) = (change.Before!.From, EnumNames.ToConstant(change.Before.Type), change.Before.To);
                        deleteEdge.ExecuteNonQuery();
                    }
                }
            }
            using (var deleteNode = _connection.CreateCommand())
            using (var upsertNode = NodeWriter(_connection, replace: true))
            {
                deleteNode.CommandText = "DELETE FROM nodes WHERE id = $id";
                var id = deleteNode.Parameters.Add("$id", SqliteType.Text);
                foreach (var change in edit.Nodes)
                {
                    if (change.After is { } after) upsertNode.Write(after);
                    else
                    {
                        id.Value = change.Before!.Id;
                        deleteNode.ExecuteNonQuery();
                    }
                }
            }

            long changeId;
            using (var next = _connection.CreateCommand())
            {
                // One writer at a time (the store holds a lock), so max + 1 inside the transaction is unique.
                next.CommandText = "SELECT coalesce(max(change_id), 0) + 1 FROM audit";
                changeId = (long)next.ExecuteScalar()!;
            }
            long sequence = 0;
            using (var audit = _connection.CreateCommand())
            {
                audit.CommandText = """
                    INSERT INTO audit (change_id, at, actor, operation, target, before, after)
                    VALUES ($change, $at, $actor, $operation, $target, $before, $after);
                    SELECT last_insert_rowid();
                    """;
                audit.Parameters.AddWithValue("$change", changeId);
                audit.Parameters.AddWithValue("$at", at.ToUniversalTime().ToString(AuditEntry.TimeFormat, System.Globalization.CultureInfo.InvariantCulture));
                audit.Parameters.AddWithValue("$actor", actor);
                audit.Parameters.AddWithValue("$operation", edit.Operation);
                var target = audit.Parameters.Add("$target", SqliteType.Text);
                var before = audit.Parameters.Add("$before", SqliteType.Text);
                var after = audit.Parameters.Add("$after", SqliteType.Text);
                foreach (var record in AuditJson.Records(edit))
                {
                    target.Value = record.Target;
                    before.Value = (object?)record.Before ?? DBNull.Value;
                    after.Value = (object?)record.After ?? DBNull.Value;
                    sequence = (long)audit.ExecuteScalar()!;
                }
            }
            return sequence;
        }

        public void Dispose() => _connection.Dispose();
    }

    private static RowWriter<Node> NodeWriter(SqliteConnection connection, bool replace = false)
    {
        var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT {(replace ? "OR REPLACE " : "")}INTO nodes (id, kind, name_zh, name_en, body) VALUES ($id, $kind, $zh, $en, $body)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var kind = insert.Parameters.Add("$kind", SqliteType.Text);
        var zh = insert.Parameters.Add("$zh", SqliteType.Text);
        var en = insert.Parameters.Add("$en", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        return new RowWriter<Node>(insert, node =>
        {
            (id.Value, kind.Value, zh.Value, en.Value) = (node.Id, EnumNames.ToConstant(node.Kind), node.NameZh, node.NameEn);
            body.Value = JsonSerializer.Serialize(node, Json);
        });
    }

    private static RowWriter<Edge> EdgeWriter(SqliteConnection connection, bool replace = false)
    {
        var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT {(replace ? "OR REPLACE " : "")}INTO edges (from_id, type, to_id, alt_group, reach, sources, version) VALUES ($from, $type, $to, $group, $reach, $sources, $version)";
        var group = insert.Parameters.Add("$group", SqliteType.Text);
        var reach = insert.Parameters.Add("$reach", SqliteType.Text);
        var from = insert.Parameters.Add("$from", SqliteType.Text);
        var type = insert.Parameters.Add("$type", SqliteType.Text);
        var to = insert.Parameters.Add("$to", SqliteType.Text);
        var sources = insert.Parameters.Add("$sources", SqliteType.Text);
        var version = insert.Parameters.Add("$version", SqliteType.Integer);
        return new RowWriter<Edge>(insert, edge =>
        {
            (from.Value, type.Value, to.Value, version.Value) = (edge.From, EnumNames.ToConstant(edge.Type), edge.To, edge.Version);
            group.Value = (object?)edge.Group ?? DBNull.Value;
            reach.Value = edge.Reach == NeedReach.EveryMember ? DBNull.Value : EnumNames.ToConstant(edge.Reach);
            sources.Value = JsonSerializer.Serialize(edge.Sources, Json);
        });
    }

    /// <summary>A prepared insert: binds a row's values and runs.</summary>
    private sealed class RowWriter<T>(SqliteCommand command, Action<T> bind) : IDisposable
    {
        public void Write(T row)
        {
            bind(row);
            command.ExecuteNonQuery();
        }

        public void Dispose() => command.Dispose();
    }

    /// <summary>
    /// True once the file had to be opened read-only because SQLite could not write beside it (a read-only
    /// directory, where a WAL file cannot even be read without creating its -shm file).
    /// </summary>
    public bool OpenedImmutable { get; private set; }

    /// <summary>SQLite's quick_check: each page's structure and the tables' row order, but not index contents. Null when it finds nothing, else what it found.</summary>
    public string? QuickCheck()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(10)";
        using var reader = command.ExecuteReader();
        var problems = new List<string>();
        while (reader.Read()) problems.Add(reader.GetString(0));
        return problems is ["ok"] ? null : string.Join("; ", problems);
    }

    private SqliteConnection Open()
    {
        if (OpenedImmutable) return OpenImmutable();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, SchemaSql);
            if (!_upgraded) Upgrade(connection);
            return connection;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLITE_READONLY or SQLITE_CANTOPEN && File.Exists(Path))
        {
            connection.Dispose();
            OpenedImmutable = true;
            return OpenImmutable();
        }
    }

    private volatile bool _upgraded;
    private readonly Lock _upgrading = new();

    // A file written before a column existed gains it, empty, so that a file holding edits (which is never
    // re-imported) opens in the new version: reach (a need of the class as a whole) came after the first files.
    // Connections open side by side at start (the integrity check runs beside the load): one of them upgrades.
    private void Upgrade(SqliteConnection connection)
    {
        lock (_upgrading)
        {
            if (_upgraded) return;
            var columns = new HashSet<string>(StringComparer.Ordinal);
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT name FROM pragma_table_info('edges')";
                using var reader = command.ExecuteReader();
                while (reader.Read()) columns.Add(reader.GetString(0));
            }
            try
            {
                if (!columns.Contains("reach")) Execute(connection, "ALTER TABLE edges ADD COLUMN reach TEXT");
            }
            catch (SqliteException e) when (e.Message.Contains("duplicate column", StringComparison.Ordinal))
            {
                // Another process opened the same file and added it first.
            }
            _upgraded = true;
        }
    }

    // immutable: no -shm and no locks, which a directory that cannot be written leaves no other way to read. Safe
    // while nothing writes the file; this process cannot, and one that could would be a second writer anyway.
    private SqliteConnection OpenImmutable()
    {
        var connection = new SqliteConnection($"Data Source={new Uri(Path).AbsoluteUri}?mode=ro&immutable=1;Pooling=False");
        connection.Open();
        return connection;
    }

    private const int SQLITE_READONLY = 8;
    private const int SQLITE_CANTOPEN = 14;

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
