using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Ipp.Graph.Storage.Blobs;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Storage.Blobs;

/// <summary>
/// A real WebDAV server on a free port of 127.0.0.1: Debian's rclone (<c>rclone serve webdav</c>) serving a folder of
/// its own with a user name and password. It can be stopped and started again on the same port and folder, as a
/// server that goes down and comes back. Disposing stops it and deletes the folder.
/// </summary>
public sealed class RcloneWebDavServer : IAsyncDisposable
{
    public const string UserName = "ipp";

    public const string Password = "webdav-secret";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _errors = new();
    private Process? _process;

    private RcloneWebDavServer(int port, string root)
    {
        Port = port;
        Root = root;
    }

    public int Port { get; }

    /// <summary>The folder served: what the server really stored.</summary>
    public string Root { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}/";

    /// <summary>The command-line settings that make a server under test keep its library on this WebDAV server, no retries.</summary>
    public string[] ServerArguments(params string[] more) =>
    [
        "--Storage:Provider=WebDav",
        $"--Storage:WebDav:BaseUrl={BaseUrl}",
        $"--Storage:WebDav:UserName={UserName}",
        $"--Storage:WebDav:Password={Password}",
        "--Storage:WebDav:Retries=0",
        .. more,
    ];

    /// <summary>Settings for a store on this server, with the right password unless another is given; short retries.</summary>
    public WebDavBlobStorageOptions Options(string password = Password) => new()
    {
        BaseUrl = BaseUrl,
        UserName = UserName,
        Password = password,
        Retries = 1,
        RetryDelay = TimeSpan.FromMilliseconds(50),
    };

    public static async Task<RcloneWebDavServer> StartAsync()
    {
        var server = new RcloneWebDavServer(FreePort.Take(), Directory.CreateTempSubdirectory("ipp-webdav-").FullName);
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the server (again) and waits until it accepts connections.</summary>
    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo("rclone")
        {
            ArgumentList =
            {
                "serve", "webdav", Root, "--addr", $"127.0.0.1:{Port}", "--user", UserName, "--pass", Password,
                // No configuration file; no cached listings, so files a test puts in the folder show at once.
                "--config", "/dev/null", "--dir-cache-time", "0s",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Could not start rclone.");
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException("rclone is not installed (Debian's package rclone; .ci/run installs it).", missing);
        }

        process.ErrorDataReceived += (_, line) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(line.Data);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;
        await WaitUntilListeningAsync(process);
    }

    /// <summary>Stops the server at once, as a crash would.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>The paths of every file in the served folder, relative to it.</summary>
    public List<string> StoredFiles() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(Root, path)).ToList();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(Root, recursive: true);
    }

    private async Task WaitUntilListeningAsync(Process process)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
            catch (SocketException exception)
            {
                string errors;
                lock (_errors)
                {
                    errors = _errors.ToString();
                }

                throw new InvalidOperationException($"rclone did not listen on port {Port}: {errors}", exception);
            }
        }
    }
}
