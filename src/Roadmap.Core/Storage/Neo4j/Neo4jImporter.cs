using System.Text;
using System.Text.Json;
using Roadmap.Core.Graph;

namespace Roadmap.Core.Storage.Neo4j;

/// <summary>
/// Loads a graph into Neo4j, or writes it as a Cypher script for cypher-shell. Both MERGE by id in UNWIND batches,
/// so running either twice leaves the same graph; nodes the graph no longer has are removed at the end.
/// </summary>
public static class Neo4jImporter
{
    /// <summary>
    /// The server's version is checked, then the schema (Neo4j does not mix schema and data changes in one
    /// transaction), then every batch and the removal of the nodes and relationships the graph no longer has, in one
    /// explicit transaction: readers see the old graph or the new.
    /// </summary>
    public static async Task ImportAsync(Neo4jQueryClient client, GraphData graph, int batchSize, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        await client.CheckServerVersionAsync(cancellationToken);
        await client.ApplySchemaAsync(cancellationToken);
        var statements = new List<(string Query, IReadOnlyDictionary<string, object?> Parameters)>();
        var sizes = new List<int>();
        foreach (var batch in graph.Nodes.Chunk(batchSize))
        {
            statements.Add(("import_nodes", new Dictionary<string, object?> { ["nodes"] = batch.Select(NodeRow).ToArray() }));
            sizes.Add(batch.Length);
        }
        foreach (var batch in graph.Edges.Chunk(batchSize))
        {
            statements.Add(("import_edges", new Dictionary<string, object?> { ["edges"] = batch.Select(EdgeRow).ToArray() }));
            sizes.Add(batch.Length);
        }
        statements.Add(("delete_absent", new Dictionary<string, object?> { ["ids"] = graph.Nodes.Select(n => n.Id).ToArray() }));
        sizes.Add(0);
        statements.Add(("delete_absent_edges", new Dictionary<string, object?> { ["keys"] = graph.Edges.Select(EdgeKey).ToArray() }));
        sizes.Add(0);
        statements.Add(("bump_revision", new Dictionary<string, object?>()));
        sizes.Add(0);

        var total = graph.Nodes.Count + graph.Edges.Count;
        var done = 0;
        // A retried transaction starts over, and so does its progress.
        await client.RunTransactionAsync(statements, idempotent: true, i => progress?.Report((done = (i == 0 ? 0 : done) + sizes[i], total)), cancellationToken);
    }

    /// <summary>A cypher-shell script: the schema, then the import statements with each batch as a literal list.</summary>
    public static string CypherScript(GraphData graph, int batchSize)
    {
        var sb = new StringBuilder("// Roadmap graph: an idempotent import for cypher-shell (MERGE by id in UNWIND batches).\n");
        sb.Append(string.Join(";\n", CypherQueries.SchemaStatements())).Append(";\n\n");
        foreach (var batch in graph.Nodes.Chunk(batchSize))
        {
            sb.Append(Statement("import_nodes", "$nodes", batch.Select(NodeRow)));
        }
        foreach (var batch in graph.Edges.Chunk(batchSize))
        {
            sb.Append(Statement("import_edges", "$edges", batch.Select(EdgeRow)));
        }
        return sb.ToString();
    }

    private static string Statement(string query, string parameter, IEnumerable<Dictionary<string, object?>> rows)
    {
        var statement = string.Join('\n', CypherQueries.Get(query).Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
        return statement.Replace(parameter, "[\n" + string.Join(",\n", rows.Select(Literal)) + "\n]", StringComparison.Ordinal).TrimEnd() + ";\n\n";
    }

    // A Cypher map literal: JSON's string, number, list and null syntax is Cypher's too; keys go unquoted.
    private static string Literal(Dictionary<string, object?> row) =>
        "{" + string.Join(", ", row.Select(kv => $"{kv.Key}: {JsonSerializer.Serialize(kv.Value, GraphJson.Options)}")) + "}";

    internal static Dictionary<string, object?> NodeRow(Node node) => new()
    {
        ["id"] = node.Id,
        ["kind"] = EnumNames.ToConstant(node.Kind),
        ["nameZh"] = node.NameZh,
        ["nameEn"] = node.NameEn,
        ["aliases"] = node.Aliases.ToArray(),
        ["aliasText"] = string.Join(" ", node.Aliases),
        ["latestStatus"] = node.LatestAssessment is { } a ? EnumNames.ToConstant(a.Status) : null,
        ["body"] = JsonSerializer.Serialize(node, GraphJson.Options),
    };

    /// <summary>How delete_absent_edges names a relationship: ids never contain a space.</summary>
    public static string EdgeKey(Edge edge) => $"{edge.From} {EnumNames.ToConstant(edge.Type)} {edge.To}";

    internal static Dictionary<string, object?> EdgeRow(Edge edge) => new()
    {
        ["from"] = edge.From,
        ["type"] = EnumNames.ToConstant(edge.Type),
        ["to"] = edge.To,
        ["sources"] = JsonSerializer.Serialize(edge.Sources, GraphJson.Options),
        ["group"] = edge.Group,
        // Absent for the default, a need of every member, as in the SQLite file: only a class's own need is marked.
        ["reach"] = edge.Reach == NeedReach.EveryMember ? null : EnumNames.ToConstant(edge.Reach),
    };


    /// <summary>
    /// The files for <c>neo4j-admin database import full</c> (an empty database, the fastest load): nodes.csv and
    /// relationships.csv with its header conventions. Returns the command that loads them.
    /// </summary>
    public static string WriteAdminCsv(GraphData graph, string directory)
    {
        Directory.CreateDirectory(directory);
        var nodes = new StringBuilder("id:ID,:LABEL,kind,nameZh,nameEn,aliases:string[],aliasText,latestStatus,body\n");
        foreach (var node in graph.Nodes)
        {
            var row = NodeRow(node);
            CsvRow(nodes, node.Id, $"Node;{node.Kind}", (string)row["kind"]!, node.NameZh, node.NameEn, string.Join(';', node.Aliases),
                (string)row["aliasText"]!, (string?)row["latestStatus"] ?? "", (string)row["body"]!);
        }
        var relationships = new StringBuilder(":START_ID,:END_ID,:TYPE,sources,group,reach\n");
        foreach (var edge in graph.Edges)
        {
            var row = EdgeRow(edge);
            CsvRow(relationships, edge.From, edge.To, (string)row["type"]!, (string)row["sources"]!, edge.Group ?? "", (string?)row["reach"] ?? "");
        }
        File.WriteAllText(Path.Combine(directory, "nodes.csv"), nodes.ToString());
        File.WriteAllText(Path.Combine(directory, "relationships.csv"), relationships.ToString());
        return "neo4j-admin database import full neo4j --overwrite-destination --multiline-fields=true --ignore-empty-strings=true " +
               $"--nodes={Path.Combine(directory, "nodes.csv")} --relationships={Path.Combine(directory, "relationships.csv")}";
    }

    private static void CsvRow(StringBuilder sb, params string[] cells)
    {
        sb.AppendJoin(',', cells.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        sb.Append('\n');
    }
}
