namespace Roadmap.Api.Http;

/// <summary>The HTTP endpoint's own bounds (configuration section <c>GraphQL</c>, beside the execution bounds).</summary>
public sealed class GraphQLHttpOptions
{
    public const string Section = "GraphQL";

    /// <summary>The largest request body the endpoint reads; above it, 413.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Requests each client address may make per minute; above it, 429. 0 turns the limit off.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>
    /// The Cache-Control of a GET query's answer. The default, <c>no-cache</c>, lets a client or proxy keep it but ask
    /// again each time: with the answer's ETag, an unchanged graph answers 304 without running the query.
    /// </summary>
    public string CacheControl { get; set; } = "no-cache";
}
