using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ipp.Graph.Mail;

/// <summary>
/// Sends mail through the SMTP server of the <c>Mail</c> settings with MailKit: one connection per mail (mail is
/// rare here: a reset, a notice), so nothing is held open between them. The server's certificate is checked.
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
        await client.ConnectAsync(_options.Host!, _options.Port, SocketOptions(_options.Tls), cancellationToken);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password!, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions SocketOptions(MailTls tls) => tls switch
    {
        MailTls.None => SecureSocketOptions.None,
        MailTls.Implicit => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
