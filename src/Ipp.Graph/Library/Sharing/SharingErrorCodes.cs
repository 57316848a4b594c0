namespace Ipp.Graph.Library.Sharing;

/// <summary>
/// The <c>extensions.code</c> values of the library's sharing; an entry or tag the sharer may not share is the
/// library's <c>ENTRY_NOT_FOUND</c> and the tags' <c>TAG_NOT_FOUND</c>, a group the sharer is not in the groups'
/// own <c>GROUP_NOT_FOUND</c> (<see cref="Groups.GroupsErrorCodes.GroupNotFound"/>).
/// </summary>
public static class SharingErrorCodes
{
    /// <summary>No user has the email the sharer typed.</summary>
    public const string ShareUserNotFound = "SHARE_USER_NOT_FOUND";

    /// <summary>The entry or tag is shared with that user or group already.</summary>
    public const string AlreadyShared = "ALREADY_SHARED";

    /// <summary>The email is the caller's own: their entries are theirs already.</summary>
    public const string CannotShareWithSelf = "CANNOT_SHARE_WITH_SELF";

    /// <summary>No grant of the caller's has the id.</summary>
    public const string ShareNotFound = "SHARE_NOT_FOUND";
}
