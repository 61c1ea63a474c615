using Roadmap.Core.Errors;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.Editing;
using Roadmap.Core.Graph;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL;

public sealed class RoadmapQuery : ObjectGraphType
{
    public RoadmapQuery()
    {
        Name = "Query";
        Description = "Questions about the technology roadmap: what a thing needs, what needs it, how one reaches another, what a gap hits.";

        Field<NodeInterface>("node")
            .Description("One node by id; null when no node has that id.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string>("id");
                var found = await Store(c).GetNodesAsync([id], c.CancellationToken);
                return found.GetValueOrDefault(id);
            });

        Field<NonNullGraphType<NodeConnectionType>>("nodes")
            .Description("All nodes, or those of some kinds, a page at a time in id order.")
            .Argument<ListGraphType<NonNullGraphType<NodeKindType>>>("kinds", "Only these kinds; all when omitted.")
            .Argument<IntGraphType>("first", a => { a.DefaultValue = 20; a.Description = $"Page size, 0 to {ArgumentLimits.MaxPageSize}."; })
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .ResolveAsync(async c =>
            {
                var first = ArgumentLimits.InRange(c, "first", 0, ArgumentLimits.MaxPageSize);
                var after = c.GetArgument<string?>("after");
                var offset = after is null ? 0 : Cursors.Decode(after) + 1;
                return await Store(c).ListNodesAsync(Kinds(c), offset, first, c.CancellationToken);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("search")
            .Description("Nodes whose nameZh, nameEn or an alias contains the text, case-insensitive; exact matches first, then prefixes, then word starts, then the rest.")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<ListGraphType<NonNullGraphType<NodeKindType>>>("kinds", "Only these kinds; all when omitted.")
            .Argument<IntGraphType>("first", a => { a.DefaultValue = 20; a.Description = $"At most this many, 1 to {ArgumentLimits.MaxPageSize}."; })
            .ResolveAsync(async c =>
            {
                var text = c.GetArgument<string>("text").Trim();
                if (text.Length == 0 || text.Length > ArgumentLimits.MaxSearchText)
                {
                    throw new RoadmapError(ErrorCodes.InvalidArgument, $"'text' must have 1 to {ArgumentLimits.MaxSearchText} characters.");
                }
                var first = ArgumentLimits.InRange(c, "first", 1, ArgumentLimits.MaxPageSize);
                return await Store(c).SearchAsync(text, Kinds(c), first, c.CancellationToken);
            });

        Field<NonNullGraphType<SubgraphType>>("dependencies")
            .Description("What a node needs, following edges forward: a product's components, their materials, the technologies they use.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<IntGraphType>("maxDepth", a => { a.DefaultValue = 3; a.Description = $"1 to {ArgumentLimits.MaxDepth} edges."; })
            .ResolveAsync(c => Reach(c, Direction.Forward));

        Field<NonNullGraphType<SubgraphType>>("dependents")
            .Description("What needs a node, following edges backward: the products and programs that rely on a component.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<IntGraphType>("maxDepth", a => { a.DefaultValue = 3; a.Description = $"1 to {ArgumentLimits.MaxDepth} edges."; })
            .ResolveAsync(c => Reach(c, Direction.Backward));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathType>>>>("paths")
            .Description("Directed simple paths from one node to another along dependency edges, shortest first: how a program reaches a technology.")
            .Argument<NonNullGraphType<IdGraphType>>("from")
            .Argument<NonNullGraphType<IdGraphType>>("to")
            .Argument<IntGraphType>("maxLength", a => { a.DefaultValue = 6; a.Description = $"1 to {ArgumentLimits.MaxPathLength} edges."; })
            .Argument<IntGraphType>("limit", a => { a.DefaultValue = 10; a.Description = $"1 to {ArgumentLimits.MaxPathCount} paths."; })
            .ResolveAsync(async c =>
            {
                var maxLength = ArgumentLimits.InRange(c, "maxLength", 1, ArgumentLimits.MaxPathLength);
                var limit = ArgumentLimits.InRange(c, "limit", 1, ArgumentLimits.MaxPathCount);
                return await Store(c).PathsAsync(c.GetArgument<string>("from"), c.GetArgument<string>("to"), maxLength, limit, c.CancellationToken);
            });

        Field<NonNullGraphType<ImpactReportType>>("impact")
            .Description("Everything that transitively needs any of the given nodes: which products and programs are BLOCKED or AT_RISK if these stay unavailable.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", $"The gap set, up to {ArgumentLimits.MaxIds} ids (empty only with assumeGaps).")
            .Argument<IntGraphType>("maxDepth", a => { a.DefaultValue = 8; a.Description = $"1 to {ArgumentLimits.MaxDepth} edges."; })
            .Argument<BooleanGraphType>("assumeGaps", a => { a.DefaultValue = false; a.Description = "Add every node whose latest assessment is DOMESTIC_GAP or IMPORT_DEPENDENT to the gap set."; })
            .ResolveAsync(async c =>
            {
                var ids = c.GetArgument<List<string>>("ids");
                var assumeGaps = c.GetArgument<bool>("assumeGaps");
                if ((ids.Count == 0 && !assumeGaps) || ids.Count > ArgumentLimits.MaxIds)
                {
                    throw new RoadmapError(ErrorCodes.ArgumentOutOfRange, $"'ids' must hold 1 to {ArgumentLimits.MaxIds} ids (0 with assumeGaps); got {ids.Count}.");
                }
                var maxDepth = ArgumentLimits.InRange(c, "maxDepth", 1, ArgumentLimits.MaxDepth);
                return await Store(c).ImpactAsync(ids, maxDepth, assumeGaps, c.CancellationToken);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BottleneckType>>>>("bottlenecks")
            .Description("The nodes that hold back the most: ranked by the products and programs that need them, then by the products a gap in them alone would block, then by id.")
            .Argument<ListGraphType<NonNullGraphType<NodeKindType>>>("kinds", "Only these kinds; all when omitted.")
            .Argument<ListGraphType<NonNullGraphType<AssessmentStatusType>>>("statuses", "Only nodes whose latest status is one of these, e.g. [IMPORT_DEPENDENT, DOMESTIC_GAP].")
            .Argument<IntGraphType>("first", a => { a.DefaultValue = 20; a.Description = $"1 to {ArgumentLimits.MaxPageSize}."; })
            .ResolveAsync(async c =>
            {
                var first = ArgumentLimits.InRange(c, "first", 1, ArgumentLimits.MaxPageSize);
                var statuses = c.GetArgument<List<AssessmentStatus>?>("statuses") is { } s ? s.ToHashSet() : null;
                return await Store(c).BottlenecksAsync(Kinds(c), statuses, first, c.CancellationToken);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssessmentType>>>>("timeline")
            .Description("How the plans judged a node, in year order (then by document); empty for an unknown id.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string>("id");
                var found = await Store(c).GetNodesAsync([id], c.CancellationToken);
                return found.TryGetValue(id, out var node)
                    ? node.Assessments.OrderBy(a => a.Year).ThenBy(a => a.Source.DocumentId, StringComparer.Ordinal).ToList()
                    : [];
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatusChangeType>>>>("changes")
            .Description("Nodes whose status improved or worsened between two years: the judgement in force in fromYear against a later plan's by toYear. Improvements first.")
            .Argument<NonNullGraphType<IntGraphType>>("fromYear")
            .Argument<NonNullGraphType<IntGraphType>>("toYear")
            .ResolveAsync(async c =>
            {
                var from = ArgumentLimits.InRange(c, "fromYear", ArgumentLimits.MinYear, ArgumentLimits.MaxYear);
                var to = ArgumentLimits.InRange(c, "toYear", ArgumentLimits.MinYear, ArgumentLimits.MaxYear);
                if (to <= from) throw new RoadmapError(ErrorCodes.InvalidArgument, $"'toYear' ({to}) must be after 'fromYear' ({from}).");
                return await Store(c).ChangesAsync(from, to, c.CancellationToken);
            });

        Field<DocumentComparisonType>("compareDocuments")
            .Description("What two plans each state something about: nodes in both, only in a, only in b. Null when either id is not a document.")
            .Argument<NonNullGraphType<IdGraphType>>("a")
            .Argument<NonNullGraphType<IdGraphType>>("b")
            .ResolveAsync(async c => await Store(c).CompareDocumentsAsync(c.GetArgument<string>("a"), c.GetArgument<string>("b"), c.CancellationToken));

        Field<RoadmapType>("roadmap")
            .Description("The roadmap of one product or program: the programs that deploy it and what it depends on, by layer, with targets and periods. Null for an unknown id.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<IntGraphType>("maxDepth", a => { a.DefaultValue = 6; a.Description = $"1 to {ArgumentLimits.MaxDepth} edges, each way."; })
            .ResolveAsync(async c =>
            {
                var maxDepth = ArgumentLimits.InRange(c, "maxDepth", 1, ArgumentLimits.MaxDepth);
                return await Store(c).RoadmapAsync(c.GetArgument<string>("id"), maxDepth, c.CancellationToken);
            });

        Field<NonNullGraphType<GraphStatsType>>("stats")
            .Description("How many nodes and edges, by kind and by type.")
            .ResolveAsync(async c => await Store(c).StatsAsync(c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DocumentType>>>>("documents")
            .Description("The plans the graph is drawn from, oldest first.")
            .ResolveAsync(async c =>
            {
                var page = await Store(c).ListNodesAsync(new HashSet<NodeKind> { NodeKind.Document }, 0, ArgumentLimits.MaxPageSize, c.CancellationToken);
                return page.Nodes.OrderBy(n => n.Year).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
            });

        AddAuditLog();
    }

    private void AddAuditLog()
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryType>>>>("auditLog")
            .Description("Every change made through the API, oldest first. Needs an API key (editor or admin).")
            .Argument<DateTimeGraphType>("since", "Entries at or after this time (UTC); all when omitted.")
            .Argument<IntGraphType>("afterSequence", a => { a.DefaultValue = 0; a.Description = "Entries after this sequence number: pass the last one seen to page on."; })
            .Argument<IntGraphType>("first", a => { a.DefaultValue = 50; a.Description = $"1 to {ArgumentLimits.MaxPageSize}."; })
            .Argument<StringGraphType>("target", "Only the entries of one node id, or of one edge written as 'from -TYPE-> to'.")
            .ResolveAsync(async c =>
            {
                Access.Require(c, Security.Roles.Editor);
                var first = ArgumentLimits.InRange(c, "first", 1, ArgumentLimits.MaxPageSize);
                var after = ArgumentLimits.InRange(c, "afterSequence", 0, int.MaxValue);
                var since = c.GetArgument<DateTime?>("since") is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, t.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : t.Kind)) : (DateTimeOffset?)null;
                // A store without edits has no log to show; an empty list would read as "nothing has changed".
                var editor = c.RequestServices!.GetService<IEditableGraphStore>()
                    ?? throw new RoadmapError(ErrorCodes.ReadOnlyStore, "This store is read-only and keeps no audit log: edits and their log need the embedded store.");
                return await editor.AuditLogAsync(since, after, c.GetArgument<string?>("target"), first, c.CancellationToken);
            });
    }

    private static IGraphStore Store(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<IGraphStore>();

    private static HashSet<NodeKind>? Kinds(IResolveFieldContext context) =>
        context.GetArgument<List<NodeKind>?>("kinds") is { } kinds ? [.. kinds] : null;

    private static async Task<object?> Reach(IResolveFieldContext context, Direction direction)
    {
        var maxDepth = ArgumentLimits.InRange(context, "maxDepth", 1, ArgumentLimits.MaxDepth);
        return await Store(context).ReachAsync(context.GetArgument<string>("id"), direction, maxDepth, context.CancellationToken);
    }
}

public sealed class RoadmapSchema : Schema
{
    public RoadmapSchema(IServiceProvider services) : base(services)
    {
        Description = "The technology roadmap of China's medical-device plans: technologies, components, products, programs and the plans that link them.";
        Query = services.GetRequiredService<RoadmapQuery>();
        Mutation = services.GetRequiredService<RoadmapMutation>();
        // Object types reached only through the Node interface must be registered explicitly.
        RegisterType(typeof(TechnologyType));
        RegisterType(typeof(ComponentNodeType));
        RegisterType(typeof(ProductType));
        RegisterType(typeof(ProgramNodeType));
        RegisterType(typeof(DocumentType));
    }
}
