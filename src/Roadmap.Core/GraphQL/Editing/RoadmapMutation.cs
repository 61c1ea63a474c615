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

        Single<UpsertNodePayloadGraphType, UpsertNodeInputGraphType, UpsertNodeInput>("upsertNode",
            "Creates a node (omit expectedVersion) or updates one (pass the version you read). Assessments, targets and goals are kept; lists and attributes left out keep their values.");
        Single<UpsertEdgePayloadGraphType, UpsertEdgeInputGraphType, UpsertEdgeInput>("upsertEdge",
            "Creates an edge (omit expectedVersion) or replaces its sources and group (pass the version you read).");
        Single<DeleteNodePayloadGraphType, DeleteNodeInputGraphType, DeleteNodeInput>("deleteNode",
            "Deletes a node. Refused with HAS_EDGES while edges touch it, unless cascade is true, which deletes them too. Admins only.");
        Single<DeleteEdgePayloadGraphType, DeleteEdgeInputGraphType, DeleteEdgeInput>("deleteEdge", "Deletes an edge; the nodes at its ends stay.");
        Single<AddAssessmentPayloadGraphType, AddAssessmentInputGraphType, AddAssessmentInput>("addAssessment", "Records a plan's judgement of a node; its year is the cited plan's.");
        Single<AddSourcePayloadGraphType, AddSourceInputGraphType, AddSourceInput>("addSource", "Adds a clause that states a node or an edge (AddSourceInput is @oneOf: name exactly one).");
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
