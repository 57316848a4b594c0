using System.Globalization;
using Ipp.Graph.Mail;

namespace Ipp.Graph.Accounts.PasswordReset;

/// <summary>The mail carrying a password reset link.</summary>
public static class PasswordResetMail
{
    public const string Subject = "Reset your password";

    public static OutgoingMail For(string email, string link, TimeSpan lifetime) => new(
        email,
        Subject,
        string.Create(CultureInfo.InvariantCulture, $"""
            Someone, hopefully you, asked to reset the password of the account {email}.

            To choose a new password, open this link within {(int)lifetime.TotalMinutes} minutes:

            {link}

            The link works once. If you did not ask for it, ignore this mail: your password stays as it is.
            """));
}
