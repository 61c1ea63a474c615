using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core.Graph;

namespace Roadmap.Core.GraphQL;

public sealed class NodeKindType : EnumerationGraphType<NodeKind>
{
    public NodeKindType()
    {
        Name = "NodeKind";
        Description = "The five kinds of node: what is developed (technology), what it is built from (component), what it builds (product), what deploys it (program), and the plans that say so (document).";
    }
}

public sealed class EdgeTypeType : EnumerationGraphType<EdgeType>
{
    public EdgeTypeType()
    {
        Name = "EdgeType";
        Description = "How the dependent (from) relates to what it depends on (to).";
    }
}

public sealed class ComponentTypeType : EnumerationGraphType<Graph.ComponentType>
{
    public ComponentTypeType()
    {
        Name = "ComponentType";
        Description = "What sort of core component: a part, a material, an electronic component or chip, software, or a reagent.";
    }
}

public sealed class FieldType : EnumerationGraphType<Field>
{
    public FieldType()
    {
        Name = "Field";
        Description = "The medical field a product or technology belongs to.";
    }
}

public sealed class ProgramTypeType : EnumerationGraphType<Graph.ProgramType>
{
    public ProgramTypeType()
    {
        Name = "ProgramType";
        Description = "What sort of deployment program.";
    }
}

public sealed class AssessmentStatusType : EnumerationGraphType<AssessmentStatus>
{
    public AssessmentStatusType()
    {
        Name = "AssessmentStatus";
        Description = "A plan's judgement, worst to best: DOMESTIC_GAP (国内空白), IMPORT_DEPENDENT (依赖进口), FOUNDATION (具备一定基础), BREAKTHROUGH (取得突破), ADVANCED (达到国际先进水平).";
    }
}

public sealed class ComparatorType : EnumerationGraphType<Comparator>
{
    public ComparatorType()
    {
        Name = "Comparator";
        Description = "How a target's value bounds the metric; WITHIN means plus or minus the value, BETWEEN uses maxValue too.";
    }
}

/// <summary>The fields every node has, declared once for the Node interface and the five object types.</summary>
internal static class NodeFields
{
    private sealed record Spec(string Name, Type GraphType, string? Description, Func<IResolveFieldContext<Node>, object?> Resolve);

    private static readonly Spec[] All =
    [
        new("id", typeof(NonNullGraphType<IdGraphType>), "Stable readable id, such as product:ct.", c => c.Source.Id),
        new("kind", typeof(NonNullGraphType<NodeKindType>), null, c => c.Source.Kind),
        new("nameZh", typeof(NonNullGraphType<StringGraphType>), "The name as the plan writes it.", c => c.Source.NameZh),
        new("nameEn", typeof(NonNullGraphType<StringGraphType>), "The English name.", c => c.Source.NameEn),
        new("aliases", typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>),
            "Other spellings and abbreviations used in the plans.", c => c.Source.Aliases),
        new("sources", typeof(NonNullGraphType<ListGraphType<NonNullGraphType<SourceType>>>),
            "The clauses of the plans that state this node.", c => c.Source.Sources),
        new("assessments", typeof(NonNullGraphType<ListGraphType<NonNullGraphType<AssessmentType>>>),
            "The plans' judgements of this node, oldest first.", c => c.Source.Assessments),
        new("version", typeof(NonNullGraphType<IntGraphType>),
            "Goes up with every edit; pass it as expectedVersion to update the node.", c => c.Source.Version),
        new("note", typeof(StringGraphType), "A curator's note on how the plans' text was read.", c => c.Source.Note),
        new("latestStatus", typeof(AssessmentStatusType),
            "The status of the most recent assessment, or null when no plan judges this node.", c => c.Source.LatestAssessment?.Status),
        new("needs", typeof(NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType>>>),
            "Edges to what this node directly depends on.",
            c => Loaders(c).OutEdges.Load(c.Source.Id).Then(e => e ?? [])),
        new("neededBy", typeof(NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType>>>),
            "Edges from what directly depends on this node.",
            c => Loaders(c).InEdges.Load(c.Source.Id).Then(e => e ?? [])),
    ];

    public static void AddTo(InterfaceGraphType<Node> type)
    {
        foreach (var spec in All) type.Field(spec.Name, spec.GraphType).Description(spec.Description);
    }

    public static void AddTo(ObjectGraphType<Node> type)
    {
        foreach (var spec in All) type.Field(spec.Name, spec.GraphType).Description(spec.Description).Resolve(spec.Resolve);
    }

    private static RequestLoaders Loaders(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<RequestLoaders>();
}

public sealed class NodeInterface : InterfaceGraphType<Node>
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "Anything in the roadmap graph. Every node is traceable to the plan clauses in its sources.";
        NodeFields.AddTo(this);
    }
}

/// <summary>Base of the five object types: the common fields, the interface, and type resolution by kind.</summary>
public abstract class NodeObjectType : ObjectGraphType<Node>
{
    protected NodeObjectType(NodeKind kind, string description)
    {
        Name = kind.ToString();
        Description = description;
        Interface<NodeInterface>();
        IsTypeOf = o => o is Node n && n.Kind == kind;
        NodeFields.AddTo(this);
    }
}

public sealed class TechnologyType : NodeObjectType
{
    public TechnologyType() : base(NodeKind.Technology, "A frontier, common or key technology.")
    {
        Field<FieldType>("field").Description("The field the plan files it under, when it says.").Resolve(c => c.Source.Field);
    }
}

public sealed class ComponentNodeType : NodeObjectType
{
    public ComponentNodeType() : base(NodeKind.Component, "A core component: a part, material, electronic component or chip, software, or reagent.")
    {
        Field<NonNullGraphType<ComponentTypeType>>("componentType").Resolve(c => c.Source.ComponentType);
    }
}

public sealed class ProductType : NodeObjectType
{
    public ProductType() : base(NodeKind.Product, "A medical device or piece of medical equipment.")
    {
        Field<NonNullGraphType<FieldType>>("field").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuantityType>>>>("targets")
            .Description("Specification targets the plans set, e.g. CT slices >= 256.").Resolve(c => c.Source.Targets);
    }
}

public sealed class ProgramNodeType : NodeObjectType
{
    public ProgramNodeType() : base(NodeKind.Program, "A deployment program: special project, industrialisation plan, demonstration program, base, platform or centre.")
    {
        Field<NonNullGraphType<ProgramTypeType>>("programType").Resolve(c => c.Source.ProgramType);
        Field<PeriodType>("period").Description("Start and end year, when stated.").Resolve(c => c.Source.Period);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("leadAgencies").Resolve(c => c.Source.LeadAgencies);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuantityType>>>>("goals")
            .Description("Quantitative goals the plan states for the program.").Resolve(c => c.Source.Goals);
    }
}

public sealed class DocumentType : NodeObjectType
{
    public DocumentType() : base(NodeKind.Document, "One of the policy plans the graph is drawn from.")
    {
        Field<NonNullGraphType<StringGraphType>>("title").Description("The title as the plan writes it.").Resolve(c => c.Source.NameZh);
        Field<NonNullGraphType<StringGraphType>>("titleEn").Resolve(c => c.Source.NameEn);
        Field<StringGraphType>("issuer").Description("The lead issuing agency.").Resolve(c => c.Source.Issuer);
        Field<NonNullGraphType<IntGraphType>>("year").Description("The year the plan speaks from; it dates the plan's assessments.").Resolve(c => c.Source.Year);
        Field<PeriodType>("period").Resolve(c => c.Source.Period);
        Field<NonNullGraphType<StringGraphType>>("file").Description("The plan's text under seeds/documents.").Resolve(c => c.Source.File);
    }
}
