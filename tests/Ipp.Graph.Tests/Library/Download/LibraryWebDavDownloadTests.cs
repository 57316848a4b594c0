using System.Net;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Storage.Blobs;
using static Ipp.Graph.Tests.Library.LibraryUploads;

namespace Ipp.Graph.Tests.Library.Download;

/// <summary>Downloads from a real WebDAV store (rclone): ranges served from it, and the store going down midway.</summary>
public sealed class LibraryWebDavDownloadTests : IAsyncLifetime
{
    private RcloneWebDavServer _webDav = null!;
    private Ipp.Graph.Tests.Support.RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        _webDav = await RcloneWebDavServer.StartAsync();
        _server = await WriteFixture.StartAsync(_webDav.ServerArguments("--Storage:WebDav:IdleTimeout=00:00:05"));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _webDav.DisposeAsync();
    }

    [Fact]
    public async Task A_range_comes_from_the_webdav_store()
    {
        var engineer = await AccessServers.SignUpAsync(_server, "DATA_ENGINEER");
        var id = (await LibraryDownloadServer.UploadTo(_server, engineer, FilePart.Text("digits.txt", "0123456789")))[0];

        using var response = await LibraryDownloadServer.GetAsync(_server, $"/library/{id}/content", engineer.Token, h => h.TryAddWithoutValidation("Range", "bytes=3-5"));

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("345", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_file_of_several_blocks_comes_byte_exact_whole_and_in_ranges_from_the_webdav_store() =>
        await LibraryDownloadServer.AssertSeveralBlocksDownloadExactlyAsync(_server, await AccessServers.SignUpAsync(_server, "DATA_ENGINEER"));

    [Fact]
    public async Task The_store_going_down_midway_aborts_the_download_and_is_logged_once()
    {
        var engineer = await AccessServers.SignUpAsync(_server, "DATA_ENGINEER");
        var big = new byte[64 << 20];
        new Random(11).NextBytes(big);
        var id = (await LibraryDownloadServer.UploadTo(_server, engineer, new FilePart("big.bin", "big.bin", big)))[0];

        using var response = await LibraryDownloadServer.GetAsync(
            _server, $"/library/{id}/content", engineer.Token, completion: HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        await body.ReadExactlyAsync(new byte[1024]);
        await _webDav.StopAsync();

        await Assert.ThrowsAnyAsync<IOException>(() => body.CopyToAsync(Stream.Null));
        Assert.Single(_server.Logs.Errors);
    }

    [Fact]
    public async Task The_store_down_before_the_answer_starts_is_503_storage_unavailable()
    {
        var engineer = await AccessServers.SignUpAsync(_server, "DATA_ENGINEER");
        var id = (await LibraryDownloadServer.UploadTo(_server, engineer, FilePart.Text("a.txt", "a")))[0];
        await _webDav.StopAsync();

        using var response = await LibraryDownloadServer.GetAsync(_server, $"/library/{id}/content", engineer.Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"STORAGE_UNAVAILABLE\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(_server.Logs.Errors);
    }
}
