namespace Ipp.Graph.Mail;

/// <summary>How the connection to the SMTP server is protected (the setting <c>Mail:Tls</c>).</summary>
public enum MailTls
{
    /// <summary>
    /// Plain text, unprotected: only for a relay on the same machine or network (credentials are then refused at
    /// start, since they would travel in clear).
    /// </summary>
    None,

    /// <summary>Connects in plain text, then upgrades with STARTTLS, refusing a server that does not offer it (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Implicit,
}
