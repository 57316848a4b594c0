using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ipp.Graph.Mail;

/// <summary>
/// Sends mail through the SMTP server of the <c>Mail</c> settings with MailKit: one connection per mail (mail is
/// rare here: a reset, a notice), so nothing is held open between them. The server's certificate is checked. A failure
/// before the message was handed over is a <see cref="MailNotHandedOverException"/> (see <see cref="IMailSender.SendAsync"/>).
/// </summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    private readonly MailOptions _options = options.Value;

    public bool IsConfigured => _options.IsConfigured;

    public string LinkTo(string path) => _options.LinkBaseWithSlash + path.TrimStart('/');

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException("Mail is not configured (Mail:Host is empty).");
        }

        var message = new MimeMessage();
        message.From.Add(_options.SenderMailbox);
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Text };
        if (mail.MessageKey is { } key)
        {
            message.MessageId = $"{key}@{_options.SenderMailbox.Domain}";
        }

        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        try
        {
            // Connecting includes TLS and the greeting (EHLO); nothing of the mail has gone yet.
            await client.ConnectAsync(_options.Host!, _options.Port, SocketOptions(_options.Tls), cancellationToken);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password!, cancellationToken);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MailNotHandedOverException(exception);
        }

        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException refused) when (IsTransientEnvelopeRefusal(refused))
        {
            throw new MailNotHandedOverException(refused);
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>
    /// A 4xx reply to MAIL FROM or RCPT TO: the server refused the envelope for now, before DATA, so the message was
    /// not given (MailKit sends DATA only once the envelope is accepted). A refusal at or after DATA is not this.
    /// </summary>
    private static bool IsTransientEnvelopeRefusal(SmtpCommandException refused) =>
        refused.ErrorCode is SmtpErrorCode.SenderNotAccepted or SmtpErrorCode.RecipientNotAccepted
        && (int)refused.StatusCode is >= 400 and < 500;

    private static SecureSocketOptions SocketOptions(MailTls tls) => tls switch
    {
        MailTls.None => SecureSocketOptions.None,
        MailTls.Implicit => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
