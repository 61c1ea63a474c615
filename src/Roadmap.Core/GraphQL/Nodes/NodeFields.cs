using GraphQL;
using GraphQL.Types;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Loading;
using Roadmap.Core.GraphQL.Traversal;

namespace Roadmap.Core.GraphQL.Nodes;

/// <summary>The fields every node has, declared once for the Node interface and the five object types.</summary>
internal static class NodeFields
{
    private sealed record Spec(string Name, Type GraphType, string Description, Func<IResolveFieldContext<Node>, object?> Resolve);

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
        new("needs", typeof(NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType>>>),
            "Edges to what this node directly depends on.",
            c => c.Loaders().OutEdges.Load(c.Source.Id).Then(e => e ?? [])),
        new("neededBy", typeof(NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType>>>),
            "Edges from what directly depends on this node.",
            c => c.Loaders().InEdges.Load(c.Source.Id).Then(e => e ?? [])),
    ];

    public static void AddTo(InterfaceGraphType<Node> type)
    {
        foreach (var spec in All) type.Field(spec.Name, spec.GraphType).Description(spec.Description);
    }

    public static void AddTo(ObjectGraphType<Node> type)
    {
        foreach (var spec in All) type.Field(spec.Name, spec.GraphType).Description(spec.Description).Resolve(spec.Resolve);
    }
}
