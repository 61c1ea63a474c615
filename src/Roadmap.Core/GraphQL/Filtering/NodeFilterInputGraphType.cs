using GraphQL.Types;
using Roadmap.Core.Analysis;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.GraphQL.Traversal;

namespace Roadmap.Core.GraphQL.Filtering;

public sealed class NodeFilterInputGraphType : InputObjectGraphType<NodeFilter>
{
    public NodeFilterInputGraphType()
    {
        Name = "NodeFilter";
        Description = $"Which nodes: every condition given must hold. At most {NodeFilterLimits.MaxDepth} levels of nested filters and {NodeFilterLimits.MaxClauses} conditions in all.";
        Field<ListGraphType<NonNullGraphType<NodeFilterInputGraphType>>>("AND").Description("Every one of these filters holds (an empty list always does).");
        Field<ListGraphType<NonNullGraphType<NodeFilterInputGraphType>>>("OR").Description("At least one of these filters holds (an empty list never does).");
        Field<NodeFilterInputGraphType>("NOT").Description("This filter does not hold.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("ids").Description($"One of these ids (up to {NodeFilterLimits.MaxIds}).");
        Field<ListGraphType<NonNullGraphType<NodeKindEnum>>>("kinds").Description("One of these kinds.");
        Field<ListGraphType<NonNullGraphType<FieldEnum>>>("fields").Description("A technology or product of one of these fields.");
        Field<ListGraphType<NonNullGraphType<ComponentTypeEnum>>>("componentTypes").Description("A component of one of these types.");
        Field<ListGraphType<NonNullGraphType<ProgramTypeEnum>>>("programTypes").Description("A program of one of these types.");
        Field<StringGraphType>("text").Description("Matched as search matches: a case-insensitive substring of nameZh, nameEn or an alias.");
        Field<ListGraphType<NonNullGraphType<AssessmentStatusEnum>>>("latestStatus").Description("The judgement in force now (the latest plan's) is one of these; nodes no plan judges never match.");
        Field<StatusInYearInputGraphType>("statusIn").Description("The judgement in force in a year (the latest made in that year or before) is one of these.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("statedIn").Description("One of these documents states something about the node: a source, an assessment, a target or a goal.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("judgedIn").Description("One of these documents judges the node (makes an assessment of it).");
        Field<IntGraphType>("activeIn").Description("A program whose period covers this year (a period with no end runs on).");
        Field<NodeRelationFilterInputGraphType>("needs").Description("Over the node's direct dependencies (the ends of its edges).");
        Field<NodeRelationFilterInputGraphType>("neededBy").Description("Over what directly depends on the node (the starts of the edges to it).");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new NodeFilter
    {
        And = ListOf<NodeFilter>(value, "AND"),
        Or = ListOf<NodeFilter>(value, "OR"),
        Not = value.TryGetValue("NOT", out var not) ? (NodeFilter?)not : null,
        Ids = SetOf<string>(value, "ids"),
        Kinds = SetOf<NodeKind>(value, "kinds"),
        Fields = SetOf<Field>(value, "fields"),
        ComponentTypes = SetOf<ComponentType>(value, "componentTypes"),
        ProgramTypes = SetOf<ProgramType>(value, "programTypes"),
        Text = value.TryGetValue("text", out var text) ? (string?)text : null,
        LatestStatus = SetOf<AssessmentStatus>(value, "latestStatus"),
        StatusIn = value.TryGetValue("statusIn", out var statusIn) ? (StatusInYear?)statusIn : null,
        StatedIn = SetOf<string>(value, "statedIn"),
        JudgedIn = SetOf<string>(value, "judgedIn"),
        ActiveIn = value.TryGetValue("activeIn", out var activeIn) ? (int?)activeIn : null,
        Needs = value.TryGetValue("needs", out var needs) ? (RelationFilter?)needs : null,
        NeededBy = value.TryGetValue("neededBy", out var neededBy) ? (RelationFilter?)neededBy : null,
    };

    internal static IReadOnlyList<T>? ListOf<T>(IDictionary<string, object?> value, string name) =>
        value.TryGetValue(name, out var list) && list is IEnumerable<object?> items ? items.Cast<T>().ToList() : null;

    internal static HashSet<T>? SetOf<T>(IDictionary<string, object?> value, string name) =>
        value.TryGetValue(name, out var list) && list is IEnumerable<object?> items ? [.. items.Cast<T>()] : null;
}
