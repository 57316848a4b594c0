namespace Ipp.Graph.Accounts.PasswordChange;

/// <summary>The <c>extensions.code</c> values of changing a password.</summary>
public static class PasswordChangeErrorCodes
{
    /// <summary>The current password given is not the account's.</summary>
    public const string CurrentPasswordIncorrect = "CURRENT_PASSWORD_INCORRECT";
}
