using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Roadmap.Api.Security;

/// <summary>
/// The authorization policy of the GraphQL endpoint: a presented key must be valid, and under
/// <c>Auth:ReadAccess=Key</c> a key must be presented. Roles are checked per field by the resolvers.
/// </summary>
public static class ApiKeyPolicy
{
    public const string Name = "ApiKey";

    public static void Configure(AuthorizationPolicyBuilder policy) => policy
        .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
        .RequireAssertion(async context =>
        {
            if (context.Resource is not HttpContext http) return false;
            // The handler answers once per request; this is the result UseAuthentication already had.
            var authentication = await http.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
            if (authentication.Failure is not null) return false;
            var readAccess = http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.ReadAccess;
            return readAccess == ReadAccess.Open || http.User.Identity?.IsAuthenticated == true;
        });
}
