using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ipp.Graph.Data;

/// <summary>
/// How the EF Core tools make a <see cref="SqliteIppDbContext"/> (<c>dotnet ef migrations add … --context
/// SqliteIppDbContext</c>): the provider alone, no database opened. One factory per context, so each tool run gets
/// the provider its migrations are for.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIppDbContext>
{
    public SqliteIppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteIppDbContext>().UseSqlite(DatabaseSettings.DefaultConnectionString).Options);
}
