using Roadmap.Core.Analysis;
using Roadmap.Core.Errors;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.GraphQL.Paging;

namespace Roadmap.Core.GraphQL.Search;

/// <summary>
/// A page of name hits as a Relay connection. A cursor is the hit's rank key (how it matched, its name's length, its
/// id), so an edit between two pages neither repeats nor skips a node that stays.
/// </summary>
public sealed record SearchHitConnection(NameHitPage Page, string Fingerprint)
{
    public IReadOnlyList<SearchHitEdge> Edges { get; } =
        Page.Hits.Select(h => new SearchHitEdge(Cursors.Encode(Fingerprint, new NodeKey([(long)h.Match, (long)h.Length], h.Node.Id)), h)).ToList();

    public PageInfo PageInfo => new(Page.HasNextPage, false, Edges.Count > 0 ? Edges[0].Cursor : null, Edges.Count > 0 ? Edges[^1].Cursor : null);

    /// <summary>What a search is, for its cursors: the text as matched (lower case, trimmed) and the kinds.</summary>
    public static string FingerprintOf(string text, IReadOnlySet<Graph.NodeKind>? kinds) =>
        Cursors.FingerprintOf("search|" + text.Trim().ToLowerInvariant() + "|" + (kinds is null ? "*" : string.Join(",", kinds.Order())));

    /// <summary>The rank key a cursor holds; INVALID_CURSOR for one this service did not issue for this search.</summary>
    public static NameHitKey Decode(string cursor, string fingerprint)
    {
        var key = Cursors.DecodeRanked(cursor, fingerprint, 2);
        if (key.Values is not [long match, long length] || !Enum.IsDefined((SearchMatch)match) || length is < 0 or > int.MaxValue)
        {
            throw new RoadmapError(ErrorCodes.InvalidCursor, $"'{cursor}' is not a cursor this service issued.");
        }
        return new NameHitKey((SearchMatch)match, (int)length, key.Id);
    }
}

public sealed record SearchHitEdge(string Cursor, NameHit Hit);
