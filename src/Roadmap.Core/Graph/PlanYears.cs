namespace Roadmap.Core.Graph;

/// <summary>The years a plan, an assessment or a program period may name: from the founding of the PRC to the plans' horizon.</summary>
public static class PlanYears
{
    public const int Min = 1949;
    public const int Max = 2100;

    public static bool Contains(int year) => year is >= Min and <= Max;
}
