using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Roadmap.Core.Analysis;
using Roadmap.Core.Errors;
using Roadmap.Core.GraphQL.Arguments;

namespace Roadmap.Core.GraphQL.Paging;

/// <summary>
/// Opaque cursors over an ordered node list: the key of the node (its values of the order's fields and its id, not
/// its position, so an edit between two requests neither repeats nor skips a node) and a fingerprint of the filter
/// and order it belongs to, so that a cursor from another list is refused. Base64url of a small JSON document.
/// </summary>
public static class Cursors
{
    /// <summary>What a list is: its filter and order, as one short hash.</summary>
    public static string Fingerprint(NodeFilter? filter, IReadOnlyList<NodeOrder> order) =>
        FingerprintOf((filter?.Canonical() ?? "{}") + "|" + string.Join(",", order.Select(o => $"{o.Field}:{o.Direction}")));

    /// <summary>A short hash of what a list is, for its cursors to carry: every connection's fingerprint is made here.</summary>
    public static string FingerprintOf(string listDescription) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listDescription)))[..16];

    public static string Encode(string fingerprint, NodeKey key)
    {
        var values = new JsonArray([.. key.Values.Select(v => v switch
        {
            null => null,
            long n => JsonValue.Create(n),
            string s => (JsonNode)JsonValue.Create(s),
            _ => throw new ArgumentOutOfRangeException(nameof(key)),
        })]);
        var json = new JsonObject { ["list"] = fingerprint, ["values"] = values, ["id"] = key.Id }.ToJsonString();
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The key a cursor holds; INVALID_CURSOR when this service did not issue it for this filter and order.</summary>
    public static NodeKey Decode(string cursor, string fingerprint, IReadOnlyList<NodeOrder> order) =>
        Decode(cursor, fingerprint, order.Count, i => IsNumeric(order[i].Field));

    /// <summary>
    /// The key a cursor of a list ranked by <paramref name="numbers"/> whole numbers, then the id, holds (such as a
    /// search's rank); INVALID_CURSOR when this service did not issue it for this list.
    /// </summary>
    public static NodeKey DecodeRanked(string cursor, string fingerprint, int numbers) => Decode(cursor, fingerprint, numbers, _ => true);

    private static NodeKey Decode(string cursor, string fingerprint, int valueCount, Func<int, bool> isNumeric)
    {
        JsonObject? json = null;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            json = JsonNode.Parse(Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='))) as JsonObject;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
        }
        if (json?["id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id) || json["values"] is not JsonArray values || values.Count != valueCount)
        {
            throw new RoadmapError(ErrorCodes.InvalidCursor, $"'{cursor}' is not a cursor this service issued.");
        }
        if ((string?)json["list"] != fingerprint)
        {
            throw new RoadmapError(ErrorCodes.InvalidCursor, "The cursor belongs to a list with another filter or order; start again without it.");
        }
        var keyValues = new object?[valueCount];
        for (var i = 0; i < valueCount; i++)
        {
            keyValues[i] = values[i] switch
            {
                null => null,
                JsonValue v when isNumeric(i) && v.TryGetValue<long>(out var n) => n,
                JsonValue v when !isNumeric(i) && v.TryGetValue<string>(out var s) => s,
                _ => throw new RoadmapError(ErrorCodes.InvalidCursor, $"'{cursor}' is not a cursor this service issued."),
            };
        }
        return new NodeKey(keyValues, id);
    }

    private static bool IsNumeric(NodeOrderField field) => field is not (NodeOrderField.Id or NodeOrderField.NameZh or NodeOrderField.NameEn);
}
