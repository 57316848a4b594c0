namespace Ipp.Graph.Health;

/// <summary>The "Health" settings: the readiness probe's patience.</summary>
public sealed class HealthSettings
{
    /// <summary>The configuration section they are read from.</summary>
    public const string Section = "Health";

    /// <summary>
    /// How long each readiness check may take before it counts as failed (a locked database, a hung network
    /// file system), so the probe always answers. Default 5 seconds.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws when a setting is out of range, naming it, so a bad deployment fails at start.</summary>
    internal void Validate()
    {
        if (Timeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"The setting {Section}:{nameof(Timeout)} must be more than zero.");
        }
    }
}
