namespace Roadmap.Core.Storage.Neo4j;

/// <summary>Where the Neo4j store finds its server, bound from the <c>Neo4j</c> configuration section.</summary>
public sealed class Neo4jOptions
{
    public const string Section = "Neo4j";

    /// <summary>The server's HTTP address, e.g. http://localhost:7474.</summary>
    public string Url { get; set; } = "http://localhost:7474";

    public string Database { get; set; } = "neo4j";

    /// <summary>Basic auth user; with <see cref="Password"/>.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>A bearer token instead of basic auth.</summary>
    public string? Token { get; set; }

    /// <summary>The whole call, retries included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>One attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Retries of a read, or of an idempotent write; other writes are never retried.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long the circuit stays open before a trial call.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Calls in the sampling window before the breaker may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 5;

    /// <summary>A multi-statement write (an import) from open to commit.</summary>
    public TimeSpan TransactionTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a pooled connection to the server is reused before it is closed and the next one resolves the
    /// address again (a cluster's or Aura's DNS changes).
    /// </summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Rows per UNWIND batch when importing.</summary>
    public int ImportBatchSize { get; set; } = 500;
}
