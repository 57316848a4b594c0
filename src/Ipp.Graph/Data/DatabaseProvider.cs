using System.Data.Common;

namespace Ipp.Graph.Data;

/// <summary>Where the database lives: setting <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>A SQLite file: the embedded default, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: for several instances serving one database.</summary>
    PostgreSql,
}

/// <summary>The database settings, read once at start.</summary>
/// <param name="Provider">The provider named by <c>Database:Provider</c>, or read from the connection string.</param>
/// <param name="ConnectionString"><c>ConnectionStrings:Ipp</c>, or the default SQLite file.</param>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The connection string used when the settings name none.</summary>
    public const string DefaultConnectionString = "Data Source=data/ipp.db";

    /// <summary>
    /// Reads the settings; an unknown provider, or a connection string whose provider cannot be told, stops the start
    /// with the reason.
    /// </summary>
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Ipp") is { Length: > 0 } configured ? configured : DefaultConnectionString;
        var named = configuration["Database:Provider"];
        if (!string.IsNullOrWhiteSpace(named))
        {
            return Enum.TryParse<DatabaseProvider>(named.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
                ? new DatabaseSettings(provider, connectionString)
                : throw new InvalidOperationException($"Database:Provider is '{named}': it must be Sqlite or PostgreSQL.");
        }

        return new DatabaseSettings(ProviderOf(connectionString), connectionString);
    }

    /// <summary>
    /// The provider a connection string is written for: PostgreSQL's names the server (<c>Host=</c>), SQLite's the
    /// file (<c>Data Source=</c>).
    /// </summary>
    private static DatabaseProvider ProviderOf(string connectionString)
    {
        var keys = new DbConnectionStringBuilder();
        try
        {
            keys.ConnectionString = connectionString;
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException($"ConnectionStrings:Ipp is not a connection string: {exception.Message}", exception);
        }

        if (keys.ContainsKey("Host") || keys.ContainsKey("Server"))
        {
            return DatabaseProvider.PostgreSql;
        }

        return keys.ContainsKey("Data Source") || keys.ContainsKey("DataSource") || keys.ContainsKey("Filename")
            ? DatabaseProvider.Sqlite
            : throw new InvalidOperationException(
                "ConnectionStrings:Ipp names neither a SQLite file (Data Source=...) nor a PostgreSQL server (Host=...); set Database:Provider.");
    }
}
