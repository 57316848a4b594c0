using System.Text.RegularExpressions;
using Ipp.Graph.Tests.Mail;
using MimeKit;

namespace Ipp.Graph.Tests.Accounts.PasswordReset;

/// <summary>The operations of password reset, and reading the link out of a mail that arrived.</summary>
public static partial class ResetMails
{
    public const string Request =
        "mutation($email: String!) { requestPasswordReset(input: {email: $email}) { email "
        + "errors { __typename ... on Error { code message } ... on RateLimitedError { retryAfter } } } }";

    public const string Reset =
        "mutation($token: String!, $password: String!) { resetPassword(input: {token: $token, newPassword: $password}) { email "
        + "errors { __typename ... on Error { code message } } } }";

    /// <summary>The start of every link, with the test SMTP server's settings (<see cref="SmtpTestServer.Settings"/>).</summary>
    public const string LinkStart = "https://portal.example.org/app/reset-password#token=";

    /// <summary>Asks for a reset of <paramref name="email"/>; fails unless the answer is the usual one.</summary>
    public static async Task RequestAsync(GraphQLHttp http, string email)
    {
        var payload = (await http.PostAsync(Request, new { email })).Data("requestPasswordReset");
        Assert.Equal(email, payload.GetProperty("email").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, payload.GetProperty("errors").ValueKind);
    }

    /// <summary>The token of the next mail's link, checking that the mail is a reset mail to <paramref name="email"/>.</summary>
    public static async Task<string> NextTokenAsync(SmtpTestServer smtp, string email)
    {
        var mail = await smtp.NextMessageAsync();
        Assert.Equal(email, Assert.Single(mail.To.Mailboxes).Address);
        return TokenOf(mail);
    }

    public static string TokenOf(MimeMessage mail)
    {
        Assert.Equal("Reset your password", mail.Subject);
        var match = Link().Match(mail.TextBody ?? "");
        Assert.True(match.Success, "No reset link in: " + mail.TextBody);
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"https://portal\.example\.org/app/reset-password#token=([A-Za-z0-9_-]{43})\r?$", RegexOptions.Multiline)]
    private static partial Regex Link();
}
