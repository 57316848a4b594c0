using Ipp.Graph.Data;

namespace Ipp.Graph.Tests.Support;

/// <summary>
/// A test of what only PostgreSQL offers (several instances on one database): run in the suite's PostgreSQL pass,
/// reported as skipped in its SQLite pass.
/// </summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (TestDatabase.Provider != DatabaseProvider.PostgreSql)
        {
            Skip = $"Several instances share a PostgreSQL database only: runs when {TestDatabase.PostgresVariable} is set (test.sh's second pass).";
        }
    }
}
