using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ipp.Graph.Data;

/// <summary>
/// How the EF Core tools make a <see cref="PostgreSqlIppDbContext"/> (<c>dotnet ef migrations add … --context
/// PostgreSqlIppDbContext</c>): the provider alone; no server is reached to write a migration.
/// </summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlIppDbContext>
{
    public PostgreSqlIppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlIppDbContext>().UseNpgsql("Host=localhost").Options);
}
