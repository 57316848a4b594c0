using System.Net.Http.Json;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Deployment;

/// <summary>
/// src/Ipp.Graph/appsettings.json applies however the server is started: README's <c>dotnet run --project
/// src/Ipp.Graph</c> from the repository root, and the published server from any working directory (the content root
/// is the server's own folder, where the file is copied). What shows it is the file's Logging levels: with them, EF
/// Core's SQL ("Executed DbCommand") and ASP.NET Core's per-request lines ("Request starting"), both Information, stay
/// off the console; without the file every request and SQL statement is logged there. Relative data paths still
/// resolve against the working directory.
/// </summary>
public sealed class AppSettingsTests(PublishedServer published) : IClassFixture<PublishedServer>
{
    private const string Sql = "Executed DbCommand";
    private const string RequestLine = "Request starting";

    [Fact]
    public async Task Dotnet_run_from_the_repository_root_applies_the_file()
    {
        var data = published.NewWorkingDirectory();
        var uploads = Path.Combine(data, "uploads");

        // --no-build: the tests' build built the server (a project reference, in the tests' configuration), and
        // building it again from a test would race with the build output other tests run and take minutes here.
        await using var server = await ServerProcess.StartAsync(
            RepositoryPaths.Root,
            ["run", "--project", "src/Ipp.Graph", "--no-build", "-c", ServerProcess.Configuration, "--"],
            $"--ConnectionStrings:Ipp=Data Source={Path.Combine(data, "ipp.db")}",
            $"--UPLOAD_FOLDER={uploads}",
            "--Accounts:BcryptCost=4");

        var output = await SignUpAndReadConsoleAsync(server, uploads);

        Assert.DoesNotContain(Sql, output);
        Assert.DoesNotContain(RequestLine, output);
    }

    [Fact]
    public async Task The_published_server_started_from_another_folder_applies_the_file_and_keeps_its_data_there()
    {
        var work = published.NewWorkingDirectory();

        await using var server = await ServerProcess.StartAsync(work, [Path.Combine(published.Published, "Ipp.Graph.dll")], "--Accounts:BcryptCost=4");
        var output = await SignUpAndReadConsoleAsync(server, Path.Combine(work, "data", "uploads"));

        Assert.DoesNotContain(Sql, output);
        Assert.DoesNotContain(RequestLine, output);
        // The default data/ipp.db and UPLOAD_FOLDER data/uploads are the working directory's, not the server's folder's.
        Assert.True(File.Exists(Path.Combine(work, "data", "ipp.db")));
        Assert.True(Directory.Exists(Path.Combine(work, "data", "uploads", ".instances", Environment.MachineName, "incoming")));
        Assert.False(Directory.Exists(Path.Combine(published.Published, "data")));
    }

    [Fact]
    public async Task Without_the_file_every_request_and_SQL_statement_reaches_the_console()
    {
        var work = published.NewWorkingDirectory();

        await using var server = await ServerProcess.StartAsync(work, [Path.Combine(published.WithoutSettings, "Ipp.Graph.dll")], "--Accounts:BcryptCost=4");
        var output = await SignUpAndReadConsoleAsync(server, Path.Combine(work, "data", "uploads"));

        Assert.Contains(Sql, output);
        Assert.Contains(RequestLine + " HTTP/1.1 POST", output);
    }

    /// <summary>
    /// Signs a user up (a request whose resolver runs SQL), then has the server log a line it logs at Information under
    /// every setting here (its own category, level Default): a folder in the uploads that is no experiment's. The
    /// console logger writes in the order entries are logged, so once that line is out, so is every line the sign-up
    /// logged. The console output up to then.
    /// </summary>
    private static async Task<string> SignUpAndReadConsoleAsync(ServerProcess server, string uploadFolder)
    {
        using var client = server.CreateClient();
        using var response = await client.PostAsJsonAsync(
            "graphql", new { query = Operations.CreateUser, variables = new { email = "settings@example.org", password = "correct horse battery" } });
        Assert.Contains("\"token\"", await response.Content.ReadAsStringAsync());

        Directory.CreateDirectory(Path.Combine(uploadFolder, "1", "submitted", "424242"));
        await server.WaitForOutputAsync("The folder of experiment 424242 under user 1 changed, but no experiment has that id");
        return server.Output;
    }
}
