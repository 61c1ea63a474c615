using GraphQL;
using Roadmap.Core.Errors;
using Roadmap.Core.GraphQL.Arguments;
using Roadmap.Core.Security;

namespace Roadmap.Core.GraphQL.Editing;

/// <summary>Role checks for resolvers: the caller is the principal the API's key middleware put on the request.</summary>
public static class Access
{
    /// <summary>The caller's name, for the audit log; UNAUTHENTICATED without a key, FORBIDDEN without the role.</summary>
    public static string Require(IResolveFieldContext context, string role)
    {
        var user = context.User;
        if (user?.Identity is not { IsAuthenticated: true, Name: { } name })
        {
            throw new RoadmapError(ErrorCodes.Unauthenticated, "This needs an API key: send 'Authorization: Bearer <key>'.");
        }
        if (!Roles.Grants(user, role)) throw new RoadmapError(ErrorCodes.Forbidden, $"This needs the {role} role; the key '{name}' does not have it.");
        return name;
    }
}
