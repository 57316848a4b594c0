using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Data;

/// <summary>
/// Hands out the configured provider's context as the <see cref="IppDbContext"/> every feature works with, from
/// that context's pool.
/// </summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> pool) : IDbContextFactory<IppDbContext>
    where TContext : IppDbContext
{
    public IppDbContext CreateDbContext() => pool.CreateDbContext();

    public async Task<IppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await pool.CreateDbContextAsync(cancellationToken);
}
