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
                var since = c.GetArgument<DateTime?>("since") is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, t.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : t.Kind)) : (DateTimeOffset?)null;
                // A store without edits has no log to show; an empty list would read as "nothing has changed".
                var editor = c.RequestServices!.GetService<IEditableGraphStore>()
                    ?? throw new RoadmapError(ErrorCodes.ReadOnlyStore, "This store is read-only and keeps no audit log: edits and their log need the embedded store.");
                return await editor.AuditLogAsync(since, after, c.GetArgument<string?>("target"), first, c.CancellationToken);
            });
}
