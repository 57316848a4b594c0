using Ipp.Graph.Authorization;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Accounts;

/// <summary>
/// Who reads a user's private fields (their experiment mail setting, their usage): the user themself, and holders of
/// <c>users:read</c> (administrators); anyone else is refused with <c>AUTH_NOT_AUTHORIZED</c>, the field null.
/// </summary>
public static class PrivateUserFields
{
    /// <summary>Throws the refusal unless the caller may read the private fields of <paramref name="userId"/>.</summary>
    public static void Check(ResolveContext context, long userId)
    {
        var caller = context.RequireCaller();
        if (userId != caller.UserId && context.Service<AccessPolicy>().Refusal(caller, PermissionSet.Of(Permission.UsersRead)) is { } refusal)
        {
            throw refusal;
        }
    }
}
