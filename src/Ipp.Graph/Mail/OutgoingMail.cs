namespace Ipp.Graph.Mail;

/// <summary>A plain-text mail to one recipient; the sender is the setting <c>Mail:Sender</c>.</summary>
/// <param name="To">The recipient's address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Text">The body, plain text.</param>
public sealed record OutgoingMail(string To, string Subject, string Text);
