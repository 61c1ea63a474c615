using GraphQL.Types;
using Roadmap.Core.Editing;
using Roadmap.Core.Graph;
using Roadmap.Core.Security;
using Roadmap.Core.GraphQL.Traversal;

namespace Roadmap.Core.GraphQL.Editing;

/// <summary>upsertEdge's input: the edge as it should be, and the version the update is based on.</summary>
public sealed class UpsertEdgeInput : IChangeInput
{
    public string From { get; set; } = "";
    public EdgeType Type { get; set; }
    public string To { get; set; } = "";
    public List<SourceInput> Sources { get; set; } = [];
    public string? Group { get; set; }
    public NeedReach Reach { get; set; } = NeedReach.EveryMember;
    public int? ExpectedVersion { get; set; }

    public string Role => Roles.Editor;

    public GraphEdit Plan(GraphIndex graph) => EditPlanner.UpsertEdge(graph, ToEdge(), ExpectedVersion);

    public Edge ToEdge() => new(From, Type, To, [.. Sources.Select(s => s.ToSource())], Group, Reach);
}

public sealed class UpsertEdgeInputGraphType : InputObjectGraphType<UpsertEdgeInput>
{
    public UpsertEdgeInputGraphType()
    {
        Name = "UpsertEdgeInput";
        Description = "A dependency as it should be, from the dependent to what it depends on (its type must allow the kinds it joins, see EdgeType), and the version an update is based on.";
        Field<NonNullGraphType<IdGraphType>>("from").Description("The dependent.");
        Field<NonNullGraphType<EdgeTypeEnum>>("type").Description("How from relates to to.");
        Field<NonNullGraphType<IdGraphType>>("to").Description("What it depends on.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceInputGraphType>>>>("sources")
            .Description("The clauses that state the edge, at least one; they replace the edge's sources on an update.");
        Field<StringGraphType>("group").Description("An alternative group (REQUIRES and USES_TECHNOLOGY only).");
        Field<NonNullGraphType<NeedReachEnum>>("reach").DefaultValue(NeedReach.EveryMember)
            .Description("CLASS for a need the plan states for the class as a whole (REQUIRES or USES_TECHNOLOGY from a node with members; BAD_REACH or REACH_WITHOUT_MEMBERS otherwise); EVERY_MEMBER, the default, when every variant inherits it.");
        Field<IntGraphType>("expectedVersion").Description("Omit it to create the edge; pass the version you read to replace its sources, group and reach. CONFLICT (with extensions.currentVersion) when the edge exists and this is not its version.");
    }
}
