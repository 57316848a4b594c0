using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Transport.Multipart;

/// <summary>The incoming folder is emptied at start; settings out of range stop the server with a message naming them.</summary>
public sealed class MultipartSettingsTests
{
    [Fact]
    public async Task Leftovers_in_incoming_are_removed_at_start()
    {
        var uploads = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", Guid.NewGuid().ToString("n"));
        var incoming = Path.Combine(uploads, ".instances", RunningServer.InstanceId, "incoming");
        Directory.CreateDirectory(Path.Combine(incoming, "half"));
        await File.WriteAllTextAsync(Path.Combine(incoming, "crashed.upload"), "half a file");
        await File.WriteAllTextAsync(Path.Combine(incoming, "half", "more"), "x");
        try
        {
            await using var server = await RunningServer.StartAsync($"--UPLOAD_FOLDER={uploads}");

            Assert.Empty(Directory.EnumerateFileSystemEntries(incoming));
            Assert.Empty(server.Logs.Errors);
        }
        finally
        {
            Directory.Delete(uploads, recursive: true);
        }
    }

    [Theory]
    [InlineData("--Uploads:MaxFileBytes=0", "Uploads:MaxFileBytes must be a positive number of bytes, not 0.")]
    [InlineData("--Uploads:MaxFiles=-1", "Uploads:MaxFiles must be positive, not -1.")]
    [InlineData("--Uploads:MaxOperationsBytes=0", "Uploads:MaxOperationsBytes must be a positive number of bytes, not 0.")]
    public async Task A_setting_out_of_range_stops_the_server(string setting, string message)
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningServer.StartAsync(setting));

        Assert.Equal(message, exception.Message);
    }
}
