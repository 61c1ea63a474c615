using System.Text;
using Roadmap.Core.Analysis;
using Roadmap.Core.Errors;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.GraphQL.Paging;

namespace Roadmap.Core.GraphQL.Search;

/// <summary>A page of source hits as a Relay connection; a cursor is the hit's place in the plans, which never change.</summary>
public sealed record SourceHitConnection(SourceHitPage Page, string Fingerprint)
{
    public IReadOnlyList<SourceHitEdge> Edges { get; } = Page.Hits.Select(h => new SourceHitEdge(Encode(Fingerprint, h.Document.Id, h.Position), h)).ToList();

    public PageInfo PageInfo => new(Page.HasNextPage, false, Edges.Count > 0 ? Edges[0].Cursor : null, Edges.Count > 0 ? Edges[^1].Cursor : null);

    public static string Encode(string fingerprint, string document, int position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"hit:{fingerprint}:{position}:{document}"));

    /// <summary>The hit key a cursor holds; INVALID_CURSOR for one this service did not issue for this search.</summary>
    public static (string Document, int Position) Decode(string cursor, string fingerprint)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        }
        catch (FormatException)
        {
            throw new RoadmapError(ErrorCodes.InvalidCursor, $"'{cursor}' is not a cursor this service issued.");
        }
        var parts = text.Split(':', 4);
        if (parts is not ["hit", _, var position, var document] || !int.TryParse(position, out var at) || at < 0)
        {
            throw new RoadmapError(ErrorCodes.InvalidCursor, $"'{cursor}' is not a cursor this service issued.");
        }
        if (parts[1] != fingerprint) throw new RoadmapError(ErrorCodes.InvalidCursor, "The cursor belongs to another search; start again without it.");
        return (document, at);
    }
}

public sealed record SourceHitEdge(string Cursor, SourceHit Node);
