using System.Text.Json;
using Roadmap.Core.Model;
using Roadmap.Core.Storage;

namespace Roadmap.Core.Editing;

/// <summary>A node or edge before and after a change: null before means created, null after means deleted.</summary>
public sealed record Change<T>(T? Before, T? After) where T : class;

/// <summary>
/// What one mutation does, worked out against the current graph before anything is written: the store commits
/// it to the file and to memory as one unit, and the audit log records each change with its before and after.
/// </summary>
public sealed record GraphEdit(string Operation, IReadOnlyList<Change<Node>> Nodes, IReadOnlyList<Change<Edge>> Edges)
{
    public IEnumerable<(string Target, string? Before, string? After)> AuditRecords()
    {
        // Edges first: a cascading delete removes the edges before the node they hang on.
        foreach (var change in Edges)
        {
            yield return ((change.Before ?? change.After)!.Key.ToString(), AuditJson.Of(change.Before), AuditJson.Of(change.After));
        }
        foreach (var change in Nodes)
        {
            yield return ((change.Before ?? change.After)!.Id, AuditJson.Of(change.Before), AuditJson.Of(change.After));
        }
    }
}

/// <summary>One row of the audit log: who changed what, when, and the thing before and after as JSON.</summary>
/// <param name="ChangeId">Entries written by one mutation share it (a cascading delete writes several).</param>
public sealed record AuditEntry(long Sequence, long ChangeId, DateTimeOffset At, string Actor, string Operation, string Target, string? Before, string? After)
{
    /// <summary>Fixed-width UTC, so that the text order in the file is the time order.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
}

/// <summary>How the audit log writes a node or edge: camelCase and CONSTANT_CASE enums, as the GraphQL schema spells them.</summary>
internal static class AuditJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(GraphJson.Options) { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        options.Converters.Clear();
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper));
        return options;
    }

    // A document's full text is in the file already; repeating it in every audit entry would bloat the log.
    public static string? Of(Node? node) => node is null ? null : JsonSerializer.Serialize(node with { Text = null }, Options);

    public static string? Of(Edge? edge) => edge is null ? null : JsonSerializer.Serialize(new { edge.From, edge.Type, edge.To, edge.Group, edge.Sources, edge.Version }, Options);
}

/// <summary>An edit the graph refuses, with a code a client can act on.</summary>
public sealed class EditException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The codes of refused edits. Where <c>roadmap validate</c> has a rule for the same thing, the code is the same.</summary>
public static class EditCodes
{
    public const string Conflict = "CONFLICT";
    public const string NotFound = "NOT_FOUND";
    public const string HasEdges = "HAS_EDGES";
    public const string DocumentsReadOnly = "DOCUMENTS_READ_ONLY";
    public const string BadId = "BAD_ID";
    public const string BadValue = "BAD_VALUE";
    public const string MissingField = "MISSING_FIELD";
    public const string MissingSource = "MISSING_SOURCE";
    public const string DuplicateName = "DUPLICATE_NAME";
    public const string DuplicateSource = "DUPLICATE_SOURCE";
    public const string DanglingEdge = "DANGLING_EDGE";
    public const string SelfLoop = "SELF_LOOP";
    public const string BadEdgeKinds = "BAD_EDGE_KINDS";
    public const string BadGroup = "BAD_GROUP";
    public const string UnknownDocument = "UNKNOWN_DOCUMENT";
    public const string QuoteNotFound = "QUOTE_NOT_FOUND";
    public const string ReadOnlyStore = "READ_ONLY_STORE";
}
