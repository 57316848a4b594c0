using System.Diagnostics;
using Ipp.Graph.Applications;

namespace Ipp.Graph.Tests.Applications;

/// <summary>
/// The server as a process (the built Ipp.Graph.dll, run by dotnet as <c>dotnet run</c> does): a catalogue it cannot
/// use ends it at start with exit code 1 and one line on stderr saying why, not a stack trace.
/// </summary>
public sealed class ServerStartTests
{
    [Fact]
    public async Task A_missing_catalogue_ends_the_process_with_a_message_and_exit_code_1()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        try
        {
            var catalog = Path.Combine(folder, "apps.json");
            var (exitCode, stdout, stderr) = await RunServerAsync(folder, $"--{ApplicationsServiceCollectionExtensions.CatalogPathSetting}={catalog}");

            Assert.Equal(1, exitCode);
            Assert.Equal($"The application catalogue {catalog} cannot be read: Could not find file '{catalog}'.\n", stderr);
            Assert.Equal("", stdout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_broken_categories_file_ends_the_process_with_a_message_and_exit_code_1()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        try
        {
            var categories = Path.Combine(folder, "categories.json");
            await File.WriteAllTextAsync(categories, """{"lab": {"label": "Lab", "apps": ["demo"], "groups": "Lab Members"}}""");
            var (exitCode, stdout, stderr) = await RunServerAsync(folder, $"--{ApplicationsServiceCollectionExtensions.CategoriesPathSetting}={categories}");

            Assert.Equal(1, exitCode);
            Assert.Equal($"The application categories {categories} are not valid: category 'lab': groups must be an array of non-empty strings.\n", stderr);
            Assert.Equal("", stdout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunServerAsync(string folder, params string[] settings)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])
        [
            Path.Combine(AppContext.BaseDirectory, "Ipp.Graph.dll"),
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:Ipp=Data Source={Path.Combine(folder, "ipp.db")}",
            $"--UPLOAD_FOLDER={Path.Combine(folder, "uploads")}",
            .. settings,
        ])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The server kept running with a catalogue it cannot use.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
