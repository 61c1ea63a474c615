namespace Roadmap.Core.Storage;

/// <summary>The embedded store's file and when it imports the seeds (configuration section <c>Store:Embedded</c>).</summary>
public sealed class EmbeddedStoreOptions
{
    public const string Section = "Store:Embedded";

    /// <summary>The SQLite file; created beside the working directory when it does not exist.</summary>
    public string DatabasePath { get; set; } = "roadmap.db";

    /// <summary>When the seeds are loaded into the file.</summary>
    public SeedImport SeedImport { get; set; } = SeedImport.WhenUnedited;

    /// <summary>
    /// The size the file may grow to through edits (SQLite's max_page_count); 0 leaves it to the disk. A full file
    /// fails edits with STORE_WRITE_FAILED, exactly as a full disk does, while reads go on.
    /// </summary>
    public long MaxDatabaseBytes { get; set; }

    /// <summary>
    /// Whether to run SQLite's quick_check over the file at start and refuse to start on a damaged page. It reads the
    /// whole file once (docs/configuration.md gives the cost); without it a damaged audit page shows only at the next edit.
    /// </summary>
    public bool IntegrityCheckAtStart { get; set; } = true;

    /// <summary>
    /// Whether to keep a compact snapshot of the read model in the file and start from it: a million nodes load in
    /// seconds instead of the tens of seconds that parsing every row takes. It is checked against the seeds'
    /// fingerprint, the audit log and its own hash, and rebuilt from the rows whenever it does not match.
    /// </summary>
    public bool Snapshot { get; set; } = true;

    /// <summary>
    /// How many edits may accumulate before the snapshot is rewritten. Edits after it are replayed from their rows at
    /// start, which costs a row read each; rewriting costs a pass over the whole graph.
    /// </summary>
    public int SnapshotAfterEdits { get; set; } = 1_000;
}

public enum SeedImport
{
    /// <summary>
    /// Import into a new file, and re-import when the seeds changed, unless the file holds edits made through the
    /// API: those are never overwritten (export them with <c>roadmap export --format yaml</c> and commit them).
    /// </summary>
    WhenUnedited,

    /// <summary>Serve the file as it is (a generated benchmark graph, or a file curated elsewhere).</summary>
    Never,
}
