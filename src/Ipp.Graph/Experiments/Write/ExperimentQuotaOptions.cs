using Ipp.Graph.RateLimiting;

namespace Ipp.Graph.Experiments.Write;

/// <summary>The per-user limits on what users store and create (settings section <c>Experiments</c>).</summary>
public sealed class ExperimentQuotaOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Experiments";

    /// <summary>The bytes a user may store (<see cref="Storage.UserStoredBytes"/>); default 10 GiB.</summary>
    public long MaxUserBytes { get; set; } = 10L * 1024 * 1024 * 1024;

    /// <summary>The experiments a user may keep, those being created included; default 1000.</summary>
    public int MaxPerUser { get; set; } = 1000;

    /// <summary><c>createExperiment</c> calls per user in a fixed window; default 30 a minute.</summary>
    public RateLimitOptions CreateRateLimit { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    internal void Validate()
    {
        if (MaxUserBytes < 0)
        {
            throw new InvalidOperationException($"{Section}:MaxUserBytes must be 0 or more; it is {MaxUserBytes}.");
        }

        if (MaxPerUser < 1)
        {
            throw new InvalidOperationException($"{Section}:MaxPerUser must be 1 or more; it is {MaxPerUser}.");
        }

        CreateRateLimit.Validate($"{Section}:CreateRateLimit");
    }
}
