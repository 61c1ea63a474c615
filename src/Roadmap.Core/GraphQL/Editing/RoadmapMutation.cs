using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.Editing;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.GraphQL.Loading;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.GraphQL.Plans;
using Roadmap.Core.Plans;
using Roadmap.Core.Security;
using Microsoft.Extensions.Options;
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

        Single<UpsertNodePayloadGraphType, UpsertNodeInputGraphType, UpsertNodeInput>("upsertNode",
            "Creates a node (omit expectedVersion) or updates one (pass the version you read). Assessments, targets and goals are kept; lists and attributes left out keep their values.");
        Single<UpsertEdgePayloadGraphType, UpsertEdgeInputGraphType, UpsertEdgeInput>("upsertEdge",
            "Creates an edge (omit expectedVersion) or replaces its sources, group and reach (pass the version you read).");
        Single<DeleteNodePayloadGraphType, DeleteNodeInputGraphType, DeleteNodeInput>("deleteNode",
            "Deletes a node. Refused with HAS_EDGES while edges touch it, unless cascade is true, which deletes them too. Admins only.");
        Single<DeleteEdgePayloadGraphType, DeleteEdgeInputGraphType, DeleteEdgeInput>("deleteEdge", "Deletes an edge; the nodes at its ends stay.");
        Single<AddAssessmentPayloadGraphType, AddAssessmentInputGraphType, AddAssessmentInput>("addAssessment", "Records a plan's judgement of a node; its year is the cited plan's.");
        Single<AddSourcePayloadGraphType, AddSourceInputGraphType, AddSourceInput>("addSource", "Adds a clause that states a node or an edge (AddSourceInput is @oneOf: name exactly one).");

        Field<AddDocumentPayloadGraphType>("addDocument")
            .Description("Adds a plan: its text, read out of the file it comes in (text, Markdown, a saved web page, Word or PDF) and kept as the file gives it, so that quotes from it can be checked. " +
                "Admins only. Refused, with nothing stored, for a file that is not its format (UNREADABLE_PLAN), yields no text (NO_PLAN_TEXT: a scanned PDF), has no Chinese (NO_CHINESE_TEXT), " +
                "is over Plans:MaxFileBytes (PLAN_TOO_LARGE), or repeats a plan's text (DUPLICATE_PLAN). Refusals: " + RefusalCodes + ".")
            .Argument<NonNullGraphType<AddDocumentInputGraphType>>("input", "The plan's text or file, and what the graph records of it.")
            .ResolveAsync(async c =>
            {
                Access.Require(c, Roles.Admin);
                DocumentDraft draft;
                try
                {
                    // Read outside the write lock: a PDF's text takes longer than the edit itself.
                    draft = PlanIntake.Read(c.GetArgument<AddDocumentInput>("input").ToPlanFile(), c.RequestServices!.GetRequiredService<IOptions<PlanOptions>>().Value);
                }
                catch (RoadmapException e)
                {
                    throw RoadmapError.From(e);
                }
                return await Edit(c, Roles.Admin, graph => EditPlanner.AddDocument(graph, draft));
            });

        Field<ApplyChangesPayloadGraphType>("applyChanges")
            .Description("Applies a change set atomically: every change is checked with its single mutation's rules, role and codes, against the graph as the changes before it leave it, " +
                "and all are committed in one transaction (one audit entry per change) or none is. With dryRun, nothing is written and the payload shows what would change and every refusal. " +
                $"Applied for real, a set with a refused change fails with that change's code and extensions.index. More than {ChangeSetPlanner.MaxChanges} changes is ARGUMENT_OUT_OF_RANGE; " +
                "an expectedRevision that is not stats.revision is CONFLICT. Refusals: " + RefusalCodes + ", ARGUMENT_OUT_OF_RANGE.")
            .Argument<NonNullGraphType<ApplyChangesInputGraphType>>("input", "The changes, whether to only check them, and the revision they are based on.")
            .ResolveAsync(ApplyChanges);
    }

    private static async Task<object?> ApplyChanges(IResolveFieldContext context)
    {
        var input = context.GetArgument<ApplyChangesInput>("input");
        var actor = Access.Require(context, Roles.Editor);
        if (input.Changes.Count is 0 or > ChangeSetPlanner.MaxChanges)
        {
            throw new RoadmapError(ErrorCodes.ArgumentOutOfRange, $"'changes' must hold 1 to {ChangeSetPlanner.MaxChanges} changes; got {input.Changes.Count}.");
        }
        var editor = context.RequestServices!.GetService<IEditableGraphStore>()
            ?? throw new RoadmapError(ErrorCodes.ReadOnlyStore, "This store is read-only: edits need the embedded store.");
        var user = context.User!;
        var changes = input.Changes.Select(change =>
        {
            var (operation, single) = change.Chosen;
            return new PlannedChange(operation, graph =>
            {
                // A change beyond the key's role is refused like its single mutation, in its place in the set.
                if (!Roles.Grants(user, single.Role)) throw new RoadmapException(ErrorCodes.Forbidden, $"{operation} needs the {single.Role} role; the key '{actor}' does not have it.");
                return single.Plan(graph);
            });
        }).ToList();
        ChangeSetResult result;
        try
        {
            result = await editor.ApplyChangesAsync(actor, changes, input.DryRun, input.ExpectedRevision, context.CancellationToken);
        }
        catch (RoadmapException e)
        {
            throw RoadmapError.From(e);
        }
        if (result.Committed) context.Loaders().Clear();
        if (!input.DryRun && result.Plan.Refusals is [var first, ..] refusals)
        {
            var details = new Dictionary<string, object?>(first.Details) { ["index"] = first.Index, ["operation"] = first.Operation, ["refusals"] = refusals.Count };
            throw new RoadmapError(first.Code,
                $"Change {first.Index} ({first.Operation}) was refused: {first.Message} Nothing was applied" +
                (refusals.Count > 1 ? $"; {refusals.Count - 1} more change(s) were refused too (send the set with dryRun: true to see every refusal)." : "."),
                details);
        }
        return result;
    }

    /// <summary>
    /// A mutation in the Relay style: one input, its own payload. The payload is nullable so that a refusal nulls
    /// this field alone and the earlier mutations of the document keep their data.
    /// </summary>
    private void Single<TPayload, TInputType, TInput>(string name, string description)
        where TPayload : IGraphType where TInputType : IInputObjectGraphType where TInput : IChangeInput
    {
        Field<TPayload>(name)
            .Description(description + " Refusals: " + RefusalCodes + ".")
            .Argument<NonNullGraphType<TInputType>>("input", "What to change, and the version the change is based on.")
            .ResolveAsync(c =>
            {
                var input = c.GetArgument<TInput>("input");
                return Edit(c, input.Role, input.Plan);
            });
    }

    /// <summary>The codes a mutation can be refused with, listed in every mutation's description for generated clients.</summary>
    internal static readonly string RefusalCodes = string.Join(", ", ErrorCodes.All
        .Where(code => code.Origin is ErrorOrigin.Access or ErrorOrigin.Edit or ErrorOrigin.GraphRule || code == ErrorCodes.StoreWriteFailed)
        .Select(code => code.Code));

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
