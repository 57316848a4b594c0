namespace Ipp.Graph.Mail;

/// <summary>A plain-text mail to one recipient; the sender is the setting <c>Mail:Sender</c>.</summary>
/// <param name="To">The recipient's address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Text">The body, plain text.</param>
/// <param name="MessageKey">
/// What the mail is about, when a receiver should be able to spot it sent twice: its Message-ID is then
/// <c>&lt;key@the sender's domain&gt;</c>, the same each time (letters, digits, '.' and '-'); none: a new one each time.
/// </param>
public sealed record OutgoingMail(string To, string Subject, string Text, string? MessageKey = null);
