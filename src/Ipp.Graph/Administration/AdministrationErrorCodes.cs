namespace Ipp.Graph.Administration;

/// <summary>The <c>extensions.code</c> values of the administration's errors (each: nothing was changed).</summary>
public static class AdministrationErrorCodes
{
    /// <summary>No user has the id given (or it is no user's id).</summary>
    public const string UserNotFound = "USER_NOT_FOUND";

    /// <summary><c>approveUser</c> of an account already approved.</summary>
    public const string AlreadyApproved = "ALREADY_APPROVED";

    /// <summary><c>denyUser</c> of an account already denied.</summary>
    public const string AlreadyDenied = "ALREADY_DENIED";

    /// <summary><c>disableUser</c> of an account already disabled.</summary>
    public const string AlreadyDisabled = "ALREADY_DISABLED";

    /// <summary><c>enableUser</c> of an account that is not disabled.</summary>
    public const string NotDisabled = "NOT_DISABLED";

    /// <summary><c>grantRole</c> of a role the user already holds.</summary>
    public const string RoleAlreadyHeld = "ROLE_ALREADY_HELD";

    /// <summary><c>revokeRole</c> of a role the user does not hold.</summary>
    public const string RoleNotHeld = "ROLE_NOT_HELD";

    /// <summary>
    /// The change would leave no administrator: the user is the only approved, enabled holder of ADMIN, who cannot
    /// lose the role, be disabled or be denied.
    /// </summary>
    public const string LastAdministrator = "LAST_ADMINISTRATOR";

    /// <summary><c>endUserSession</c> of a user who is not signed in.</summary>
    public const string NoSession = "NO_SESSION";
}
