using System.Diagnostics;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Transport;

namespace Ipp.Graph.Tests.Transport.Http;

/// <summary>
/// The contract as served: <c>GET /graphql?sdl</c> and <c>schema export</c> both give exactly the committed
/// schema.graphql, so the file cannot drift from what the server runs.
/// </summary>
public sealed class SchemaEndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task The_served_schema_is_the_committed_schema_graphql()
    {
        var answer = await _client.GetGraphQLAsync("sdl");

        Assert.Equal(200, answer.Status);
        Assert.Equal("text/plain; charset=utf-8", answer.ContentType);
        Assert.Equal(await File.ReadAllTextAsync(RepositoryPaths.Combine("schema.graphql")), answer.Body);
    }

    [Fact]
    public async Task Schema_export_writes_the_committed_schema_graphql()
    {
        var output = Path.Combine(fixture.Server.Folder, "exported.graphql");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(IppGraphApp).Assembly.Location, "schema", "export", "--output", output })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Equal($"Wrote the schema to {output}.\n", await stdout);
        Assert.Equal(await File.ReadAllBytesAsync(RepositoryPaths.Combine("schema.graphql")), await File.ReadAllBytesAsync(output));
    }

    [Fact]
    public async Task The_schema_is_refused_to_a_client_that_does_not_accept_text()
    {
        var answer = await _client.GetGraphQLAsync("sdl", "application/json");

        Assert.Equal(406, answer.Status);
        answer.AssertErrorBody(TransportErrorCodes.NotAcceptable);
    }
}
