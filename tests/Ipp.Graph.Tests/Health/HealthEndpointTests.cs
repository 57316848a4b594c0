using System.Net;
using Ipp.Graph.Health;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Health;

/// <summary>
/// The probes: <c>/health/live</c> answers while the process serves requests, whatever its dependencies;
/// <c>/health/ready</c>, and <c>/health</c> as before, answer 503 naming each check that failed (the database, the
/// upload folder, any check a feature registers), without a path, each check within <c>Health:Timeout</c>.
/// </summary>
public sealed class HealthEndpointTests
{
    private static readonly string[] ReadinessPaths = ["health", "health/ready"];

    [Theory]
    [InlineData("health")]
    [InlineData("health/live")]
    [InlineData("health/ready")]
    public async Task Every_probe_answers_OK_when_everything_works(string path)
    {
        await using var server = await RunningServer.StartAsync();
        using var client = server.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Fact]
    public async Task Readiness_answers_503_naming_the_database_when_it_cannot_be_opened_while_liveness_stays_OK()
    {
        await using var server = await RunningServer.StartAsync();
        using var client = server.CreateClient();
        await AssertAnswersAsync(client, "health", HttpStatusCode.OK, "OK");

        await server.Database.MakeUnreachableAsync();

        foreach (var path in ReadinessPaths)
        {
            await AssertAnswersAsync(client, path, HttpStatusCode.ServiceUnavailable, "Unavailable: database (failed)");
        }

        await AssertAnswersAsync(client, "health/live", HttpStatusCode.OK, "OK");
        Assert.Contains(server.Logs.Entries, entry => entry.Level == LogLevel.Warning && entry.Message == "The health check database failed: the server is not ready.");
    }

    [Theory]
    [InlineData(Unwritable.ReadOnly)]
    [InlineData(Unwritable.NotAFolder)]
    public async Task Readiness_answers_503_naming_the_upload_folder_when_it_takes_no_file_while_liveness_stays_OK(Unwritable kind)
    {
        await using var server = await RunningServer.StartAsync("--Experiments:WatchFolders=false");
        using var client = server.CreateClient();
        await AssertAnswersAsync(client, "health/ready", HttpStatusCode.OK, "OK");

        using (UnwritableFolder.Make(server.UploadFolder, kind, server.Folder))
        {
            foreach (var path in ReadinessPaths)
            {
                var body = await AssertAnswersAsync(client, path, HttpStatusCode.ServiceUnavailable, "Unavailable: upload-folder (failed)");
                Assert.DoesNotContain(server.Folder, body);
            }

            await AssertAnswersAsync(client, "health/live", HttpStatusCode.OK, "OK");
            // Once per probe asked, with the reason.
            var logged = server.Logs.Entries.Where(entry => entry.Message == "The health check upload-folder failed: the server is not ready.").ToList();
            Assert.Equal(ReadinessPaths.Length, logged.Count);
            Assert.All(logged, entry => Assert.Equal(LogLevel.Warning, entry.Level));
            Assert.All(logged, entry => Assert.NotNull(entry.Exception));
        }

        // Writable again: ready again, and the probe left nothing behind.
        await AssertAnswersAsync(client, "health/ready", HttpStatusCode.OK, "OK");
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(server.UploadFolder, Experiments.Write.WriteFixture.Incoming)));
    }

    [Fact]
    public async Task A_check_a_feature_registers_counts_and_one_that_does_not_answer_in_time_fails_alone()
    {
        await using var server = await RunningServer.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton<IReadinessCheck>(new Check("heeds-its-token", token => Task.Delay(Timeout.Infinite, token)));
                builder.Services.AddSingleton<IReadinessCheck>(new Check("ignores-its-token", _ => Task.Delay(Timeout.Infinite, CancellationToken.None)));
                builder.Services.AddSingleton<IReadinessCheck>(new Check("answers", _ => Task.CompletedTask));
            },
            "--Health:Timeout=00:00:00.200");
        using var client = server.CreateClient();

        await AssertAnswersAsync(client, "health/ready", HttpStatusCode.ServiceUnavailable, "Unavailable: heeds-its-token (timed out), ignores-its-token (timed out)");
        await AssertAnswersAsync(client, "health/live", HttpStatusCode.OK, "OK");
        Assert.Contains(server.Logs.Entries, entry => entry.Level == LogLevel.Warning && entry.Message == "The health check ignores-its-token did not answer within 00:00:00.2000000: the server is not ready.");
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    public async Task A_timeout_that_is_not_positive_stops_the_start(string timeout)
    {
        var refusal = await Assert.ThrowsAnyAsync<Exception>(() => RunningServer.StartAsync("--Health:Timeout=" + timeout));

        Assert.Contains("The setting Health:Timeout must be more than zero.", refusal.Message);
    }

    private static async Task<string> AssertAnswersAsync(HttpClient client, string path, HttpStatusCode status, string body)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal((status, "text/plain", body), (response.StatusCode, response.Content.Headers.ContentType?.MediaType, text));
        return text;
    }

    private sealed class Check(string name, Func<CancellationToken, Task> check) : IReadinessCheck
    {
        public string Name => name;

        public Task CheckAsync(CancellationToken cancellationToken) => check(cancellationToken);
    }
}
