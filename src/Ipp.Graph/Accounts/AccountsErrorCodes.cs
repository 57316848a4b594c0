namespace Ipp.Graph.Accounts;

/// <summary>
/// The <c>extensions.code</c> values of the accounts' errors.
/// </summary>
public static class AccountsErrorCodes
{
    /// <summary>Another account already uses this email.</summary>
    public const string EmailTaken = "EMAIL_TAKEN";

    /// <summary>The email and password match no account.</summary>
    public const string InvalidCredentials = "INVALID_CREDENTIALS";

    /// <summary>The password breaks a rule (length, characters).</summary>
    public const string InvalidPassword = "INVALID_PASSWORD";

    /// <summary>The email is not a valid address.</summary>
    public const string InvalidEmail = "INVALID_EMAIL";

    /// <summary>An administrator denied the account: it cannot sign in (told only to whoever gave its password).</summary>
    public const string AccountDenied = "ACCOUNT_DENIED";

    /// <summary>An administrator disabled the account: it cannot sign in (told only to whoever gave its password).</summary>
    public const string AccountDisabled = "ACCOUNT_DISABLED";
}
