using System.Text.Encodings.Web;
using GraphQL;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Roadmap.Core.Errors;
using Roadmap.Core.Telemetry;
using Roadmap.Core.Security;

namespace Roadmap.Api.Security;

/// <summary>
/// The <c>ApiKey</c> scheme: <c>Authorization: Bearer &lt;key&gt;</c> becomes the request's user (name and role),
/// which the rate limiter partitions by and resolvers check roles on. A key that matches nothing fails
/// authentication; the endpoint's policy (<see cref="ApiKeyPolicy"/>) then refuses the request with 401, after the
/// rate limiter has counted it, so guessing keys is limited like any other request.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string Bearer = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null) return Task.FromResult(AuthenticateResult.NoResult());
        var user = header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? keys.Authenticate(header[Bearer.Length..].Trim()) : null;
        return Task.FromResult(user is null
            ? AuthenticateResult.Fail("The API key is not valid.")
            : AuthenticateResult.Success(new AuthenticationTicket(user, SchemeName)));
    }

    /// <summary>401 as a GraphQL response coded UNAUTHENTICATED, saying whether the key was wrong or missing.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        RoadmapTelemetry.Unauthenticated.Add(1, new KeyValuePair<string, object?>("reason", result.Failure is not null ? "wrong_key" : "missing_key"));
        var message = result.Failure is not null
            ? "The API key is not valid. Send 'Authorization: Bearer <key>' with a key configured under Auth:Keys."
            : "This service needs an API key for every request: send 'Authorization: Bearer <key>'.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        Response.ContentType = "application/json; charset=utf-8";
        var serializer = Context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        await serializer.WriteAsync(Response.Body, new ExecutionResult
        {
            Errors = [new ExecutionError(message) { Code = ErrorCodes.Unauthenticated.Code }],
        }, Context.RequestAborted);
    }
}
