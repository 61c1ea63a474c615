namespace Roadmap.Core.Storage.Neo4j;

/// <summary>A call to Neo4j failed; <see cref="Code"/> is Neo4j's status code or an HTTP description.</summary>
public class Neo4jException(string code, string message, Exception? inner = null) : Exception($"{code}: {message}", inner)
{
    public string Code { get; } = code;
}

/// <summary>Worth retrying: a transient Neo4j error, a network failure, a 5xx, 408 or 429.</summary>
public sealed class Neo4jTransientException(string code, string message, Exception? inner = null) : Neo4jException(code, message, inner);

/// <summary>The statement or its parameters are wrong (Neo.ClientError.*): retrying cannot help.</summary>
public sealed class Neo4jClientException(string code, string message) : Neo4jException(code, message);

/// <summary>401 or 403: the configured credentials are wrong or lack rights. A configuration error, never retried.</summary>
public sealed class Neo4jConfigurationException(string message) : Neo4jException("CONFIGURATION", message);

/// <summary>How a failure should be treated, by Neo4j's status code (errors[].code) or the HTTP status.</summary>
public static class Neo4jErrorClassifier
{
    // Transient by class, yet retrying them repeats an operation the server deliberately stopped.
    private static readonly string[] NotRetried =
    [
        "Neo.TransientError.Transaction.Terminated",
        "Neo.TransientError.Transaction.LockClientStopped",
    ];

    public static Neo4jException FromStatusCode(string code, string message) =>
        code.StartsWith("Neo.TransientError.", StringComparison.Ordinal) && !NotRetried.Contains(code)
            ? new Neo4jTransientException(code, message)
            : new Neo4jClientException(code, message);

    public static Neo4jException? FromHttpStatus(int status, string body) => status switch
    {
        401 or 403 => new Neo4jConfigurationException(
            $"Neo4j refused the credentials (HTTP {status}); check Neo4j:User and Neo4j:Password (or Neo4j:Token)."),
        408 or 429 or >= 500 => new Neo4jTransientException($"HTTP {status}", Truncate(body)),
        >= 400 => new Neo4jClientException($"HTTP {status}", Truncate(body)),
        _ => null,
    };

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
