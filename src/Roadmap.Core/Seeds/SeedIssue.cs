namespace Roadmap.Core.Seeds;

/// <summary>One problem in the seed dataset, located at a file and line so a curator can go straight to it.</summary>
public sealed record SeedIssue(string File, int Line, string Code, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Code}: {Message}";
}

/// <summary>Where a node or edge was declared, for error messages that point at the YAML.</summary>
public sealed record SeedLocation(string File, int Line);
