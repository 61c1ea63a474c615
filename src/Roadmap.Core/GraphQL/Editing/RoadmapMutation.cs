using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.Editing;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.GraphQL.Loading;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.Security;
using Roadmap.Core.Storage;

namespace Roadmap.Core.GraphQL.Editing;

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

        Field<ChangeResultGraphType>("upsertNode")
            .Description("Creates a node (omit expectedVersion) or updates one (pass the version you read). Assessments, targets and goals are kept; lists and attributes left out keep their values.")
            .Argument<NonNullGraphType<NodeInputGraphType>>("input", "The node as it should be; its id says which node.")
            .Argument<IntGraphType>("expectedVersion", "The version the update is based on; CONFLICT when the node has changed since.")
            .ResolveAsync(c => Edit(c, Roles.Editor, g => EditPlanner.UpsertNode(g, c.GetArgument<NodeInput>("input").ToDraft(), ExpectedVersion(c))));

        Field<ChangeResultGraphType>("upsertEdge")
            .Description("Creates an edge (omit expectedVersion) or replaces its sources and group (pass the version you read).")
            .Argument<NonNullGraphType<EdgeInputGraphType>>("input", "The edge as it should be; from, type and to say which edge.")
            .Argument<IntGraphType>("expectedVersion", "The version the update is based on; CONFLICT when the edge has changed since.")
            .ResolveAsync(c => Edit(c, Roles.Editor, g => EditPlanner.UpsertEdge(g, c.GetArgument<EdgeInput>("input").ToEdge(), ExpectedVersion(c))));

        Field<ChangeResultGraphType>("deleteNode")
            .Description("Deletes a node. Refused with HAS_EDGES while edges touch it, unless cascade is true, which deletes them too. Admins only.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The node to delete; documents cannot be deleted.")
            .Argument<NonNullGraphType<BooleanGraphType>>("cascade", a => { a.DefaultValue = false; a.Description = "Delete the edges that touch the node as well, in the same change."; })
            .Argument<IntGraphType>("expectedVersion", "The node's version as you read it; CONFLICT when it has changed since. Omitted, the node is deleted whatever its version.")
            .ResolveAsync(c => Edit(c, Roles.Admin, g => EditPlanner.DeleteNode(g, c.GetArgument<string>("id"), c.GetArgument<bool>("cascade"), ExpectedVersion(c))));

        Field<ChangeResultGraphType>("deleteEdge")
            .Description("Deletes an edge; the nodes at its ends stay.")
            .Argument<NonNullGraphType<EdgeKeyInputGraphType>>("edge", "The edge, by from, type and to.")
            .Argument<IntGraphType>("expectedVersion", "The edge's version as you read it; CONFLICT when it has changed since. Omitted, the edge is deleted whatever its version.")
            .ResolveAsync(c => Edit(c, Roles.Editor, g => EditPlanner.DeleteEdge(g, c.GetArgument<EdgeKeyInput>("edge").ToKey(), ExpectedVersion(c))));

        Field<ChangeResultGraphType>("addAssessment")
            .Description("Records a plan's judgement of a node; its year is the cited plan's.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The node judged; not a document.")
            .Argument<NonNullGraphType<AssessmentStatusEnum>>("status", "The plan's judgement.")
            .Argument<NonNullGraphType<SourceInputGraphType>>("source", "The clause that makes the judgement; DUPLICATE_SOURCE when the node has this status from this clause already.")
            .Argument<IntGraphType>("expectedVersion", "The node's version as you read it; CONFLICT when it has changed since. Omitted, the assessment is added whatever the version.")
            .ResolveAsync(c => Edit(c, Roles.Editor, g => EditPlanner.AddAssessment(
                g, c.GetArgument<string>("id"), c.GetArgument<AssessmentStatus>("status"), c.GetArgument<SourceInput>("source").ToSource(), ExpectedVersion(c))));

        Field<ChangeResultGraphType>("addSource")
            .Description("Adds a clause that states a node (id) or an edge (edge); name exactly one.")
            .Argument<IdGraphType>("id", "The node the clause states; not a document.")
            .Argument<EdgeKeyInputGraphType>("edge", "The edge the clause states.")
            .Argument<NonNullGraphType<SourceInputGraphType>>("source", "The clause; DUPLICATE_SOURCE when the node or edge cites it already.")
            .Argument<IntGraphType>("expectedVersion",
                "The version of the node or edge as you read it; CONFLICT when it has changed since. Omitted, the source is added whatever the version.")
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
            context.Loaders().Clear();
            return result;
        }
        catch (RoadmapException e)
        {
            throw RoadmapError.From(e);
        }
    }
}
