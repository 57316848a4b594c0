namespace Ipp.Graph.Mail;

/// <summary>The <c>extensions.code</c> values of mail's errors.</summary>
public static class MailErrorCodes
{
    /// <summary>The server sends no mail (no <c>Mail:Host</c>), and what was asked needs it.</summary>
    public const string MailNotConfigured = "MAIL_NOT_CONFIGURED";
}
