namespace Roadmap.Core.Storage.Neo4j;

/// <summary>A call to Neo4j failed; <see cref="Code"/> is Neo4j's status code or an HTTP description.</summary>
public class Neo4jException(string code, string message, Exception? inner = null) : Exception($"{code}: {message}", inner)
{
    public string Code { get; } = code;
}

/// <summary>Worth retrying: a Neo.TransientError.*, a network failure, a timeout, or a 5xx without a Neo4j code.</summary>
public sealed class Neo4jTransientException(string code, string message, Exception? inner = null) : Neo4jException(code, message, inner);

/// <summary>
/// The statement, its parameters or the server failed in a way retrying cannot mend (Neo.ClientError.*,
/// Neo.DatabaseError.*, an answer the client cannot read).
/// </summary>
public sealed class Neo4jClientException(string code, string message) : Neo4jException(code, message);

/// <summary>
/// The configuration cannot work: refused or expired credentials, an unknown database, a server too old for the
/// Query API this client uses. Never retried; the message names the setting to fix.
/// </summary>
public sealed class Neo4jConfigurationException(string message, string code = "CONFIGURATION") : Neo4jException(code, message);

/// <summary>
/// How a failure should be treated. Neo4j's own code (errors[0].code) decides whenever the body carries one,
/// whatever the HTTP status: Neo4j answers a failure at the start of a statement with 400 even when it is
/// transient, an unknown database or transaction with 404, and a database error with 500.
/// </summary>
public static class Neo4jErrorClassifier
{
    private static readonly string[] CredentialCodes =
    [
        "Neo.ClientError.Security.Unauthorized",
        "Neo.ClientError.Security.Forbidden",
        "Neo.ClientError.Security.CredentialsExpired",
        "Neo.ClientError.Security.TokenExpired",
        "Neo.ClientError.Security.AuthenticationRateLimit",
    ];

    public const string DatabaseNotFound = "Neo.ClientError.Database.DatabaseNotFound";

    /// <summary>A failure Neo4j described with its own status code.</summary>
    public static Neo4jException FromStatusCode(string code, string message, Neo4jOptions? options = null)
    {
        if (CredentialCodes.Contains(code))
        {
            return new Neo4jConfigurationException(
                $"Neo4j refused the credentials ({code}: {message}); check Neo4j:User and Neo4j:Password (or Neo4j:Token).", code);
        }
        if (code == DatabaseNotFound)
        {
            return new Neo4jConfigurationException(
                $"Neo4j has no database '{options?.Database}' ({message}); check Neo4j:Database.", code);
        }
        return code.StartsWith("Neo.TransientError.", StringComparison.Ordinal)
            ? new Neo4jTransientException(code, message)
            : new Neo4jClientException(code, message);
    }

    /// <summary>A failure without a Neo4j code in the body: the HTTP status is all there is.</summary>
    public static Neo4jException? FromHttpStatus(int status, string body) => status switch
    {
        401 or 403 => new Neo4jConfigurationException(
            $"Neo4j refused the credentials (HTTP {status}); check Neo4j:User and Neo4j:Password (or Neo4j:Token)."),
        // Neo4j's 429 is its authentication rate limit: repeating the same credentials only prolongs it.
        429 => new Neo4jConfigurationException(
            $"Neo4j is rate-limiting failed logins (HTTP 429); check Neo4j:User and Neo4j:Password (or Neo4j:Token)."),
        408 or >= 500 => new Neo4jTransientException($"HTTP {status}", Truncate(body)),
        >= 400 => new Neo4jClientException($"HTTP {status}", Truncate(body)),
        _ => null,
    };

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
