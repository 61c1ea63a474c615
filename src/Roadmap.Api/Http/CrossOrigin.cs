using GraphQL;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Roadmap.Core.Errors;

namespace Roadmap.Api.Http;

/// <summary>
/// Cross-origin calls to the GraphQL paths (/graphql and below), for a roadmap tool served from another origin. The
/// API's credentials are headers, never cookies, so a page can only send a key it holds itself; still, a key is
/// accepted only from the service's own origin or one listed in <c>Cors:AllowedOrigins</c>, never through <c>*</c>,
/// which opens anonymous reads to every page. A request that breaks this is refused before its key is read
/// (ORIGIN_NOT_ALLOWED, 403), so no edit can be made from a page the operator did not name. Requests without an
/// Origin header (curl, servers, the CLI) are not cross-origin and pass as they are.
/// </summary>
public sealed class CrossOrigin(RequestDelegate next, IOptionsMonitor<CrossOriginOptions> options)
{
    /// <summary>The request headers a preflight allows: a key, and the GraphQL-over-HTTP media types.</summary>
    private const string AllowedHeaders = "authorization, content-type, accept";

    /// <summary>What a page may read of an answer: when to retry after a rate limit, and the id the logs know the request by.</summary>
    private const string ExposedHeaders = "Retry-After, X-Request-Id";

    public const string RequestIdHeader = "X-Request-Id";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/graphql"))
        {
            await next(http);
            return;
        }
        http.Response.Headers[RequestIdHeader] = http.TraceIdentifier;
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || IsOwn(http.Request, origin))
        {
            await next(http);
            return;
        }
        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        var allowed = options.CurrentValue.AllowedOrigins;
        var named = allowed.Any(o => Same(o, origin));
        var anyone = allowed.Contains("*");
        var preflight = HttpMethods.IsOptions(http.Request.Method) && http.Request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod);
        if (preflight)
        {
            if (!named && !anyone)
            {
                await Refuse(http, $"Pages on {origin} may not call this API; the operator lists the origins that may in Cors:AllowedOrigins.");
                return;
            }
            http.Response.Headers.AccessControlAllowOrigin = named ? origin : "*";
            http.Response.Headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
            // Through '*' a page reads anonymously: a preflight for a key is not answered with 'authorization'.
            http.Response.Headers.AccessControlAllowHeaders = named ? AllowedHeaders : "content-type, accept";
            http.Response.Headers.AccessControlMaxAge = ((int)options.CurrentValue.PreflightMaxAge.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        // A WebSocket client sends its key in the first message, after the upgrade: only a named origin may open one.
        if (!named && string.Equals(http.Request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase))
        {
            await Refuse(http, $"A WebSocket from {origin} could carry a key in its first message; only the origins in Cors:AllowedOrigins may open one ('*' does not).");
            return;
        }
        if (http.Request.Headers.ContainsKey(HeaderNames.Authorization) && !named)
        {
            await Refuse(http, $"A key is accepted only from the service's own pages and the origins in Cors:AllowedOrigins, and {origin} is not one of them{(anyone ? " ('*' allows anonymous reads only)" : "")}.");
            return;
        }
        if (named || anyone)
        {
            http.Response.Headers.AccessControlAllowOrigin = named ? origin : "*";
            http.Response.Headers.AccessControlExposeHeaders = ExposedHeaders;
        }
        await next(http);
    }

    private static bool IsOwn(HttpRequest request, string origin) => Same(origin, $"{request.Scheme}://{request.Host}");

    private static bool Same(string a, string b) => string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    // Written as the rate limiter writes its refusal: a GraphQL response with the code and no data.
    private static async Task Refuse(HttpContext http, string message)
    {
        http.Response.StatusCode = ErrorCodes.OriginNotAllowed.HttpStatus!.Value;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.RequestServices.GetRequiredService<IGraphQLTextSerializer>().WriteAsync(http.Response.Body,
            new ExecutionResult { Errors = [new ExecutionError(message) { Code = ErrorCodes.OriginNotAllowed.Code }] }, http.RequestAborted);
    }
}
