using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Data;

/// <summary>The database on a PostgreSQL server; its migrations are in Migrations/PostgreSql.</summary>
public sealed class PostgreSqlIppDbContext : IppDbContext
{
    public PostgreSqlIppDbContext(DbContextOptions<PostgreSqlIppDbContext> options)
        : base(options)
    {
    }
}
