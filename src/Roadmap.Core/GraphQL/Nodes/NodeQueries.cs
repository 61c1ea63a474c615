using GraphQL;
using GraphQL.Types;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.GraphQL.Loading;
using Roadmap.Core.GraphQL.Paging;
using Roadmap.Core.GraphQL.Search;
using Roadmap.Core.Rules;

namespace Roadmap.Core.GraphQL.Nodes;

/// <summary>The query fields that find nodes: by id, a page at a time, by name, and the plans.</summary>
public static class NodeQueries
{
    public static void AddNode(ObjectGraphType query) =>
        query.Field<NodeInterface>("node")
            .Description("One node by id; null when no node has that id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The node's id, such as product:ct or component:flat-panel-detector.")
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string>("id");
                var found = await c.Store().GetNodesAsync([id], c.CancellationToken);
                return found.GetValueOrDefault(id);
            });

    public static void AddSearch(ObjectGraphType query) =>
        query.Field<NonNullGraphType<SearchHitConnectionGraphType>>("search")
            .Description("Nodes whose nameZh, nameEn or an alias contains the text, case-insensitive, as a connection: exact matches first, then prefixes, then word starts, then the rest (each hit says which); within each, shorter names first, then by id.")
            .Argument<NonNullGraphType<StringGraphType>>("text",
                $"What to look for, in Chinese or English: 1 to {ArgumentLimits.MaxSearchText} characters once surrounding whitespace is trimmed.")
            .Argument<ListGraphType<NonNullGraphType<NodeKindEnum>>>("kinds", NodeKindsArgument.Description)
            .Argument<NonNullGraphType<IntGraphType>>("first", a => { a.DefaultValue = 20; a.Description = $"At most this many, 1 to {ArgumentLimits.MaxPageSize}."; })
            .Argument<StringGraphType>("after", "The endCursor of the page before, from a search with the same text and kinds.")
            .ResolveAsync(async c =>
            {
                var text = c.GetArgument<string>("text").Trim();
                if (text.Length == 0 || GraphRules.TextLength(text) > ArgumentLimits.MaxSearchText)
                {
                    throw new RoadmapError(ErrorCodes.InvalidArgument, $"'text' must have 1 to {ArgumentLimits.MaxSearchText} characters.");
                }
                // The read model keeps every node's names in one text, separated by NUL: a NUL would match them all.
                if (text.Any(char.IsControl)) throw new RoadmapError(ErrorCodes.InvalidArgument, "'text' must not contain control characters (NUL, tabs, line breaks).");
                var first = ArgumentLimits.InRange(c, "first", 1, ArgumentLimits.MaxPageSize);
                var kinds = NodeKindsArgument.Read(c);
                var fingerprint = SearchHitConnection.FingerprintOf(text, kinds);
                var after = c.GetArgument<string?>("after") is { } cursor ? SearchHitConnection.Decode(cursor, fingerprint) : null;
                return new SearchHitConnection(await c.Store().SearchAsync(text, kinds, after, first, c.CancellationToken), fingerprint);
            });

    public static void AddDocuments(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DocumentGraphType>>>>("documents")
            .Description("The plans the graph is drawn from, oldest first.")
            .ResolveAsync(async c =>
            {
                var page = await c.Store().ListNodesAsync(new HashSet<NodeKind> { NodeKind.Document }, 0, ArgumentLimits.MaxPageSize, c.CancellationToken);
                return page.Nodes.OrderBy(n => n.Year).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
            });
}
