using MimeKit;

namespace Ipp.Graph.Mail;

/// <summary>
/// The <c>Mail</c> settings: the SMTP server mail goes out through, and the frontend's address that links in mails
/// point to. Without a <see cref="Host"/> mail is not configured: the features needing it answer
/// <c>MAIL_NOT_CONFIGURED</c>.
/// </summary>
public sealed class MailOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Mail";

    /// <summary>The SMTP server's host name; empty: mail is not configured.</summary>
    public string? Host { get; set; }

    /// <summary>The SMTP server's port: 587 (submission with STARTTLS) unless given.</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is protected; STARTTLS unless given.</summary>
    public MailTls Tls { get; set; } = MailTls.StartTls;

    /// <summary>The From of every mail: an address, with a display name if wanted (<c>IPP Portal &lt;noreply@example.org&gt;</c>).</summary>
    public string? Sender { get; set; }

    /// <summary>The user name to authenticate with; none: no authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>The password of <see cref="UserName"/>.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// The public address of the frontend (<c>https://portal.example.org/</c>), which links in mails start with:
    /// absolute http or https, without query or fragment.
    /// </summary>
    public string? LinkBase { get; set; }

    /// <summary>How long connecting to the server, and each exchange with it, may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Mails waiting to go out (<see cref="MailOutbox"/>, for every feature together); one beyond them is dropped, with
    /// a warning.
    /// </summary>
    public int QueueLength { get; set; } = 1000;

    /// <summary>True when a host is given: mail goes out.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The sender as a mailbox (checked at start).</summary>
    internal MailboxAddress SenderMailbox => MailboxAddress.Parse(Sender!);

    /// <summary>The frontend's address (checked at start), ending with a slash, so a page's path can follow it.</summary>
    internal string LinkBaseWithSlash => LinkBase!.EndsWith('/') ? LinkBase : LinkBase + "/";

    /// <summary>Throws when a setting is out of range or missing, so a bad configuration stops the start.</summary>
    internal void Validate()
    {
        if (QueueLength < 1)
        {
            throw new InvalidOperationException($"Mail:QueueLength must be 1 or more; it is {QueueLength}.");
        }

        if (!IsConfigured)
        {
            return;
        }

        if (Port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"Mail:Port must be between 1 and 65535; it is {Port}.");
        }

        if (!Enum.IsDefined(Tls))
        {
            throw new InvalidOperationException("Mail:Tls must be None, StartTls or Implicit.");
        }

        if (string.IsNullOrWhiteSpace(Sender) || !MailboxAddress.TryParse(Sender, out var sender) || !sender.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Mail:Sender must be an address, with a display name if wanted (IPP Portal <noreply@example.org>), when Mail:Host is set.");
        }

        if (!Uri.TryCreate(LinkBase, UriKind.Absolute, out var linkBase)
            || linkBase.Scheme is not ("http" or "https")
            || linkBase.Query.Length > 0
            || linkBase.Fragment.Length > 0)
        {
            throw new InvalidOperationException("Mail:LinkBase must be the frontend's absolute http or https address, without query or fragment (https://portal.example.org/), when Mail:Host is set.");
        }

        if (!string.IsNullOrEmpty(UserName) && Tls == MailTls.None)
        {
            throw new InvalidOperationException("Mail:UserName needs Mail:Tls StartTls or Implicit: with None the password would travel in clear.");
        }

        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
        {
            throw new InvalidOperationException("Mail:UserName and Mail:Password go together: give both or neither.");
        }

        if (Timeout <= TimeSpan.Zero || Timeout.TotalMilliseconds > int.MaxValue)
        {
            throw new InvalidOperationException($"Mail:Timeout must be positive and under 24 days; it is {Timeout}.");
        }
    }
}
