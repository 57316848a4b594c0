using Ipp.Graph.Mail;
using Ipp.Graph.RateLimiting;

namespace Ipp.Graph.Accounts.PasswordReset;

/// <summary>The <c>Accounts:PasswordReset</c> settings (appsettings.json documents each with its default).</summary>
public sealed class PasswordResetOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Accounts:PasswordReset";

    /// <summary>How long a reset link works after it was sent.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The frontend's page the link opens, under <c>Mail:LinkBase</c>; the token follows in the fragment
    /// (<c>#token=…</c>), which browsers send to no server.
    /// </summary>
    public string LinkPath { get; set; } = "reset-password";

    /// <summary><c>requestPasswordReset</c> calls per client address in a fixed window.</summary>
    public RateLimitOptions RateLimit { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) };

    /// <summary>Throws when a setting is out of range, so a bad configuration stops the start.</summary>
    internal void Validate()
    {
        if (Lifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}:Lifetime must be positive; it is {Lifetime}.");
        }

        if (!MailLinks.IsPagePath(LinkPath))
        {
            throw new InvalidOperationException($"{Section}:LinkPath must be a relative path (reset-password), without query or fragment.");
        }

        RateLimit.Validate($"{Section}:RateLimit");
    }
}
