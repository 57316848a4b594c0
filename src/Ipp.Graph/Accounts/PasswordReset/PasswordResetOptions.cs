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

    /// <summary>Requests waiting to be handled (mail sent); a request beyond them is answered alike but dropped, with a warning.</summary>
    public int QueueLength { get; set; } = 1000;

    /// <summary><c>requestPasswordReset</c> calls per client address in a fixed window.</summary>
    public RateLimitOptions RateLimit { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) };

    /// <summary>Throws when a setting is out of range, so a bad configuration stops the start.</summary>
    internal void Validate()
    {
        if (Lifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}:Lifetime must be positive; it is {Lifetime}.");
        }

        if (string.IsNullOrWhiteSpace(LinkPath) || !Uri.IsWellFormedUriString(LinkPath, UriKind.Relative) || LinkPath.Contains('#', StringComparison.Ordinal) || LinkPath.Contains('?', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Section}:LinkPath must be a relative path (reset-password), without query or fragment.");
        }

        if (QueueLength < 1)
        {
            throw new InvalidOperationException($"{Section}:QueueLength must be 1 or more; it is {QueueLength}.");
        }

        RateLimit.Validate($"{Section}:RateLimit");
    }
}
