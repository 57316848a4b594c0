using Ipp.Graph.Health;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Health;

/// <summary>
/// The <c>health</c> command the Docker image's HEALTHCHECK runs: exit 0 when the server's <c>/health</c> answers
/// 200, 1 when it is not ready (503) or does not answer, 2 for arguments it does not know; and the address it derives
/// from ASPNETCORE_URLS.
/// </summary>
public sealed class HealthProbeCommandTests
{
    [Fact]
    public async Task A_running_server_is_healthy()
    {
        await using var server = await RunningServer.StartAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await HealthProbeCommand.RunAsync(["--url", new Uri(server.Address, "health").ToString()], output, error);

        Assert.Equal(0, exitCode);
        Assert.Equal($"{new Uri(server.Address, "health")}: 200 OK{Environment.NewLine}", output.ToString());
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task A_server_that_is_not_ready_is_unhealthy()
    {
        await using var server = await RunningServer.StartAsync("--Experiments:WatchFolders=false");
        using var output = new StringWriter();
        using var error = new StringWriter();

        int exitCode;
        using (UnwritableFolder.Make(server.UploadFolder, Unwritable.NotAFolder, server.Folder))
        {
            exitCode = await HealthProbeCommand.RunAsync(["--url", new Uri(server.Address, "health").ToString()], output, error);
        }

        Assert.Equal(1, exitCode);
        Assert.Equal($"{new Uri(server.Address, "health")}: 503 Service Unavailable{Environment.NewLine}", output.ToString());
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_unhealthy()
    {
        string url;
        await using (var server = await RunningServer.StartAsync())
        {
            url = new Uri(server.Address, "health").ToString();
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await HealthProbeCommand.RunAsync(["--url", url], output, error);

        Assert.Equal(1, exitCode);
        Assert.StartsWith(url + ": ", error.ToString());
    }

    [Theory]
    [InlineData("--url")]
    [InlineData("--url", "ftp://example.org/health")]
    [InlineData("--port", "8080")]
    public async Task Unknown_arguments_are_a_usage_error(params string[] options)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, await HealthProbeCommand.RunAsync(options, output, error));
        Assert.Equal($"usage: health [--url http://host:port/health]{Environment.NewLine}", error.ToString());
    }

    [Theory]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/health")]
    [InlineData("http://*:8080", "http://127.0.0.1:8080/health")]
    [InlineData("http://0.0.0.0:80", "http://127.0.0.1/health")]
    [InlineData("http://[::]:8080", "http://127.0.0.1:8080/health")]
    [InlineData("http://+:8080;https://+:8443", "http://127.0.0.1:8080/health")]
    [InlineData("http://localhost:5000/", "http://localhost:5000/health")]
    [InlineData("http://10.1.2.3:9000", "http://10.1.2.3:9000/health")]
    [InlineData(null, "http://localhost:5000/health")]
    [InlineData("", "http://localhost:5000/health")]
    public void The_address_comes_from_ASPNETCORE_URLS(string? urls, string expected)
    {
        Assert.Equal(expected, HealthProbeCommand.HealthUrl(urls).ToString());
    }
}
