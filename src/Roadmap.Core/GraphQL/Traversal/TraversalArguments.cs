using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Nodes;

namespace Roadmap.Core.GraphQL.Traversal;

/// <summary>The traversal controls that dependencies, dependents and paths take: via, kinds and stopAt.</summary>
internal static class TraversalArguments
{
    /// <summary>Adds the three arguments; <paramref name="kindsDescription"/> says what kinds means for the field.</summary>
    public static FieldBuilder<TSource, TReturn> WithTraversalControls<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string kindsDescription) => field
        .Argument<ListGraphType<NonNullGraphType<EdgeTypeEnum>>>("via", "Follow only edges of these types, e.g. [REQUIRES] for the parts alone; all when omitted.")
        .Argument<ListGraphType<NonNullGraphType<NodeKindEnum>>>("kinds", kindsDescription)
        .Argument<ListGraphType<NonNullGraphType<NodeKindEnum>>>("stopAt", "Reach nodes of these kinds but do not go on from them, e.g. [PRODUCT] to stop at the first product; the start node is always gone on from.");

    /// <summary>Adds members, the roll-up over the start's members, for dependencies and dependents.</summary>
    public static FieldBuilder<TSource, TReturn> WithMembers<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string description) => field
        .Argument<NonNullGraphType<BooleanGraphType>>("members", a =>
        {
            a.DefaultValue = false;
            a.Description = description;
        });

    public static TraversalControls Read(IResolveFieldContext context) => new(
        Via: SetOf(context.GetArgument<List<EdgeType>?>("via")),
        Kinds: SetOf(context.GetArgument<List<NodeKind>?>("kinds")),
        StopAt: SetOf(context.GetArgument<List<NodeKind>?>("stopAt")),
        Members: context.HasArgument("members") && context.GetArgument<bool>("members"));

    private static HashSet<T>? SetOf<T>(List<T>? values) => values is null ? null : [.. values];
}
