namespace Ipp.Graph.Data;

/// <summary>The times the database stores.</summary>
public static class StoredTimes
{
    /// <summary>
    /// Now, cut to the millisecond the API shows, so a stored time reads back as it was written on every provider
    /// (PostgreSQL keeps microseconds, SQLite all of .NET's ticks): a session's expiry held in memory is the stored one.
    /// </summary>
    public static DateTime UtcNowToMillisecond(this TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
