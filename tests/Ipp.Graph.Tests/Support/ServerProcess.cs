using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Ipp.Graph.Engine.Tests.Support;

namespace Ipp.Graph.Tests.Support;

/// <summary>
/// The server run as a process of its own, as people start it: the built assembly (<c>dotnet Ipp.Graph.dll</c>), a
/// published copy, or <c>dotnet run</c>, on a free port of 127.0.0.1, with its console output kept. A test can kill it
/// outright (SIGKILL) as a crash would; disposing kills the whole process tree (<c>dotnet run</c> and its server).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>The configuration the tests were built in, which built the server too (a project reference).</summary>
    public const string Configuration =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The process id (of the server itself when started through a launcher that execs it).</summary>
    public int Id => _process.Id;

    /// <summary>What the process wrote to its standard output and error, line by line, in the order read.</summary>
    public IReadOnlyCollection<string> OutputLines => _output;

    /// <summary>What the process wrote, for assertions and failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The server's build output folder (src/Ipp.Graph/bin/{configuration}/net10.0): what <c>dotnet run</c> runs.</summary>
    public static string BuildFolder => RepositoryPaths.Combine("src", "Ipp.Graph", "bin", Configuration, "net10.0");

    /// <summary>
    /// Starts the built server (<c>dotnet Ipp.Graph.dll</c> in its folder) with <paramref name="settings"/>
    /// (<c>--Key=Value</c>) and waits until <c>/health</c> answers.
    /// </summary>
    public static Task<ServerProcess> StartBuiltAsync(params string[] settings) =>
        StartAsync(BuildFolder, [Path.Combine(BuildFolder, "Ipp.Graph.dll")], settings);

    /// <summary>
    /// Starts the built server as <see cref="StartBuiltAsync"/> does, through <paramref name="launcher"/>: a command
    /// that runs the command line appended to it in place of itself (<c>unshare … sh -c '… exec "$@"' sh</c>).
    /// </summary>
    public static Task<ServerProcess> StartBuiltThroughAsync(IReadOnlyList<string> launcher, params string[] settings) =>
        StartAsync(BuildFolder, [Path.Combine(BuildFolder, "Ipp.Graph.dll")], launcher, settings);

    /// <summary>
    /// Runs <c>dotnet <paramref name="dotnetArguments"/> --urls=http://127.0.0.1:{free port} <paramref name="settings"/></c>
    /// in <paramref name="workingDirectory"/> and waits until <c>/health</c> answers.
    /// </summary>
    public static Task<ServerProcess> StartAsync(string workingDirectory, IEnumerable<string> dotnetArguments, params string[] settings) =>
        StartAsync(workingDirectory, dotnetArguments, [], settings);

    private static async Task<ServerProcess> StartAsync(
        string workingDirectory, IEnumerable<string> dotnetArguments, IReadOnlyList<string> launcher, string[] settings)
    {
        var port = FreePort.Take();
        var start = new ProcessStartInfo(launcher.Count > 0 ? launcher[0] : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in launcher.Count > 0 ? [.. launcher.Skip(1), "dotnet"] : Array.Empty<string>())
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in dotnetArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, line) => server._output.Enqueue(line.Data ?? "");
        process.ErrorDataReceived += (_, line) => server._output.Enqueue(line.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilHealthyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>Waits until the process has written a line containing <paramref name="text"/> (a minute at most).</summary>
    public async Task WaitForOutputAsync(string text)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (_output.Any(line => line.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode} before writing \"{text}\":\n{Output}");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The server did not write \"{text}\" within a minute:\n{Output}");
    }

    /// <summary>Kills the process tree at once (SIGKILL: no shutdown, nothing flushed, nothing cleaned up) and waits for it to end.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync("health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The server did not become healthy within a minute:\n{Output}");
    }
}
