namespace Ipp.Graph.Mail;

/// <summary>The check of a setting naming the frontend's page a mail links to (<see cref="IMailSender.LinkTo"/>).</summary>
public static class MailLinks
{
    /// <summary>True for a relative path (<c>reset-password</c>, <c>users</c>) without query or fragment.</summary>
    public static bool IsPagePath(string? path) =>
        !string.IsNullOrWhiteSpace(path)
        && Uri.IsWellFormedUriString(path, UriKind.Relative)
        && !path.Contains('#', StringComparison.Ordinal)
        && !path.Contains('?', StringComparison.Ordinal);
}
