using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ipp.Graph.Tests.Library.Inputs;
using Ipp.Graph.Tests.Storage.Blobs;

namespace Ipp.Graph.Tests.Picas.Experiments;

/// <summary>
/// The library files an experiment on an image reads when the library's bytes live on a real WebDAV server (rclone):
/// deleting the entry keeps the blob at the URL the token gave and for the input's download, and deleting one of two
/// experiments reading it keeps it for the other.
/// </summary>
public sealed class ImageExperimentLibraryInputWebDavTests : IAsyncLifetime
{
    private RcloneWebDavServer _webDav = null!;
    private TokenPoolServer _pool = null!;

    public async Task InitializeAsync()
    {
        _webDav = await RcloneWebDavServer.StartAsync();
        _pool = await TokenPoolServer.StartAsync(_webDav.ServerArguments());
    }

    public async Task DisposeAsync()
    {
        await _pool.DisposeAsync();
        await _webDav.DisposeAsync();
    }

    [Fact]
    public async Task A_deleted_entrys_blob_stays_on_the_WebDAV_server_for_the_job_and_the_download_while_an_experiment_reads_it()
    {
        var maintainer = await _pool.SignUpAsync("MAINTAINER");
        var researcher = await _pool.SignUpAsync("AI_RESEARCHER");
        var image = await _pool.CreateImageAsync(maintainer);
        var entry = await _pool.UploadAsync(researcher, "reads.txt", "kept on dCache");
        var blob = Assert.Single(await LibraryInputs.BlobsOfAsync(_pool.Server, entry));
        var waiting = TokenPoolServer.IdOf(await _pool.CreateExperimentAsync(researcher, image, new { text = "x" }, entry));
        var draft = TokenPoolServer.IdOf(await _pool.CreateExperimentAsync(researcher, image, new { text = "x" }, entry, draft: true));
        await _pool.InPoolAsync(researcher, waiting);
        var location = Assert.Single((await _pool.TokenAsync(TokenPoolServer.TokenIdOf(waiting)))["inputs"]!.AsArray())!.GetValue<string>();

        var deleted = await _pool.PostAsync("mutation($id: ID!) { deleteEntries(input: {ids: [$id]}) { deletedIds } }", new { id = entry }, researcher);
        Assert.Single(deleted.Data("deleteEntries").GetProperty("deletedIds").EnumerateArray());

        Assert.Equal("kept on dCache", await ReadAsync(location, null));
        var input = Assert.Single((await _pool.ReadAsync(researcher, waiting)).GetProperty("inputs").EnumerateArray());
        Assert.Equal("kept on dCache", await ReadAsync(input.GetProperty("downloadUrl").GetString()!, researcher.Token));

        await _pool.PostAsync("mutation($id: ID!) { deleteExperiment(input: {id: $id}) { deletedId } }", new { id = draft }, researcher);

        // The waiting experiment still reads it.
        Assert.Contains(_webDav.StoredFiles(), path => path.EndsWith(blob.Value, StringComparison.Ordinal));
        Assert.Equal("kept on dCache", await ReadAsync(location, null));
    }

    /// <summary>The text at <paramref name="url"/>: the WebDAV server's with its credentials, or the API server's with <paramref name="token"/>.</summary>
    private async Task<string> ReadAsync(string url, string? token)
    {
        using var client = token is null ? new HttpClient() : _pool.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = token is null
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RcloneWebDavServer.UserName}:{RcloneWebDavServer.Password}")))
            : new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
