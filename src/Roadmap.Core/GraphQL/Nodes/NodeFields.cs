using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.GraphQL.Analyses;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Loading;
using Roadmap.Core.GraphQL.Traversal;

namespace Roadmap.Core.GraphQL.Nodes;

/// <summary>The fields every node has, declared once for the Node interface and the five object types.</summary>
internal static class NodeFields
{
    private sealed record Spec(string Name, Type GraphType, string Description, Func<IResolveFieldContext<Node>, object?> Resolve, Action<FieldBuilder<Node, object>>? Arguments = null);

    private static readonly Spec[] All =
    [
        new("id", typeof(NonNullGraphType<IdGraphType>), "Stable readable id, such as product:ct.", c => c.Source.Id),
        new("kind", typeof(NonNullGraphType<NodeKindEnum>),
            "Which of the five kinds this node is; the same as its object type (Technology, Component, Product, Program or Document).", c => c.Source.Kind),
        new("nameZh", typeof(NonNullGraphType<StringGraphType>), "The name as the plan writes it.", c => c.Source.NameZh),
        new("nameEn", typeof(NonNullGraphType<StringGraphType>), "The English name.", c => c.Source.NameEn),
        new("aliases", typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>),
            "Other spellings and abbreviations used in the plans.", c => c.Source.Aliases),
        new("sources", typeof(NonNullGraphType<ListGraphType<NonNullGraphType<SourceGraphType>>>),
            "The clauses of the plans that state this node.", c => c.Source.Sources),
        new("assessments", typeof(NonNullGraphType<ListGraphType<NonNullGraphType<AssessmentGraphType>>>),
            "The plans' judgements of this node, oldest first.", c => c.Source.Assessments),
        new("version", typeof(NonNullGraphType<IntGraphType>),
            "Goes up with every edit; pass it as expectedVersion to update the node.", c => c.Source.Version),
        new("note", typeof(StringGraphType), "A curator's note on how the plans' text was read.", c => c.Source.Note),
        new("latestStatus", typeof(AssessmentStatusEnum),
            "The status of the most recent assessment, or null when no plan judges this node.", c => c.Source.LatestAssessment?.Status),
        new("statusIn", typeof(AssessmentGraphType),
            "The judgement in force in a year: the latest assessment a plan of that year or earlier makes (the worst, when that year's plans differ); null before the first. The rule of the statusIn filter.",
            c => c.Source.StatusAt(ArgumentLimits.InRange(c, "year", ArgumentLimits.MinYear, ArgumentLimits.MaxYear)),
            f => f.Argument<NonNullGraphType<IntGraphType>>("year", $"{ArgumentLimits.MinYear} to {ArgumentLimits.MaxYear}.")),
        new("statedIn", typeof(NonNullGraphType<ListGraphType<NonNullGraphType<DocumentGraphType>>>),
            "The plans that state something about this node (a source, an assessment, a target or goal), earliest first; a document states itself. A list: one entry per plan, and the graph holds a handful.",
            c => StatingDocuments(c)),
        new("firstStatedYear", typeof(IntGraphType), "The year of the earliest plan that states this node; null when none of them is in the graph.",
            c => StatingDocuments(c).Then(d => d.Count > 0 ? d[0].Year : null)),
        new("lastStatedYear", typeof(IntGraphType), "The year of the latest plan that states this node; null when none of them is in the graph.",
            c => StatingDocuments(c).Then(d => d.Count > 0 ? d[^1].Year : null)),
        new("blockers", typeof(NonNullGraphType<BlockersGraphType>),
            "What holds this node back under a scenario (the plans' own gaps when none is given): severity as impact gives it, the gaps below with their chains, the alternative groups that save it, and its readiness rolled up through its needs.",
            c => Blockers(c),
            f => f.Argument<ScenarioInputGraphType>("scenario", "The what-if; null for { assumeGaps: true }, the plans' own gaps.")
                .Argument<NonNullGraphType<IntGraphType>>("first", a => { a.DefaultValue = 20; a.Description = $"Gaps to list, nearest first: 1 to {ArgumentLimits.MaxPageSize}."; })
                .Argument<NonNullGraphType<IntGraphType>>("chainsPerGap", a => { a.DefaultValue = 3; a.Description = $"Chains per gap, shortest first: 1 to {MaxChainsPerGap}."; })),
        new("needs", typeof(NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType>>>),
            "Edges to what this node directly depends on. With members: true, a class's list also holds its members' needs (each edge's from names the member it is reached through), but not the VARIANT_OF edges that make them members.",
            c => Adjacent(c, Direction.Forward), MembersArgument),
        new("neededBy", typeof(NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType>>>),
            "Edges from what directly depends on this node. With members: true, a general node's list also holds what needs its variants (each edge's to names the variant it is reached through): a where-used of 高压发生器 lists the DSA that needs 大热容量高压发生器.",
            c => Adjacent(c, Direction.Backward), MembersArgument),
    ];

    private static void MembersArgument(FieldBuilder<Node, object> field) =>
        field.Argument<NonNullGraphType<BooleanGraphType>>("members", a =>
        {
            a.DefaultValue = false;
            a.Description = "Roll up over the node's members: the nodes that are a VARIANT_OF it, at any remove.";
        });

    private static IDataLoaderResult<IReadOnlyList<Edge>> Adjacent(IResolveFieldContext<Node> c, Direction direction)
    {
        var own = (direction == Direction.Forward ? c.Loaders().OutEdges : c.Loaders().InEdges).Load(c.Source.Id).Then(IReadOnlyList<Edge> (e) => e ?? []);
        if (!c.GetArgument<bool>("members")) return own;
        return DataLoaderResultExtensions.Deferred(() => RolledUp(c, direction));
    }

    /// <summary>The node's own edges, then each member's (nearest member first), as <see cref="GraphAlgorithms.Reach"/> rolls up.</summary>
    private static async Task<IReadOnlyList<Edge>> RolledUp(IResolveFieldContext<Node> c, Direction direction)
    {
        var store = c.Store();
        var tree = await store.ReachAsync(c.Source.Id, Direction.Backward, ArgumentLimits.MaxDepth,
            new TraversalControls(Via: new HashSet<EdgeType> { EdgeType.VariantOf }), c.CancellationToken);
        var ids = tree.Levels.Count == 0 ? [c.Source.Id] : tree.Levels.Select(l => l.Node.Id).ToList();
        var inTree = ids.ToHashSet(StringComparer.Ordinal);
        var edges = await store.GetEdgesAsync(ids, direction, c.CancellationToken);
        var result = new List<Edge>();
        foreach (var id in ids)
        {
            foreach (var edge in edges.GetValueOrDefault(id) ?? [])
            {
                // A member's own VARIANT_OF edge up the tree is what makes it a member, not one of its needs.
                if (direction == Direction.Forward && id != c.Source.Id && edge.Type == EdgeType.VariantOf && inTree.Contains(edge.To)) continue;
                result.Add(edge);
            }
        }
        return result;
    }

    /// <summary>Chains one blocking gap lists at most: enough to show the ways down, few enough to read.</summary>
    private const int MaxChainsPerGap = 10;

    private static IDataLoaderResult<Blockers?> Blockers(IResolveFieldContext<Node> c)
    {
        var scenario = ScenarioArgument.Read(c, "scenario") ?? new Scenario { AssumeGaps = true };
        var first = ArgumentLimits.InRange(c, "first", 1, ArgumentLimits.MaxPageSize);
        var chains = ArgumentLimits.InRange(c, "chainsPerGap", 1, MaxChainsPerGap);
        return DataLoaderResultExtensions.Deferred(() => c.Store().BlockersAsync(c.Source.Id, scenario, first, chains, c.CancellationToken));
    }

    /// <summary>The documents that state the node, earliest year first (then by id), through the request's node loader.</summary>
    private static IDataLoaderResult<IReadOnlyList<Node>> StatingDocuments(IResolveFieldContext<Node> c) =>
        NodeSelection.StatingDocuments(c.Source).Select(id => c.Loaders().Nodes.Load(id)).All()
            .Then(IReadOnlyList<Node> (docs) => [.. docs.OfType<Node>().Where(d => d.Kind == NodeKind.Document).OrderBy(d => d.Year).ThenBy(d => d.Id, StringComparer.Ordinal)]);

    public static void AddTo(InterfaceGraphType<Node> type)
    {
        foreach (var spec in All)
        {
            var field = type.Field(spec.Name, spec.GraphType).Description(spec.Description);
            spec.Arguments?.Invoke(field);
        }
    }

    public static void AddTo(ObjectGraphType<Node> type)
    {
        foreach (var spec in All)
        {
            var field = type.Field(spec.Name, spec.GraphType).Description(spec.Description);
            spec.Arguments?.Invoke(field);
            field.Resolve(spec.Resolve);
        }
    }
}
