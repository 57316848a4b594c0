using System.Diagnostics;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Deployment;

/// <summary>
/// The server published as a deployment publishes it (<c>dotnet publish</c>, from the build the tests already made)
/// into a temporary folder, twice: as published, and a copy whose appsettings.json was removed. Deleted on dispose.
/// </summary>
public sealed class PublishedServer : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", Guid.NewGuid().ToString("n"));

    /// <summary>The published server, appsettings.json beside Ipp.Graph.dll.</summary>
    public string Published => Path.Combine(Folder, "published");

    /// <summary>The same without appsettings.json.</summary>
    public string WithoutSettings => Path.Combine(Folder, "without-settings");

    public async Task InitializeAsync()
    {
        await PublishAsync(Published);
        await PublishAsync(WithoutSettings);
        File.Delete(Path.Combine(WithoutSettings, "appsettings.json"));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A new empty folder inside this fixture's, to start a server in.</summary>
    public string NewWorkingDirectory()
    {
        var folder = Path.Combine(Folder, "work-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// <c>dotnet publish --no-build</c>: the server was built with the tests (a project reference, same configuration),
    /// so publishing only copies it; building it again here would race with nothing but cost minutes on a small machine.
    /// </summary>
    private static async Task PublishAsync(string output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", "src/Ipp.Graph", "--no-build", "-c", ServerProcess.Configuration, "-o", output, "--nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }
}
