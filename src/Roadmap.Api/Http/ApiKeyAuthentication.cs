using Roadmap.Core.Errors;
using GraphQL;
using Microsoft.Net.Http.Headers;
using Roadmap.Core.Security;

namespace Roadmap.Api.Http;

/// <summary>
/// Turns an <c>Authorization: Bearer &lt;key&gt;</c> header into the request's user (name and role), before the
/// rate limiter partitions by key and before GraphQL resolvers check roles. A key that matches nothing is refused
/// outright with 401, rather than served as anonymous: a client with a wrong key should find out at once.
/// </summary>
public sealed class ApiKeyAuthentication(RequestDelegate next, ApiKeys keys, AuthOptions options)
{
    private const string Scheme = "Bearer ";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/graphql"))
        {
            await next(http);
            return;
        }
        string? header = http.Request.Headers.Authorization;
        if (header is not null)
        {
            var user = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? keys.Authenticate(header[Scheme.Length..].Trim()) : null;
            if (user is null)
            {
                await RefuseAsync(http, "The API key is not valid. Send 'Authorization: Bearer <key>' with a key configured under Auth:Keys.");
                return;
            }
            http.User = user;
        }
        else if (options.ReadAccess == ReadAccess.Key)
        {
            await RefuseAsync(http, "This service needs an API key for every request: send 'Authorization: Bearer <key>'.");
            return;
        }
        await next(http);
    }

    private static async Task RefuseAsync(HttpContext http, string message)
    {
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        http.Response.ContentType = "application/json; charset=utf-8";
        var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        await serializer.WriteAsync(http.Response.Body, new ExecutionResult
        {
            Errors = [new ExecutionError(message) { Code = Core.Errors.ErrorCodes.Unauthenticated.Code }],
        }, http.RequestAborted);
    }
}
