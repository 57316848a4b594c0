using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Picas;

/// <summary>
/// CouchDB's HTTP API served by pouchdb-server 4.2.0 (npm, tests/js) on a free port of 127.0.0.1, keeping its
/// databases in a folder of its own (<c>--dir</c>), so it can be stopped and started again on the same port and data,
/// as a pool that goes down and comes back. Its configuration, log and data stay in that folder; disposing stops it
/// and deletes the folder. With <see cref="AdminName"/> it has an administrator, and anonymous or wrong credentials
/// get 401 where CouchDB gives them. Known quirk: a longpoll <c>_changes</c> asked <c>since=now</c> with a timeout can
/// hang; ask the feed from a stored sequence.
/// </summary>
public sealed class PouchDbServer : IAsyncDisposable
{
    public const string AdminName = "ipp-admin";

    public const string AdminPassword = "pool-secret";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly StringBuilder _output = new();
    private Process? _process;

    private PouchDbServer(int port, string folder, bool withAdmin)
    {
        Port = port;
        Folder = folder;
        HasAdmin = withAdmin;
    }

    public int Port { get; }

    /// <summary>Whether the server has an administrator (<see cref="AdminName"/>); without one anyone may do anything.</summary>
    public bool HasAdmin { get; }

    /// <summary>The folder the server keeps its configuration, log and databases in.</summary>
    public string Folder { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    /// <summary>Starts a server on a fresh folder (on <paramref name="port"/>, else a free one) and waits until it answers.</summary>
    public static async Task<PouchDbServer> StartAsync(bool withAdmin = false, int? port = null)
    {
        var server = new PouchDbServer(port ?? FreePort.Take(), Directory.CreateTempSubdirectory("ipp-pouchdb-").FullName, withAdmin);
        if (withAdmin)
        {
            // pouchdb-server reads its administrators from its configuration file and hashes them there at start.
            await File.WriteAllTextAsync(
                Path.Combine(server.Folder, "config.json"),
                JsonSerializer.Serialize(new Dictionary<string, object> { ["admins"] = new Dictionary<string, string> { [AdminName] = AdminPassword } }));
        }

        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its port and folder and waits until it answers HTTP.</summary>
    public async Task RestartAsync()
    {
        var executable = RepositoryPaths.Combine("tests", "js", "node_modules", "pouchdb-server", "bin", "pouchdb-server");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException("pouchdb-server is not installed in tests/js: build the tests first (the build runs npm ci there).");
        }

        var start = new ProcessStartInfo("node")
        {
            // Its config.json and log.txt go to the working directory: the server's own folder.
            WorkingDirectory = Folder,
            ArgumentList =
            {
                executable, "--host", "127.0.0.1", "--port", Port.ToString(), "--dir", Folder,
                "--config", Path.Combine(Folder, "config.json"), "--no-color",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start pouchdb-server.");
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilAnsweringAsync(process);
    }

    /// <summary>Stops the server at once, as a crash would; its data stays in <see cref="Folder"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>An HTTP client of this server, as its administrator when it has one.</summary>
    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
        if (HasAdmin)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AdminName}:{AdminPassword}")));
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(Folder, recursive: true);
    }

    private void Keep(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilAnsweringAsync(Process process)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(Url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }

            if (DateTime.UtcNow >= deadline || process.HasExited)
            {
                string output;
                lock (_output)
                {
                    output = _output.ToString();
                }

                throw new InvalidOperationException($"pouchdb-server did not answer on port {Port}: {output}");
            }

            await Task.Delay(100);
        }
    }
}
