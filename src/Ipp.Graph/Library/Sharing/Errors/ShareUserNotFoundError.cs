using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Library.Sharing.Errors;

/// <summary>No user has the email (<c>SHARE_USER_NOT_FOUND</c>).</summary>
public sealed class ShareUserNotFoundError(string email) : MutationError($"No user has the email '{email}'.")
{
    public override string Code => SharingErrorCodes.ShareUserNotFound;

    /// <summary>The email as it was typed.</summary>
    public string Email { get; } = email;
}
