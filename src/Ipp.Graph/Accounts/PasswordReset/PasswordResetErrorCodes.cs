namespace Ipp.Graph.Accounts.PasswordReset;

/// <summary>The <c>extensions.code</c> values of password reset's errors.</summary>
public static class PasswordResetErrorCodes
{
    /// <summary>The reset token is unknown, malformed, expired, replaced by a newer one, or was used already.</summary>
    public const string TokenInvalid = "PASSWORD_RESET_TOKEN_INVALID";
}
