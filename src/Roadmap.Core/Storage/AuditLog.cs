using System.Text.Json;
using Roadmap.Core.Graph;

namespace Roadmap.Core.Storage;

/// <summary>One row of the audit log: who changed what, when, and the thing before and after as JSON.</summary>
/// <param name="Sequence">The entry's number in the log, in the order written.</param>
/// <param name="ChangeId">Entries written by one mutation share it (a cascading delete writes several).</param>
/// <param name="At">When the change was committed.</param>
/// <param name="Actor">The name of the API key used.</param>
/// <param name="Operation">The mutation, such as <c>upsertNode</c>.</param>
/// <param name="Target">A node id, or an edge as <c>from -TYPE-&gt; to</c>.</param>
/// <param name="Before">The node or edge before the change as JSON; null for a creation.</param>
/// <param name="After">The node or edge after the change as JSON; null for a deletion.</param>
public sealed record AuditEntry(long Sequence, long ChangeId, DateTimeOffset At, string Actor, string Operation, string Target, string? Before, string? After)
{
    /// <summary>Fixed-width UTC, so that the text order in the file is the time order.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
}

/// <summary>How the audit log writes a node or edge: camelCase and CONSTANT_CASE enums, as the GraphQL schema spells them.</summary>
internal static class AuditJson
{
    /// <summary>One audit record per changed edge, then per changed node: the target and its JSON before and after.</summary>
    public static IEnumerable<(string Target, string? Before, string? After)> Records(GraphEdit edit)
    {
        // Edges first: a cascading delete removes the edges before the node they hang on.
        foreach (var change in edit.Edges)
        {
            yield return ((change.Before ?? change.After)!.Key.ToString(), Of(change.Before), Of(change.After));
        }
        foreach (var change in edit.Nodes)
        {
            // A plan added through the API has its text nowhere else: the entry that adds it keeps it.
            var after = change is { Before: null, After.Kind: NodeKind.Document } ? JsonSerializer.Serialize(change.After, Options) : Of(change.After);
            yield return ((change.Before ?? change.After)!.Id, Of(change.Before), after);
        }
    }

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

    public static string? Of(Edge? edge) => edge is null ? null : JsonSerializer.Serialize(new { edge.From, edge.Type, edge.To, edge.Group, edge.Reach, edge.Sources, edge.Version }, Options);
}

