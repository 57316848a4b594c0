using System.Diagnostics;

namespace Ipp.Graph.Engine.Tests.Support;

/// <summary>
/// Runs a Node.js script of tests/js (where graphql-js, the reference implementation, is installed) with a
/// text on its standard input, and returns what it wrote to standard output.
/// </summary>
public static class NodeRunner
{
    /// <summary>Runs <c>node tests/js/&lt;script&gt;</c>; throws with the script's stderr when it exits non-zero.</summary>
    public static string Run(string script, string input, params string[] arguments)
    {
        var workingDirectory = RepositoryPaths.Combine("tests", "js");
        if (!Directory.Exists(Path.Combine(workingDirectory, "node_modules", "graphql")))
        {
            throw new InvalidOperationException("graphql-js is not installed in tests/js: build the tests first (dotnet build or dotnet test runs npm ci there).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }
}
