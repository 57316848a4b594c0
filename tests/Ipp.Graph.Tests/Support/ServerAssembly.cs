using System.Diagnostics;

namespace Ipp.Graph.Tests.Support;

/// <summary>The server's built assembly (Ipp.Graph.dll), for tests that run it as a process of its own.</summary>
public static class ServerAssembly
{
    /// <summary>Where it is: the server's build output (<see cref="ServerProcess.BuildFolder"/>).</summary>
    public static string Path { get; } = System.IO.Path.Combine(ServerProcess.BuildFolder, "Ipp.Graph.dll");

    /// <summary>
    /// Runs <c>dotnet Ipp.Graph.dll</c> with <paramref name="arguments"/> from the assembly's folder (where its
    /// appsettings.json is), as an operator would in the container, and waits for it to exit (two minutes at most).
    /// </summary>
    public static async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = System.IO.Path.GetDirectoryName(Path)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet Ipp.Graph.dll {string.Join(' ', arguments)} did not exit within two minutes:\n{await output}\n{await error}");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }
}

/// <summary>How a process ended: its exit code and everything it wrote.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error);
