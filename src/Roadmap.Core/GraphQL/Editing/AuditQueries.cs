using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.Errors;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.Security;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Editing;

/// <summary>The query field that reads the audit log of the edits.</summary>
public static class AuditQueries
{
    public static void AddAuditLog(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryGraphType>>>>("auditLog")
            .Description("Every change made through the API, oldest first, a page of first at a time: pass the last sequence seen as afterSequence for the next (a keyset on the log's own order, not a Relay connection). Needs an API key (editor or admin).")
            .Argument<DateTimeGraphType>("since", "Entries at or after this time (UTC); all when omitted.")
            .Argument<NonNullGraphType<IntGraphType>>("afterSequence", a => { a.DefaultValue = 0; a.Description = "Entries after this sequence number: pass the last one seen to page on."; })
            .Argument<NonNullGraphType<IntGraphType>>("first", a => { a.DefaultValue = 50; a.Description = $"1 to {ArgumentLimits.MaxPageSize}."; })
            .Argument<StringGraphType>("target", "Only the entries of one node id, or of one edge written as 'from -TYPE-> to'.")
            .ResolveAsync(async c =>
            {
                Access.Require(c, Roles.Editor);
                var first = ArgumentLimits.InRange(c, "first", 1, ArgumentLimits.MaxPageSize);
                var after = ArgumentLimits.InRange(c, "afterSequence", 0, int.MaxValue);
                var since = c.GetArgument<DateTime?>("since") is { } t ? Utc(t) : (DateTimeOffset?)null;
                // A store without edits has no log to show; an empty list would read as "nothing has changed".
                var editor = c.RequestServices!.GetService<IEditableGraphStore>()
                    ?? throw new RoadmapError(ErrorCodes.ReadOnlyStore, "This store is read-only and keeps no audit log: edits and their log need the embedded store.");
                return await editor.AuditLogAsync(since, after, c.GetArgument<string?>("target"), first, c.CancellationToken);
            });

    public static void AddGraphDiff(ObjectGraphType query) =>
        query.Field<NonNullGraphType<GraphDiffGraphType>>("graphDiff")
            .Description("What the edits committed between since and until changed, from the audit log: nodes and edges added, updated and deleted, each once with its net change, and the counts. " +
                "Ids and kinds of change only (who and the JSON before and after are the audit log's, behind a key), so it is open to every reader, as the change feed is.")
            .Argument<NonNullGraphType<DateTimeGraphType>>("since", "The window's start, inclusive (UTC).")
            .Argument<DateTimeGraphType>("until", "The window's end, exclusive (UTC); now when omitted. Not before since (ARGUMENT_OUT_OF_RANGE).")
            .ResolveAsync(async c =>
            {
                var since = Utc(c.GetArgument<DateTime>("since"));
                var until = c.GetArgument<DateTime?>("until") is { } u ? Utc(u) : (DateTimeOffset?)null;
                if (until < since) throw new RoadmapError(ErrorCodes.ArgumentOutOfRange, "'until' must not be before 'since'.");
                var editor = c.RequestServices!.GetService<IEditableGraphStore>()
                    ?? throw new RoadmapError(ErrorCodes.ReadOnlyStore, "This store is read-only and keeps no audit log to diff: edits and their log need the embedded store.");
                return await editor.DiffAsync(since, until, c.CancellationToken);
            });

    private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, t.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : t.Kind));
}
