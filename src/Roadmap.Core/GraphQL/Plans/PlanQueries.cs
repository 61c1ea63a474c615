using GraphQL;
using GraphQL.Types;
using Roadmap.Core.Errors;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.GraphQL.Loading;

namespace Roadmap.Core.GraphQL.Plans;

/// <summary>The query fields of a plan being added: what its text proposes.</summary>
public static class PlanQueries
{
    public static void AddProposeFacts(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ProposalSetGraphType>>("proposeFacts")
            .Description("Reads a plan's text and proposes what the curation would write, with the graph as it stands as the vocabulary: mentions of existing nodes, new nodes from the plan's lists, " +
                "edges from its structure, judgements and targets from its wording. Every proposal's quote is checked against the plan. Nothing is written: the proposals are " +
                "applyChanges inputs to be. How good they are, plan by plan, is in docs/benchmarks.md. NOT_FOUND for an id that is not a document with text.")
            .Argument<NonNullGraphType<IdGraphType>>("document", "The plan: a document of the graph, e.g. one added with addDocument.")
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string>("document");
                return await c.Store().ProposeAsync(id, c.CancellationToken)
                    ?? throw new RoadmapError(ErrorCodes.NotFound, $"'{id}' names no document with text.");
            });
}
