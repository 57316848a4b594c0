namespace Ipp.Graph.Accounts.AccessTokens;

/// <summary>The <c>AccessTokens</c> settings: personal access tokens (appsettings.json documents each with its default).</summary>
public sealed class AccessTokensOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "AccessTokens";

    /// <summary>The latest expiry a new token may have, from the moment it is created.</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How many tokens that have not expired a user may hold at once.</summary>
    public int MaxPerUser { get; set; } = 50;

    /// <summary>
    /// How precisely a token's <c>lastUsedAt</c> follows its use: it is written at most once per this interval per
    /// token (and per instance, the database's conditional update keeping it to one write in total), so requests with
    /// a token cost no write each.
    /// </summary>
    public TimeSpan LastUsedPrecision { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Throws when a setting is out of range, so a bad configuration stops the start.</summary>
    internal void Validate()
    {
        if (MaxLifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}:MaxLifetime must be positive; it is {MaxLifetime}.");
        }

        if (MaxPerUser < 1)
        {
            throw new InvalidOperationException($"{Section}:MaxPerUser must be 1 or more; it is {MaxPerUser}.");
        }

        if (LastUsedPrecision <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}:LastUsedPrecision must be positive; it is {LastUsedPrecision}.");
        }
    }
}
