using System.Data.Common;

namespace Ipp.Graph.Data;

/// <summary>
/// <c>database migrate</c>: applies the pending migrations and exits, for deployments that migrate once before
/// starting their instances (each instance also migrates at start, under EF Core's migration lock).
/// </summary>
public static class DatabaseCommand
{
    public const string Usage = "usage: database migrate   [--Key=Value settings, as the server takes]";

    /// <summary>Runs the command with the arguments after <c>database</c>; returns the exit code (1: failed, 2: bad usage).</summary>
    public static async Task<int> RunAsync(string[] arguments, TextWriter error)
    {
        if (arguments is not ["migrate", .. var settings] || !DatabaseHost.AreSettings(settings))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        await using var app = DatabaseHost.Build(settings);
        try
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            return 0;
        }
        catch (Exception exception) when (exception is DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await error.WriteLineAsync($"The database could not be migrated: {exception.Message}");
            return 1;
        }
    }
}
