using Roadmap.Core.Errors;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.Editing;
using Roadmap.Core.Graph;
using Roadmap.Core.Security;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL;

/// <summary>
/// Changes to the graph. Each needs an API key (Authorization: Bearer); each is checked by the rules the seeds
/// are checked by, committed durably with an audit entry, and refused with CONFLICT when it names a version that
/// is no longer current.
/// </summary>
public sealed class RoadmapMutation : ObjectGraphType
{
    public RoadmapMutation()
    {
        Name = "Mutation";
        Description = "Edits to the roadmap. Every mutation needs an API key with the editor or admin role; every fact it adds cites a clause of a plan. " +
            "Mutations in one document run in order, each committed on its own; a refused one is null with a coded error, and the others still show what they did.";

        Field<ChangeResultType>("upsertNode")
            .Description("Creates a node (omit expectedVersion) or updates one (pass the version you read). Assessments, targets and goals are kept; lists and attributes left out keep their values.")
            .Argument<NonNullGraphType<NodeInputType>>("input")
            .Argument<IntGraphType>("expectedVersion", "The version the update is based on; CONFLICT when the node has changed since.")
            .ResolveAsync(c => Edit(c, Roles.Editor, g => EditPlanner.UpsertNode(g, c.GetArgument<NodeInput>("input").ToDraft(), ExpectedVersion(c))));

        Field<ChangeResultType>("upsertEdge")
            .Description("Creates an edge (omit expectedVersion) or replaces its sources and group (pass the version you read).")
            .Argument<NonNullGraphType<EdgeInputType>>("input")
            .Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(c => Edit(c, Roles.Editor, g => EditPlanner.UpsertEdge(g, c.GetArgument<EdgeInput>("input").ToEdge(), ExpectedVersion(c))));

        Field<ChangeResultType>("deleteNode")
            .Description("Deletes a node. Refused with HAS_EDGES while edges touch it, unless cascade is true, which deletes them too. Admins only.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<BooleanGraphType>("cascade", a => a.DefaultValue = false)
            .Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(c => Edit(c, Roles.Admin, g => EditPlanner.DeleteNode(g, c.GetArgument<string>("id"), c.GetArgument<bool>("cascade"), ExpectedVersion(c))));

        Field<ChangeResultType>("deleteEdge")
            .Argument<NonNullGraphType<EdgeKeyInputType>>("edge")
            .Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(c => Edit(c, Roles.Editor, g => EditPlanner.DeleteEdge(g, c.GetArgument<EdgeKeyInput>("edge").ToKey(), ExpectedVersion(c))));

        Field<ChangeResultType>("addAssessment")
            .Description("Records a plan's judgement of a node; its year is the cited plan's.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<AssessmentStatusType>>("status")
            .Argument<NonNullGraphType<SourceInputType>>("source")
            .Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(c => Edit(c, Roles.Editor, g => EditPlanner.AddAssessment(
                g, c.GetArgument<string>("id"), c.GetArgument<AssessmentStatus>("status"), c.GetArgument<SourceInput>("source").ToSource(), ExpectedVersion(c))));

        Field<ChangeResultType>("addSource")
            .Description("Adds a clause that states a node (id) or an edge (edge); name exactly one.")
            .Argument<IdGraphType>("id")
            .Argument<EdgeKeyInputType>("edge")
            .Argument<NonNullGraphType<SourceInputType>>("source")
            .Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(c => Edit(c, Roles.Editor, g => EditPlanner.AddSource(
                g, c.GetArgument<string?>("id"), c.GetArgument<EdgeKeyInput?>("edge")?.ToKey(), c.GetArgument<SourceInput>("source").ToSource(), ExpectedVersion(c))));
    }

    private static int? ExpectedVersion(IResolveFieldContext c) => c.GetArgument<int?>("expectedVersion");

    private static async Task<object?> Edit(IResolveFieldContext context, string role, Func<GraphIndex, GraphEdit> plan)
    {
        var actor = Access.Require(context, role);
        var editor = context.RequestServices!.GetService<IEditableGraphStore>()
            ?? throw new RoadmapError(ErrorCodes.ReadOnlyStore, "This store is read-only: edits need the embedded store.");
        try
        {
            // The request's token bounds the wait for the write lock only (the execution timeout applies); once
            // the lock is held the edit runs to its commit, so a client that hangs up cannot leave it half done.
            var result = await editor.EditAsync(actor, plan, context.CancellationToken);
            // What this request loaded before the edit is stale now.
            context.RequestServices!.GetRequiredService<RequestLoaders>().Clear();
            return result;
        }
        catch (RoadmapException e)
        {
            throw new RoadmapError(e.Code, e.Message);
        }
    }
}

/// <summary>Role checks for resolvers: the caller is the principal the API's key middleware put on the request.</summary>
public static class Access
{
    /// <summary>The caller's name, for the audit log; UNAUTHENTICATED without a key, FORBIDDEN without the role.</summary>
    public static string Require(IResolveFieldContext context, string role)
    {
        var user = context.User;
        if (user?.Identity is not { IsAuthenticated: true, Name: { } name })
        {
            throw new RoadmapError(ErrorCodes.Unauthenticated, "This needs an API key: send 'Authorization: Bearer <key>'.");
        }
        if (!Roles.Grants(user, role)) throw new RoadmapError(ErrorCodes.Forbidden, $"This needs the {role} role; the key '{name}' does not have it.");
        return name;
    }
}

public sealed class SourceInput
{
    public string Document { get; set; } = "";
    public string Section { get; set; } = "";
    public string Quote { get; set; } = "";

    public Source ToSource() => new(Document, Section, Quote);
}

public sealed class PeriodInput
{
    public int Start { get; set; }
    public int? End { get; set; }
}

public sealed class NodeInput
{
    public string Id { get; set; } = "";
    public NodeKind Kind { get; set; }
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public List<string>? Aliases { get; set; }
    public List<SourceInput>? Sources { get; set; }
    public string? Note { get; set; }
    public Graph.ComponentType? ComponentType { get; set; }
    public Field? Field { get; set; }
    public Graph.ProgramType? ProgramType { get; set; }
    public PeriodInput? Period { get; set; }
    public List<string>? LeadAgencies { get; set; }

    public NodeDraft ToDraft() => new()
    {
        Id = Id,
        Kind = Kind,
        NameZh = NameZh,
        NameEn = NameEn,
        Aliases = Aliases,
        Sources = Sources?.Select(s => s.ToSource()).ToList(),
        Note = Note,
        ComponentType = ComponentType,
        Field = Field,
        ProgramType = ProgramType,
        Period = Period is null ? null : new Period(Period.Start, Period.End),
        LeadAgencies = LeadAgencies,
    };
}

public sealed class EdgeInput
{
    public string From { get; set; } = "";
    public EdgeType Type { get; set; }
    public string To { get; set; } = "";
    public List<SourceInput> Sources { get; set; } = [];
    public string? Group { get; set; }

    public Edge ToEdge() => new(From, Type, To, [.. Sources.Select(s => s.ToSource())], Group);
}

public sealed class EdgeKeyInput
{
    public string From { get; set; } = "";
    public EdgeType Type { get; set; }
    public string To { get; set; } = "";

    public EdgeKey ToKey() => new(From, Type, To);
}

public sealed class SourceInputType : InputObjectGraphType<SourceInput>
{
    public SourceInputType()
    {
        Name = "SourceInput";
        Description = "The clause of a plan that states a fact. The quote must occur in the document's text (whitespace and full-width forms folded).";
        Field<NonNullGraphType<IdGraphType>>("document").Description("A document id, such as document:14fyp-medical-equipment.");
        Field<NonNullGraphType<StringGraphType>>("section").Description("The clause as the plan numbers it.");
        Field<NonNullGraphType<StringGraphType>>("quote").Description("The plan's words, verbatim.");
    }
}

public sealed class PeriodInputType : InputObjectGraphType<PeriodInput>
{
    public PeriodInputType()
    {
        Name = "PeriodInput";
        Field<NonNullGraphType<IntGraphType>>("start");
        Field<IntGraphType>("end");
    }
}

public sealed class NodeInputType : InputObjectGraphType<NodeInput>
{
    public NodeInputType()
    {
        Name = "NodeInput";
        Description = "A technology, component, product or program. Documents come with the seeds and cannot be created here.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The kind's prefix and a lowercase slug, such as component:flat-panel-detector.");
        Field<NonNullGraphType<NodeKindType>>("kind");
        Field<NonNullGraphType<StringGraphType>>("nameZh");
        Field<NonNullGraphType<StringGraphType>>("nameEn");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("aliases");
        Field<ListGraphType<NonNullGraphType<SourceInputType>>>("sources").Description("Required when creating; replaces the node's sources when given.");
        Field<StringGraphType>("note").Description("An empty string clears the note.");
        Field<ComponentTypeType>("componentType").Description("Required for a component.");
        Field<FieldType>("field").Description("Required for a product; optional for a technology.");
        Field<ProgramTypeType>("programType").Description("Required for a program.");
        Field<PeriodInputType>("period").Description("Programs only.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("leadAgencies").Description("Programs only.");
    }
}

public sealed class EdgeInputType : InputObjectGraphType<EdgeInput>
{
    public EdgeInputType()
    {
        Name = "EdgeInput";
        Field<NonNullGraphType<IdGraphType>>("from").Description("The dependent.");
        Field<NonNullGraphType<EdgeTypeType>>("type");
        Field<NonNullGraphType<IdGraphType>>("to").Description("What it depends on.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceInputType>>>>("sources");
        Field<StringGraphType>("group").Description("An alternative group (REQUIRES and USES_TECHNOLOGY only).");
    }
}

public sealed class EdgeKeyInputType : InputObjectGraphType<EdgeKeyInput>
{
    public EdgeKeyInputType()
    {
        Name = "EdgeKeyInput";
        Field<NonNullGraphType<IdGraphType>>("from");
        Field<NonNullGraphType<EdgeTypeType>>("type");
        Field<NonNullGraphType<IdGraphType>>("to");
    }
}

public sealed class EdgeKeyType : ObjectGraphType<EdgeKey>
{
    public EdgeKeyType()
    {
        Name = "EdgeKey";
        Field<NonNullGraphType<IdGraphType>>("from").Resolve(c => c.Source.From);
        Field<NonNullGraphType<EdgeTypeType>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<IdGraphType>>("to").Resolve(c => c.Source.To);
    }
}

public sealed class ChangeResultType : ObjectGraphType<EditResult>
{
    public ChangeResultType()
    {
        Name = "ChangeResult";
        Description = "What a mutation changed, as committed.";
        Field<NonNullGraphType<IntGraphType>>("auditSequence").Description("The sequence number of the change's last audit entry.").Resolve(c => checked((int)c.Source.Sequence));
        Field<NodeInterface>("node").Description("The node as it is now, when the mutation changed one and it still exists.")
            .Resolve(c => c.Source.Edit.Nodes.Select(n => n.After).FirstOrDefault(n => n is not null));
        Field<EdgeGraphType>("edge").Description("The edge as it is now, when the mutation changed one and it still exists.")
            .Resolve(c => c.Source.Edit.Edges.Select(e => e.After).FirstOrDefault(e => e is not null));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("deletedNodes")
            .Resolve(c => c.Source.Edit.Nodes.Where(n => n.After is null).Select(n => n.Before!.Id).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeKeyType>>>>("deletedEdges")
            .Resolve(c => c.Source.Edit.Edges.Where(e => e.After is null).Select(e => e.Before!.Key).ToList());
    }
}

public sealed class AuditEntryType : ObjectGraphType<AuditEntry>
{
    public AuditEntryType()
    {
        Name = "AuditEntry";
        Description = "One change to one node or edge: who made it, when, and the thing before and after (JSON; null before a creation and after a deletion).";
        Field<NonNullGraphType<IntGraphType>>("sequence").Resolve(c => checked((int)c.Source.Sequence));
        Field<NonNullGraphType<IntGraphType>>("changeId").Description("Shared by the entries one mutation wrote (a cascading delete writes several).").Resolve(c => checked((int)c.Source.ChangeId));
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At.UtcDateTime);
        Field<NonNullGraphType<StringGraphType>>("actor").Description("The name of the API key used.").Resolve(c => c.Source.Actor);
        Field<NonNullGraphType<StringGraphType>>("operation").Description("The mutation, such as upsertNode.").Resolve(c => c.Source.Operation);
        Field<NonNullGraphType<StringGraphType>>("target").Description("A node id, or an edge as 'from -TYPE-> to'.").Resolve(c => c.Source.Target);
        Field<StringGraphType>("before").Resolve(c => c.Source.Before);
        Field<StringGraphType>("after").Resolve(c => c.Source.After);
    }
}
