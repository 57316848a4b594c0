using System.Diagnostics;
using Ipp.Graph.Engine.Tests.Support;

namespace Ipp.Graph.Tests.Picas;

/// <summary>
/// A pilot job on this machine: tests/peers/pilot.py run by python3 with the stock PiCaS client (tests/peers/picas)
/// on its path. It claims tokens from the <c>todo</c> view, runs each token's <c>input</c> with bash and records the
/// outcome as the client's RunActor does (pilot.py says how; its options drive every outcome).
/// </summary>
public static class PicasPilot
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    /// <summary>What one pilot run did: its exit code, what it printed (<c>finished &lt;id&gt; &lt;exit code&gt;</c>
    /// per token) and what it logged.</summary>
    public sealed record Run(int ExitCode, string Output, string Errors)
    {
        /// <summary>The ids of the tokens this pilot finished.</summary>
        public IReadOnlyList<string> Finished => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith("finished ", StringComparison.Ordinal))
            .Select(line => line.Split(' ')[1])
            .ToList();
    }

    /// <summary>
    /// Runs a pilot until no token is left in <c>todo</c> (or <paramref name="maxTasks"/> are done). The job's
    /// <c>apptainer</c> is the stand-in that records its arguments and IPP_* environment in <paramref name="records"/>
    /// (the job's working folder too; without one a temporary folder, deleted after the run) and exits with
    /// <paramref name="jobExitCode"/>; <paramref name="crashMidway"/>
    /// kills the pilot while its first job runs, and the client marks that token crashed (lock and done -1).
    /// </summary>
    public static async Task<Run> RunAsync(
        PouchDbServer server, string database, int maxTasks = 0, int jobExitCode = 0, bool crashMidway = false, string? records = null)
    {
        var keepRecords = records is not null;
        records ??= Directory.CreateTempSubdirectory("ipp-pilot-").FullName;
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList =
            {
                RepositoryPaths.Combine("tests", "peers", "pilot.py"),
                "--url", server.Url, "--database", database, "--max-tasks", maxTasks.ToString(),
                "--job-exit-code", jobExitCode.ToString(), "--records", records,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = records,
        };
        if (server.HasAdmin)
        {
            foreach (var argument in new[] { "--username", PouchDbServer.AdminName, "--password", PouchDbServer.AdminPassword })
            {
                start.ArgumentList.Add(argument);
            }
        }

        if (crashMidway)
        {
            start.ArgumentList.Add("--crash-midway");
        }

        start.Environment["PYTHONPATH"] = RepositoryPaths.Combine("tests", "peers", "picas");
        // No __pycache__ folders in the repository's copy of the client.
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start python3.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The pilot did not finish within {RunTimeout}: {await errors}");
        }
        finally
        {
            if (!keepRecords)
            {
                Directory.Delete(records, recursive: true);
            }
        }

        return new Run(process.ExitCode, await output, await errors);
    }
}
