namespace Roadmap.Core.Graph;

/// <summary>The clause of a plan that states a fact: document id, section as the plan numbers it, verbatim quote.</summary>
public sealed record Source(
    [property: System.Text.Json.Serialization.JsonConverter(typeof(SharedStringConverter))] string DocumentId,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(SharedStringConverter))] string Section,
    string Quote);

/// <summary>A plan's judgement of a node, dated by the plan's year, citing the clause that makes it.</summary>
public sealed record Assessment(AssessmentStatus Status, int Year, Source Source)
{
    /// <summary>Whether the clause states the status in words or the curation reads it from other wording.</summary>
    public AssessmentBasis Basis { get; init; } = AssessmentBasis.Stated;

    /// <summary>How a READ judgement was read, or anything else a reviewer of this judgement should know.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// Other clauses of the same plan that judge the node differently as part of a list (001 frames ten classes as
    /// 以进口依赖突出, then calls one 已有一定技术积累): the judgement here is in force, the context stays visible.
    /// </summary>
    public IReadOnlyList<Source> Context { get; init; } = [];
}

/// <summary>A numeric target (on a product) or goal (on a program). <c>Unit</c> is the unit as the plan writes it (年, mm, 项, %), null when it writes none.</summary>
public sealed record Quantity(string Metric, Comparator Comparator, double Value, double? MaxValue, string? Unit, Source Source)
{
    /// <summary>The unit in English (years, items), for readers who do not read the plan's.</summary>
    public string? UnitEn { get; init; }
}

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

    /// <summary>Every clause the node cites: its own sources, and those of its assessments, targets and goals.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<Source> AllSources =>
        Sources.Concat(Assessments.SelectMany(a => a.Context.Prepend(a.Source))).Concat(Targets.Concat(Goals).Select(q => q.Source));

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
