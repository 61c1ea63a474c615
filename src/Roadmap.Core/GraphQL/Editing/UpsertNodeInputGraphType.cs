using GraphQL.Types;
using Roadmap.Core.Editing;
using Roadmap.Core.Graph;
using Roadmap.Core.GraphQL.Nodes;
using Roadmap.Core.Security;

namespace Roadmap.Core.GraphQL.Editing;

/// <summary>upsertNode's input: the node as it should be, and the version the update is based on.</summary>
public sealed class UpsertNodeInput : IChangeInput
{
    public string Id { get; set; } = "";
    public NodeKind Kind { get; set; }
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public List<string>? Aliases { get; set; }
    public List<SourceInput>? Sources { get; set; }
    public string? Note { get; set; }
    public Graph.ComponentType? ComponentType { get; set; }
    public Field? Field { get; set; }
    public Graph.ProgramType? ProgramType { get; set; }
    public PeriodInput? Period { get; set; }
    public List<string>? LeadAgencies { get; set; }
    public int? ExpectedVersion { get; set; }

    public string Role => Roles.Editor;

    public GraphEdit Plan(GraphIndex graph) => EditPlanner.UpsertNode(graph, ToDraft(), ExpectedVersion);

    public NodeDraft ToDraft() => new()
    {
        Id = Id,
        Kind = Kind,
        NameZh = NameZh,
        NameEn = NameEn,
        Aliases = Aliases,
        Sources = Sources?.Select(s => s.ToSource()).ToList(),
        Note = Note,
        ComponentType = ComponentType,
        Field = Field,
        ProgramType = ProgramType,
        Period = Period is null ? null : new Period(Period.Start, Period.End),
        LeadAgencies = LeadAgencies,
    };
}

public sealed class UpsertNodeInputGraphType : InputObjectGraphType<UpsertNodeInput>
{
    public UpsertNodeInputGraphType()
    {
        Name = "UpsertNodeInput";
        Description = "A technology, component, product or program as it should be, and the version an update is based on. Documents come with the seeds and cannot be created here.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The kind's prefix and a lowercase slug, such as component:flat-panel-detector.");
        Field<NonNullGraphType<NodeKindEnum>>("kind").Description("TECHNOLOGY, COMPONENT, PRODUCT or PROGRAM; it must match the id's prefix and cannot change once the node exists.");
        Field<NonNullGraphType<StringGraphType>>("nameZh").Description("The name as the plan writes it; unique within the kind.");
        Field<NonNullGraphType<StringGraphType>>("nameEn").Description("The English name, as seeds/README.md's Names in English has it.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("aliases").Description("Other spellings and abbreviations the plans use; replaces the node's aliases when given.");
        Field<ListGraphType<NonNullGraphType<SourceInputGraphType>>>("sources").Description("Required when creating; replaces the node's sources when given.");
        Field<StringGraphType>("note").Description("An empty string clears the note.");
        Field<ComponentTypeEnum>("componentType").Description("Required for a component.");
        Field<FieldEnum>("field").Description("Required for a product; optional for a technology.");
        Field<ProgramTypeEnum>("programType").Description("Required for a program.");
        Field<PeriodInputGraphType>("period").Description("Programs only.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("leadAgencies").Description("Programs only.");
        Field<IntGraphType>("expectedVersion").Description("Omit it to create the node; pass the version you read to update it. CONFLICT (with extensions.currentVersion) when the node exists and this is not its version.");
    }
}
