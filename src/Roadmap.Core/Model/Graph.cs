namespace Roadmap.Core.Model;

/// <summary>The five kinds of node in a roadmap graph.</summary>
public enum NodeKind { Technology, Component, Product, Program, Document }

/// <summary>Edge types. An edge points from the dependent to what it depends on.</summary>
public enum EdgeType
{
    /// <summary>A product or component needs a component (or a product used as a module).</summary>
    Requires,
    /// <summary>A product, component or technology is built with a technology.</summary>
    UsesTechnology,
    /// <summary>A specific variant points to its general node and inherits its needs.</summary>
    VariantOf,
    /// <summary>A program develops, funds, industrialises or demonstrates a technology, component or product.</summary>
    Targets,
    /// <summary>A program includes a sub-program (a plan's special column, a platform or base it sets up).</summary>
    Includes,
}

public enum ComponentType { Part, Material, Electronic, Software, Reagent }

public enum Field
{
    Imaging, InVitroDiagnostics, Therapy, ImplantIntervention, Biomaterial, MonitoringLifeSupport,
    Rehabilitation, TraditionalChineseMedicine, MaternalChildHealth, HealthProduct, General,
}

public enum ProgramType { SpecialProject, IndustrialisationPlan, DemonstrationProgram, Base, Platform, Centre, ActionPlan }

/// <summary>A plan's judgement of where China stands on a thing, from worst to best.</summary>
public enum AssessmentStatus { DomesticGap, ImportDependent, Foundation, Breakthrough, Advanced }

public enum Comparator { Lt, Lte, Gt, Gte, Eq, Between, Within }

/// <summary>The clause of a plan that states a fact: document id, section as the plan numbers it, verbatim quote.</summary>
public sealed record Source(
    [property: System.Text.Json.Serialization.JsonConverter(typeof(SharedStringConverter))] string DocumentId,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(SharedStringConverter))] string Section,
    string Quote);

public sealed record Assessment(AssessmentStatus Status, int Year, Source Source);

/// <summary>A numeric target (on a product) or goal (on a program).</summary>
public sealed record Quantity(string Metric, Comparator Comparator, double Value, double? MaxValue, string? Unit, Source Source);

/// <summary>Start and end year; the end is null when the plan states only a start.</summary>
public sealed record Period(int Start, int? End);

/// <summary>
/// One node of the graph. Kind-specific attributes are null or empty on the kinds that do not carry them;
/// one class keeps the store, the seed reader and the SQLite mapping simple.
/// </summary>
public sealed record Node
{
    public required string Id { get; init; }
    public required NodeKind Kind { get; init; }
    public required string NameZh { get; init; }
    public required string NameEn { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<Source> Sources { get; init; } = [];
    public IReadOnlyList<Assessment> Assessments { get; init; } = [];

    /// <summary>A curator's note: why a node stands alone, or how a reading of the text was decided.</summary>
    public string? Note { get; init; }

    public ComponentType? ComponentType { get; init; }
    public Field? Field { get; init; }
    public IReadOnlyList<Quantity> Targets { get; init; } = [];

    public ProgramType? ProgramType { get; init; }
    public Period? Period { get; init; }
    public IReadOnlyList<string> LeadAgencies { get; init; } = [];
    public IReadOnlyList<Quantity> Goals { get; init; } = [];

    public string? File { get; init; }

    /// <summary>Starts at 1 and goes up with every change made through the API; an edit that names an older version is refused.</summary>
    public int Version { get; init; } = 1;

    /// <summary>A document's full text, so that a quote can be shown in its sentence wherever the graph is served from.</summary>
    public string? Text { get; init; }
    public string? Issuer { get; init; }
    public int? Year { get; init; }

    /// <summary>
    /// The assessment of the latest year, or null when no plan judges this node. When that year's plans judge it
    /// differently (a product class "import-dependent" with "some foundation"), the worst judgement stands: a gap
    /// analysis should hear the warning.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Assessment? LatestAssessment => StatusAt(int.MaxValue);

    /// <summary>The judgement in force in a year: the worst of the latest year's assessments up to it.</summary>
    public Assessment? StatusAt(int year)
    {
        Assessment? best = null;
        foreach (var a in Assessments)
        {
            if (a.Year > year) continue;
            if (best is null || a.Year > best.Year || (a.Year == best.Year && a.Status < best.Status)) best = a;
        }
        return best;
    }
}

/// <summary>A dependency with the clauses that state it.</summary>
/// <param name="Group">
/// Names an alternative group: the edges of one node with the same group are alternatives (a CCD or a CMOS
/// sensor), and the requirement holds while any one of them is available. Null for a hard requirement.
/// </param>
public sealed record Edge(string From, EdgeType Type, string To, IReadOnlyList<Source> Sources, string? Group = null)
{
    /// <summary>Starts at 1 and goes up with every change made through the API.</summary>
    public int Version { get; init; } = 1;

    [System.Text.Json.Serialization.JsonIgnore]
    public EdgeKey Key => new(From, Type, To);
}

/// <summary>What identifies an edge: there is at most one edge of a type between two nodes.</summary>
public readonly record struct EdgeKey(string From, EdgeType Type, string To)
{
    public override string ToString() => $"{From} -{EnumNames.ToConstant(Type)}-> {To}";
}

/// <summary>A whole graph as plain data: what the seed reader produces and the stores import.</summary>
public sealed record GraphData(IReadOnlyList<Node> Nodes, IReadOnlyList<Edge> Edges);

public static class NodeKinds
{
    public static string Prefix(NodeKind kind) => kind switch
    {
        NodeKind.Technology => "technology:",
        NodeKind.Component => "component:",
        NodeKind.Product => "product:",
        NodeKind.Program => "program:",
        NodeKind.Document => "document:",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Which kinds an edge of a type may join, as the seeds README documents.</summary>
    public static bool Allows(EdgeType type, NodeKind from, NodeKind to) => type switch
    {
        EdgeType.Requires => from is NodeKind.Product or NodeKind.Component && to is NodeKind.Component or NodeKind.Product,
        EdgeType.UsesTechnology => from is NodeKind.Product or NodeKind.Component or NodeKind.Technology && to == NodeKind.Technology,
        EdgeType.VariantOf => from == to && from is NodeKind.Product or NodeKind.Component or NodeKind.Technology,
        EdgeType.Targets => from == NodeKind.Program && to is NodeKind.Technology or NodeKind.Component or NodeKind.Product,
        EdgeType.Includes => from == NodeKind.Program && to == NodeKind.Program,
        _ => false,
    };
}
