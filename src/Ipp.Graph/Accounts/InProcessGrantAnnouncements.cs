using Ipp.Graph.Data;

namespace Ipp.Graph.Accounts;

/// <summary>The announcements of a server alone on its database (SQLite): straight into this process's <see cref="CallerGrants"/>.</summary>
public sealed class InProcessGrantAnnouncements(CallerGrants grants) : IGrantAnnouncements
{
    public Task EnlistAsync(IppDbContext db, long userId, UserGrants grants, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Committed(long userId, UserGrants changed) => grants.Record(userId, changed);
}
