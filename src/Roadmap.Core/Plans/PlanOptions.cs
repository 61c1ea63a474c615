namespace Roadmap.Core.Plans;

/// <summary>Limits on a plan added as a file (configuration section <c>Plans</c>).</summary>
public sealed class PlanOptions
{
    public const string Section = "Plans";

    /// <summary>The largest file accepted, in bytes: 20 MB, ten times a plan printed to PDF with its tables.</summary>
    public int MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>The longest text accepted once extracted, in characters: the longest plan so far has 35,000.</summary>
    public int MaxTextCharacters { get; set; } = 1_000_000;
}
