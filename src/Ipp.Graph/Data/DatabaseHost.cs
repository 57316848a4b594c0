namespace Ipp.Graph.Data;

/// <summary>The host of the server's commands that use the database (<c>users …</c>, <c>database migrate</c>).</summary>
public static class DatabaseHost
{
    /// <summary>
    /// True when every argument is a <c>--Key=Value</c> setting, so a stray word (a second email) is an error rather
    /// than silently ignored.
    /// </summary>
    public static bool AreSettings(string[] arguments) =>
        arguments.All(setting => setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains('=', StringComparison.Ordinal));

    /// <summary>
    /// The server's configuration (<see cref="IppGraphApp.CreateBuilder"/>: its appsettings.json too) and database only.
    /// Log lines go to standard error, the command's answer to standard output.
    /// </summary>
    public static WebApplication Build(string[] settings)
    {
        var builder = IppGraphApp.CreateBuilder(settings);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddDatabase(builder.Configuration);
        return builder.Build();
    }
}
