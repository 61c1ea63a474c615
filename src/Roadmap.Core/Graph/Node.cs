namespace Roadmap.Core.Graph;

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

    /// <summary>Every clause the node cites: its own sources, and those of its assessments, targets and goals.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<Source> AllSources => Sources.Concat(Assessments.Select(a => a.Source)).Concat(Targets.Concat(Goals).Select(q => q.Source));

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
