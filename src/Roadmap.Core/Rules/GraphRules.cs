using Roadmap.Core.Errors;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;

namespace Roadmap.Core.Rules;

/// <summary>A rule a node, edge or source breaks: the catalogued code and what is wrong, in the curator's terms.</summary>
public readonly record struct RuleViolation(ErrorCode Code, string Message)
{
    /// <summary>The refusal an edit gets for it.</summary>
    public RoadmapException ToException() => new(Code, Message);
}

/// <summary>
/// The rules every node, edge and source of the graph keeps, whether it comes from the seed files
/// (<see cref="SeedReader"/> and <see cref="SeedLoader"/> report each violation at its file and line) or from an
/// edit (the edit planner refuses the first): one definition, so that a dataset <c>roadmap validate</c> accepts
/// and an edit the API accepts obey the same rules, with the same codes.
/// </summary>
public static class GraphRules
{
    public const int MaxNameLength = 200;
    public const int MaxQuoteLength = 2_000;
    public const int MaxNoteLength = 4_000;
    public const int MaxListLength = 50;

    /// <summary>
    /// A text's length as its reader counts characters: text elements, so that an emoji or a character outside the
    /// Basic Multilingual Plane (two UTF-16 units, four bytes) counts once against a limit.
    /// </summary>
    public static int TextLength(string text) => new System.Globalization.StringInfo(text).LengthInTextElements;

    /// <summary>BAD_ID unless the id is the kind's prefix and a lowercase slug.</summary>
    public static RuleViolation? Id(NodeKind kind, string id)
    {
        var prefix = NodeKinds.Prefix(kind);
        return id.StartsWith(prefix, StringComparison.Ordinal) && IsSlug(id.AsSpan(prefix.Length)) && id.Length <= MaxNameLength
            ? null
            : new(ErrorCodes.BadId, $"id '{id}' must be '{prefix}' followed by a lowercase slug (a-z, 0-9, '-')");
    }

    /// <summary>DUPLICATE_NAME: one node per real thing, so two nodes of a kind never share a nameZh.</summary>
    public static RuleViolation DuplicateName(string id, string nameZh, string otherId) =>
        new(ErrorCodes.DuplicateName, $"nameZh '{nameZh}' of '{id}' is already used by '{otherId}'; one node per real thing");

    /// <summary>MISSING_SOURCE unless a node or edge cites at least one clause.</summary>
    public static RuleViolation? HasSources(int count, string what) =>
        count > 0 ? null : new(ErrorCodes.MissingSource, $"{what} needs at least one source: the clause of a plan that states it");

    /// <summary>DANGLING_EDGE, SELF_LOOP or BAD_EDGE_KINDS for an edge between the given ends (null: no such node).</summary>
    public static IEnumerable<RuleViolation> Edge(string fromId, EdgeType type, string toId, Node? from, Node? to)
    {
        if (from is null) yield return new(ErrorCodes.DanglingEdge, $"edge from unknown node '{fromId}'");
        if (to is null) yield return new(ErrorCodes.DanglingEdge, $"edge to unknown node '{toId}'");
        if (from is null || to is null) yield break;
        if (fromId == toId) yield return new(ErrorCodes.SelfLoop, $"edge from '{fromId}' to itself");
        if (!NodeKinds.Allows(type, from.Kind, to.Kind))
        {
            yield return new(ErrorCodes.BadEdgeKinds, $"{EnumNames.ToConstant(type)} cannot join a {from.Kind} to a {to.Kind}");
        }
    }

    /// <summary>BAD_GROUP: only a requirement can have alternatives.</summary>
    public static RuleViolation? Group(EdgeType type, string? group) =>
        group is null || type is EdgeType.Requires or EdgeType.UsesTechnology
            ? null
            : new(ErrorCodes.BadGroup, "only REQUIRES and USES_TECHNOLOGY edges can be alternatives");

    /// <summary>BAD_REACH: only a need (REQUIRES or USES_TECHNOLOGY) can be stated for a class as a whole.</summary>
    public static RuleViolation? Reach(EdgeType type, NeedReach reach) =>
        reach == NeedReach.EveryMember || type is EdgeType.Requires or EdgeType.UsesTechnology
            ? null
            : new(ErrorCodes.BadReach, "only a REQUIRES or USES_TECHNOLOGY edge can be a need of the class as a whole (reach: class)");

    /// <summary>BAD_REACH: the alternatives of one group are one need, of every member or of the class, not both.</summary>
    public static RuleViolation? GroupReach(string from, string group, IEnumerable<NeedReach> reaches) =>
        reaches.Distinct().Count() <= 1
            ? null
            : new(ErrorCodes.BadReach, $"the alternatives of group '{group}' of '{from}' differ in reach; a choice is one need, of every member or of the class as a whole");

    /// <summary>
    /// REACH_WITHOUT_MEMBERS: a need stated for a class as a whole needs a class, a node some other node is a
    /// VARIANT_OF; on anything else it would mean nothing.
    /// </summary>
    public static RuleViolation? ReachHasMembers(Edge edge, bool fromHasMembers) =>
        edge.Reach == NeedReach.EveryMember || fromHasMembers
            ? null
            : new(ErrorCodes.ReachWithoutMembers, $"'{edge.From}' has no members (no node is a VARIANT_OF it), so its need of '{edge.To}' cannot be the class's as a whole (reach: class)");

    /// <summary>BAD_VALUE unless a period runs forward within the plans' years.</summary>
    public static RuleViolation? Period(Period period)
    {
        if (period.End < period.Start) return new(ErrorCodes.BadValue, $"period ends ({period.End}) before it starts ({period.Start})");
        return PlanYears.Contains(period.Start) && (period.End is null || PlanYears.Contains(period.End.Value))
            ? null
            : new(ErrorCodes.BadValue, $"period must lie within {PlanYears.Min} to {PlanYears.Max}");
    }

    /// <summary>
    /// UNKNOWN_DOCUMENT unless the source cites a document with its text, QUOTE_NOT_FOUND unless the quote occurs in
    /// that text (both folded, see <see cref="QuoteFolding"/>).
    /// </summary>
    public static RuleViolation? Quote(Source source, Node? document)
    {
        if (document is not { Kind: NodeKind.Document }) return new(ErrorCodes.UnknownDocument, $"source cites '{source.DocumentId}', which is not a document");
        if (document.Text is not { } text) return new(ErrorCodes.UnknownDocument, $"'{source.DocumentId}' has no text to check the quote against");
        return QuoteFolding.FoldPlanText(text).Contains(QuoteFolding.Fold(source.Quote), StringComparison.Ordinal)
            ? null
            : new(ErrorCodes.QuoteNotFound, $"quote \"{source.Quote}\" does not occur in {source.DocumentId}");
    }

    /// <summary>Lowercase ASCII letters, digits and inner hyphens.</summary>
    public static bool IsSlug(ReadOnlySpan<char> s) =>
        s.Length > 0 && s[0] != '-' && s[^1] != '-' && !s.ContainsAnyExcept(SlugCharacters);

    private static readonly System.Buffers.SearchValues<char> SlugCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");
}
