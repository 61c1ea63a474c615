using GraphQL;
using GraphQL.Types;
using Roadmap.Core.Errors;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.GraphQL.Loading;
using Roadmap.Core.GraphQL.Paging;

namespace Roadmap.Core.GraphQL.Search;

/// <summary>Full-text search over what the plans say.</summary>
public static class SearchQueries
{
    public static void AddSearchSources(ObjectGraphType query) =>
        query.Field<NonNullGraphType<SourceHitConnectionGraphType>>("searchSources")
            .Description("Every sentence of the five plans that contains the text (case-insensitive, whitespace and full-width forms folded), with the section, a snippet, and the nodes and edges that cite it. Chinese terms of two characters or more go through a character-bigram index.")
            .Argument<NonNullGraphType<StringGraphType>>("text", $"What to look for: 1 to {ArgumentLimits.MaxSearchText} characters, such as 国产化 or 依赖进口.")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("documents", "Only in these plans; all when omitted.")
            .Argument<NonNullGraphType<IntGraphType>>("first", a => { a.DefaultValue = 20; a.Description = $"At most this many, 1 to {ArgumentLimits.MaxPageSize}."; })
            .Argument<StringGraphType>("after", "The endCursor of the page before.")
            .ResolveAsync(async c =>
            {
                var text = c.GetArgument<string>("text").Trim();
                if (text.Length == 0 || text.Length > ArgumentLimits.MaxSearchText || text.Contains('\0'))
                {
                    throw new RoadmapError(ErrorCodes.InvalidArgument, $"'text' must have 1 to {ArgumentLimits.MaxSearchText} characters.");
                }
                var first = ArgumentLimits.InRange(c, "first", 1, ArgumentLimits.MaxPageSize);
                var documents = c.GetArgument<List<string>?>("documents") is { } d ? d.ToHashSet(StringComparer.Ordinal) : null;
                var fingerprint = Cursors.FingerprintOf(text.ToLowerInvariant() + "|" + string.Join(",", documents is null ? [] : documents.Order(StringComparer.Ordinal)));
                var after = c.GetArgument<string?>("after") is { } cursor ? SourceHitConnection.Decode(cursor, fingerprint) : ((string, int)?)null;
                return new SourceHitConnection(await c.Store().SearchSourcesAsync(text, documents, after, first, c.CancellationToken), fingerprint);
            });
}
