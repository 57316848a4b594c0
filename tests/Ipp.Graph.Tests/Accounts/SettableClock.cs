namespace Ipp.Graph.Tests.Accounts;

/// <summary>A clock the test moves forward (the server's TimeProvider in tests about expiry); timers still run in real time.</summary>
public sealed class SettableClock : TimeProvider
{
    // From a whole second: the server stores times to the millisecond, so a test's "24 hours after issue" is exact.
    private long _utcTicks = DateTimeOffset.UtcNow.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);

    /// <summary>Starts the server with this clock.</summary>
    public void Install(WebApplicationBuilder builder) => builder.Services.AddSingleton<TimeProvider>(this);
}
