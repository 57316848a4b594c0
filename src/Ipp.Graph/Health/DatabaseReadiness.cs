using Ipp.Graph.Data;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Health;

/// <summary>The database answers a query (the cheapest one on a table every request may need).</summary>
internal sealed class DatabaseReadiness : IReadinessCheck
{
    private readonly IDbContextFactory<IppDbContext> _contexts;

    public DatabaseReadiness(IDbContextFactory<IppDbContext> contexts) => _contexts = contexts;

    public string Name => "database";

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.AnyAsync(cancellationToken);
    }
}
