namespace Roadmap.Api.Http;

/// <summary>Which web pages on other origins may call the API from a browser (configuration section <c>Cors</c>).</summary>
public sealed class CrossOriginOptions
{
    public const string Section = "Cors";

    /// <summary>
    /// Origins (<c>https://roadmap-tool.example</c>) whose pages may call the GraphQL paths, keys included; <c>*</c>
    /// lets any page read anonymously, never with a key. None by default: only same-origin pages (the explorer).
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may keep a preflight's answer.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);
}
