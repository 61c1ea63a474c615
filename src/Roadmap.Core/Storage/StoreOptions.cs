namespace Roadmap.Core.Storage;

/// <summary>Which store serves the graph (configuration section <c>Store</c>).</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    public StoreProvider Provider { get; set; } = StoreProvider.Embedded;
}

public enum StoreProvider
{
    /// <summary>In-process, over a SQLite file: the default, and the only store that takes edits.</summary>
    Embedded,

    /// <summary>A Neo4j server through its HTTP Query API (configuration section <c>Neo4j</c>).</summary>
    Neo4j,
}
