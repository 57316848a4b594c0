using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Ipp.Graph.Tests.Support;

/// <summary>
/// The real server, started as Program.cs starts it, on a free port of 127.0.0.1, with its own database
/// (<see cref="TestDatabase"/>: SQLite, or PostgreSQL when the suite runs on it) and uploads folder in a fresh
/// temporary folder (both deleted on dispose). Settings are given as command-line arguments.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningServer(WebApplication app, string folder, TestDatabase database, Uri address, CapturedLogs logs)
    {
        _app = app;
        Folder = folder;
        Database = database;
        Address = address;
        Logs = logs;
    }

    /// <summary>The temporary folder holding the uploads (uploads/), the library's bytes (blobs/) and, on SQLite, the database (ipp.db).</summary>
    public string Folder { get; }

    /// <summary>The server's database (a setting given in <c>settings</c> names another the server uses instead).</summary>
    public TestDatabase Database { get; }

    public string UploadFolder => Path.Combine(Folder, "uploads");

    /// <summary>Where the library's bytes are (<c>Storage:Local:Path</c>), unless a setting names another store.</summary>
    public string BlobFolder => Path.Combine(Folder, "blobs");

    /// <summary>The server's name among instances (<c>Server:InstanceId</c>), unless a setting names another.</summary>
    public const string InstanceId = "test-instance";

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri Address { get; }

    /// <summary>Everything the server logged.</summary>
    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server; <paramref name="settings"/> are extra <c>--Key=Value</c> arguments.</summary>
    public static Task<RunningServer> StartAsync(params string[] settings) => StartAsync(null, settings);

    /// <summary>
    /// Starts a server; <paramref name="configure"/> makes last changes to the builder (e.g. replaces the
    /// TimeProvider with a settable clock), <paramref name="settings"/> are extra <c>--Key=Value</c> arguments.
    /// </summary>
    public static async Task<RunningServer> StartAsync(Action<WebApplicationBuilder>? configure, params string[] settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        var database = await TestDatabase.CreateAsync(folder);
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            database.Setting,
            $"--UPLOAD_FOLDER={Path.Combine(folder, "uploads")}",
            $"--Storage:Local:Path={Path.Combine(folder, "blobs")}",
            $"--Server:InstanceId={InstanceId}",
            .. settings,
        ];
        var logs = new CapturedLogs();
        WebApplication app;
        try
        {
            app = IppGraphApp.Create(args, builder =>
            {
                builder.Logging.AddProvider(logs);
                configure?.Invoke(builder);
            });
            await app.StartAsync();
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new RunningServer(app, folder, database, new Uri(address + "/"), logs);
    }

    /// <summary>A client for this server.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Database.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a test's own reader; the OS temp folder is cleaned eventually.
        }
    }
}
