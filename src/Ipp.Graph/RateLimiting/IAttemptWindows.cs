namespace Ipp.Graph.RateLimiting;

/// <summary>
/// The rate limits' counts: attempts per key in fixed windows. Per instance on SQLite
/// (<see cref="InProcessAttemptWindows"/>), one count for every instance in the database on PostgreSQL
/// (<see cref="PostgreSqlAttemptWindows"/>), so N instances do not allow N times the limit.
/// </summary>
public interface IAttemptWindows
{
    /// <summary>
    /// Counts an attempt for <paramref name="key"/> in its current window unless the window is full: null when
    /// counted, else how long until the window ends (refused attempts are not counted).
    /// </summary>
    ValueTask<TimeSpan?> TryCountAsync(string key, RateLimitOptions settings, CancellationToken cancellationToken);
}
