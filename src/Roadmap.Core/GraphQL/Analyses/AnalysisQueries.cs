using GraphQL;
using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.GraphQL.Loading;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Analyses;

/// <summary>The query fields of the analyses: impact, bottlenecks, judgements over time, two plans compared, the graph's size.</summary>
public static class AnalysisQueries
{
    private const string ImpactIdsDeprecation = "Use scenario: { gaps: [...] }.";

    /// <summary>
    /// impact(scenario) and the deprecated impact(ids, assumeGaps) on one field: GraphQL has no overloads, so the
    /// scenario is optional in the schema and exactly one of scenario and ids must be given.
    /// </summary>
    public static void AddImpact(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ImpactReportGraphType>>("impact")
            .Description("Everything that transitively needs the gap set: which products and programs are BLOCKED or AT_RISK if these stay unavailable. Give scenario (or, deprecated, ids), not both.")
            .Argument<ScenarioInputGraphType>("scenario", "The what-if: gaps, assumeGaps, resolved, asOfYear. Required unless the deprecated ids is given.")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("ids", a =>
            {
                a.Description = $"Deprecated: the gap set, up to {ArgumentLimits.MaxIds} ids (empty only with assumeGaps); scenario.gaps says the same.";
                a.DeprecationReason = ImpactIdsDeprecation;
            })
            .Argument<NonNullGraphType<IntGraphType>>("maxDepth", a => { a.DefaultValue = 8; a.Description = $"1 to {ArgumentLimits.MaxDepth} edges."; })
            .Argument<NonNullGraphType<BooleanGraphType>>("assumeGaps", a =>
            {
                a.DefaultValue = false;
                a.Description = "Deprecated, with ids: add every node whose latest assessment is DOMESTIC_GAP or IMPORT_DEPENDENT to the gap set.";
                a.DeprecationReason = "Use scenario: { assumeGaps: true }.";
            })
            .ResolveAsync(async c =>
            {
                var scenario = ScenarioArgument.Read(c, "scenario");
                var ids = c.GetArgument<List<string>?>("ids");
                if ((scenario is null) == (ids is null))
                {
                    throw new RoadmapError(ErrorCodes.InvalidArgument, "Give 'scenario' (or the deprecated 'ids'), not both and not neither.");
                }
                if (ids is not null)
                {
                    var assumeGaps = c.GetArgument<bool>("assumeGaps");
                    if ((ids.Count == 0 && !assumeGaps) || ids.Count > ArgumentLimits.MaxIds)
                    {
                        throw new RoadmapError(ErrorCodes.ArgumentOutOfRange, $"'ids' must hold 1 to {ArgumentLimits.MaxIds} ids (0 with assumeGaps); got {ids.Count}.");
                    }
                    scenario = Scenario.Of(ids, assumeGaps);
                }
                else if (c.GetArgument<bool>("assumeGaps"))
                {
                    throw new RoadmapError(ErrorCodes.InvalidArgument, "'assumeGaps' goes with the deprecated 'ids'; with 'scenario', set scenario.assumeGaps.");
                }
                ScenarioArgument.RequireGaps(scenario!, "scenario");
                var maxDepth = ArgumentLimits.InRange(c, "maxDepth", 1, ArgumentLimits.MaxDepth);
                return await c.Store().ImpactAsync(scenario!, maxDepth, c.CancellationToken);
            });

    public static void AddCompareScenarios(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ScenarioComparisonGraphType>>("compareScenarios")
            .Description("What changes from one scenario to another: per kind, the nodes unblocked, relieved, cleared, newly hit and worsened, each with the chain that explains it, and the counts.")
            .Argument<NonNullGraphType<ScenarioInputGraphType>>("base", "The scenario to compare from, e.g. { assumeGaps: true }: the plans' own gaps.")
            .Argument<NonNullGraphType<ScenarioInputGraphType>>("alternative", "The scenario to compare to, e.g. { assumeGaps: true, resolved: [...] }: the same, with some gaps closed.")
            .Argument<NonNullGraphType<IntGraphType>>("maxDepth", a => { a.DefaultValue = 8; a.Description = $"1 to {ArgumentLimits.MaxDepth} edges, for both impact reports."; })
            .ResolveAsync(async c =>
            {
                var before = ScenarioArgument.Read(c, "base")!;
                var after = ScenarioArgument.Read(c, "alternative")!;
                var maxDepth = ArgumentLimits.InRange(c, "maxDepth", 1, ArgumentLimits.MaxDepth);
                var store = c.Store();
                // A scenario may name no gap here (everything resolved): its report is empty, which is an answer.
                return ScenarioAnalysis.Compare(await store.ImpactAsync(before, maxDepth, c.CancellationToken), await store.ImpactAsync(after, maxDepth, c.CancellationToken));
            });

    public static void AddBottlenecks(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BottleneckGraphType>>>>("bottlenecks")
            .Description("The nodes that hold back the most: ranked by the products and programs that need them, then by the products a gap in them alone would block, then by id.")
            .Argument<ListGraphType<NonNullGraphType<NodeKindEnum>>>("kinds", NodeKindsArgument.Description)
            .Argument<ListGraphType<NonNullGraphType<AssessmentStatusEnum>>>("statuses", "Only nodes whose latest status is one of these, e.g. [IMPORT_DEPENDENT, DOMESTIC_GAP].")
            .Argument<NonNullGraphType<IntGraphType>>("first", a => { a.DefaultValue = 20; a.Description = $"1 to {ArgumentLimits.MaxPageSize}."; })
            .ResolveAsync(async c =>
            {
                var first = ArgumentLimits.InRange(c, "first", 1, ArgumentLimits.MaxPageSize);
                var statuses = c.GetArgument<List<AssessmentStatus>?>("statuses") is { } s ? s.ToHashSet() : null;
                return await c.Store().BottlenecksAsync(NodeKindsArgument.Read(c), statuses, first, c.CancellationToken);
            });

    public static void AddTimeline(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssessmentGraphType>>>>("timeline")
            .Description("How the plans judged a node, in year order (then by document); empty for an unknown id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The node whose judgements to list.")
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string>("id");
                var found = await c.Store().GetNodesAsync([id], c.CancellationToken);
                return found.TryGetValue(id, out var node)
                    ? node.Assessments.OrderBy(a => a.Year).ThenBy(a => a.Source.DocumentId, StringComparer.Ordinal).ToList()
                    : [];
            });

    public static void AddChanges(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatusChangeGraphType>>>>("changes")
            .Description("Nodes whose status improved or worsened between two years: the judgement in force in fromYear against a later plan's by toYear. Improvements first. Not a connection: the plans judge about a hundred nodes in all, so the list stays short.")
            .Argument<NonNullGraphType<IntGraphType>>("fromYear",
                $"The earlier year, {ArgumentLimits.MinYear} to {ArgumentLimits.MaxYear}. The judgement in force then is the latest plan's up to that year (the worst, when that year's plans differ); a node no plan had judged by then is left out.")
            .Argument<NonNullGraphType<IntGraphType>>("toYear",
                $"The later year, after fromYear and at most {ArgumentLimits.MaxYear}; a node counts when the judgement in force then was made after fromYear.")
            .ResolveAsync(async c =>
            {
                var from = ArgumentLimits.InRange(c, "fromYear", ArgumentLimits.MinYear, ArgumentLimits.MaxYear);
                var to = ArgumentLimits.InRange(c, "toYear", ArgumentLimits.MinYear, ArgumentLimits.MaxYear);
                if (to <= from) throw new RoadmapError(ErrorCodes.InvalidArgument, $"'toYear' ({to}) must be after 'fromYear' ({from}).");
                return await c.Store().ChangesAsync(from, to, c.CancellationToken);
            });

    public static void AddCompareDocuments(ObjectGraphType query) =>
        query.Field<DocumentComparisonGraphType>("compareDocuments")
            .Description("What two plans each state something about: nodes in both, only in a, only in b. Null when either id is not a document.")
            .Argument<NonNullGraphType<IdGraphType>>("a", "A document id, such as document:13fyp-medical-device-st.")
            .Argument<NonNullGraphType<IdGraphType>>("b", "Another document id, such as document:14fyp-medical-equipment.")
            .ResolveAsync(async c => await c.Store().CompareDocumentsAsync(c.GetArgument<string>("a"), c.GetArgument<string>("b"), c.CancellationToken));

    public static void AddStats(ObjectGraphType query) =>
        query.Field<NonNullGraphType<GraphStatsGraphType>>("stats")
            .Description("How many nodes and edges, by kind and by type.")
            .ResolveAsync(async c => await c.Store().StatsAsync(c.CancellationToken));
}
