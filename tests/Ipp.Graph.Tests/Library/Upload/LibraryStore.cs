using Ipp.Graph.Storage.Blobs;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Storage.Blobs;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Library.Upload;

/// <summary>
/// A server whose library stores its bytes in a local folder of the test's ("Local") or on a real WebDAV server
/// (rclone, "WebDav"), and what that store really holds. Disposing stops both.
/// </summary>
public sealed class LibraryStore : IAsyncDisposable
{
    private readonly string? _localFolder;

    private LibraryStore(RunningServer server, RcloneWebDavServer? webDav, string? localFolder, string root)
    {
        Server = server;
        WebDav = webDav;
        _localFolder = localFolder;
        Root = root;
    }

    public RunningServer Server { get; }

    /// <summary>The WebDAV server, for "WebDav".</summary>
    public RcloneWebDavServer? WebDav { get; }

    /// <summary>The folder holding what the store keeps (the WebDAV server's own folder for "WebDav").</summary>
    public string Root { get; }

    /// <summary>
    /// Starts a server on a store of <paramref name="provider"/> whose folder <paramref name="prepare"/> may fill
    /// first (the server sweeps at start); <paramref name="settings"/> are more of the server's.
    /// </summary>
    public static Task<LibraryStore> StartAsync(string provider, Action<string>? prepare = null, params string[] settings) =>
        StartAsync(provider, clock: null, prepare, settings);

    /// <summary>As <see cref="StartAsync(string, Action{string}?, string[])"/>, the server on <paramref name="clock"/> when given.</summary>
    public static async Task<LibraryStore> StartAsync(string provider, SettableClock? clock, Action<string>? prepare = null, params string[] settings)
    {
        RcloneWebDavServer? webDav = null;
        string? local = null;
        string root;
        string[] storage;
        if (provider == "WebDav")
        {
            webDav = await RcloneWebDavServer.StartAsync();
            root = webDav.Root;
            storage =
            [
                "--Storage:Provider=WebDav", $"--Storage:WebDav:BaseUrl={webDav.BaseUrl}", $"--Storage:WebDav:UserName={RcloneWebDavServer.UserName}",
                $"--Storage:WebDav:Password={RcloneWebDavServer.Password}", "--Storage:WebDav:Retries=1", "--Storage:WebDav:RetryDelay=00:00:00.050",
                "--Storage:WebDav:IdleTimeout=00:00:05",
            ];
        }
        else
        {
            local = Directory.CreateTempSubdirectory("ipp-library-store-").FullName;
            root = Path.Combine(local, "blobs");
            Directory.CreateDirectory(root);
            storage = [$"--Storage:Local:Path={root}"];
        }

        prepare?.Invoke(root);
        var server = await AccountsServer.StartAsync(clock, [$"--Applications:CatalogPath={WriteFixture.CataloguePath}", .. storage, .. settings]);
        return new LibraryStore(server, webDav, local, root);
    }

    /// <summary>The paths of every file the store holds, relative to its folder, temporary ones included.</summary>
    public List<string> Files() =>
        [.. Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    /// <summary>Puts a file at <paramref name="relativePath"/> of the store's folder, written <paramref name="age"/> ago.</summary>
    public static string Put(string root, string relativePath, TimeSpan age)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return relativePath;
    }

    /// <summary>A blob's path in a store's folder.</summary>
    public static string BlobPath(BlobKey key) => key.RelativePath;

    /// <summary>The name of an unfinished write of <paramref name="key"/> that started <paramref name="age"/> ago.</summary>
    public static string PartialPath(BlobKey key, TimeSpan age) =>
        $"{key.Folder}/.partial-{key.Value}-{(DateTimeOffset.UtcNow - age).ToUnixTimeSeconds()}-{Guid.NewGuid():N}";

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (WebDav is not null)
        {
            await WebDav.DisposeAsync();
        }

        if (_localFolder is not null)
        {
            Directory.Delete(_localFolder, recursive: true);
        }
    }
}
