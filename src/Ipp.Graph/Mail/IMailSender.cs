namespace Ipp.Graph.Mail;

/// <summary>
/// How the server sends mail (<see cref="SmtpMailSender"/>, over SMTP). A feature that needs mail asks
/// <see cref="IsConfigured"/> first and answers <c>MAIL_NOT_CONFIGURED</c> (<see cref="MailNotConfiguredError"/>) when
/// it is false.
/// </summary>
public interface IMailSender
{
    /// <summary>True when the settings name an SMTP server (<c>Mail:Host</c>).</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// The frontend's page at <paramref name="path"/> (relative, <c>reset-password</c>), under the setting
    /// <c>Mail:LinkBase</c>: what links in mails point to.
    /// </summary>
    string LinkTo(string path);

    /// <summary>
    /// Sends the mail; throws when it is not configured, or the server cannot be reached or refuses it. A failure known
    /// to have come before the message was handed over, and worth trying again, is a
    /// <see cref="MailNotHandedOverException"/>: sending again cannot deliver it twice. Any other failure may have come
    /// after the server took the message (or is permanent): a caller that must never send twice does not try again.
    /// </summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
