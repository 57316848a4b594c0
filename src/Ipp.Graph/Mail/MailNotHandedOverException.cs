namespace Ipp.Graph.Mail;

/// <summary>
/// Sending failed before anything of the mail was given to the mail server, in a way worth trying again: the server
/// could not be reached, TLS, the greeting or authentication failed, or it refused the sender or the recipient for now
/// (a 4xx reply, transient by SMTP's rules). Sending it again cannot deliver it twice. A failure during or after the
/// message's data, or a permanent (5xx) refusal, is never this: the mail may have gone out, or will never go.
/// </summary>
public sealed class MailNotHandedOverException(Exception cause)
    : Exception($"Nothing was given to the mail server ({cause.GetType().Name}: {cause.Message})", cause);
