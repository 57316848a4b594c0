using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Data;

/// <summary>The database in a SQLite file (the embedded default); its migrations are in Migrations/Sqlite.</summary>
public sealed class SqliteIppDbContext : IppDbContext
{
    public SqliteIppDbContext(DbContextOptions<SqliteIppDbContext> options)
        : base(options)
    {
    }
}
