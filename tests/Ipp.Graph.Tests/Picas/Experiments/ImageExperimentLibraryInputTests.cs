using System.Net;
using System.Net.Http.Headers;
using Ipp.Graph.Library.Upload;
using Ipp.Graph.Storage.Blobs;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Library;
using Ipp.Graph.Tests.Library.Inputs;

namespace Ipp.Graph.Tests.Picas.Experiments;

/// <summary>
/// The library files an experiment on an image reads, uncopied, on a real server with a real pool and a local blob
/// store: deleting their entry keeps each blob an experiment's input names (for the job, the input's download and the
/// orphan sweep) until the last such experiment is deleted, whoever owns the entry; a blob nothing else names goes at
/// once; and the bytes only experiments keep count for the experiments' owners.
/// </summary>
public sealed class ImageExperimentLibraryInputTests(TokenPoolFixture fixture) : IClassFixture<TokenPoolFixture>
{
    private const string DeleteEntries = "mutation($ids: [ID!]!) { deleteEntries(input: {ids: $ids}) { deletedIds errors { __typename } } }";

    private const string DeleteExperiment = "mutation($id: ID!) { deleteExperiment(input: {id: $id}) { deletedId errors { __typename } } }";

    private TokenPoolServer Pool => fixture.Pool;

    [Fact]
    public async Task A_deleted_entrys_blob_stays_for_the_job_the_download_and_the_sweep_and_goes_with_the_experiment()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var bytes = Bytes(70_000);
        var entry = await UploadAsync(researcher, new LibraryUploads.FilePart("study/scan.bin", "scan.bin", bytes));
        var blob = BlobPath(Assert.Single(await LibraryInputs.BlobsOfAsync(Pool.Server, entry)));
        var id = TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "x" }, entry));
        await Pool.InPoolAsync(researcher, id);
        var location = Assert.Single((await Pool.TokenAsync(TokenPoolServer.TokenIdOf(id)))["inputs"]!.AsArray())!.GetValue<string>();
        Assert.Equal(blob, location);

        await DeleteEntriesAsync(researcher, entry);

        Assert.Equal(bytes, await File.ReadAllBytesAsync(location));
        var input = Assert.Single((await Pool.ReadAsync(researcher, id)).GetProperty("inputs").EnumerateArray());
        Assert.Equal("study/scan.bin", input.GetProperty("name").GetString());
        Assert.Equal(bytes, await DownloadAsync(researcher, input.GetProperty("downloadUrl").GetString()!));
        Assert.Equal(bytes[100..200], await DownloadAsync(researcher, input.GetProperty("downloadUrl").GetString()!, new RangeHeaderValue(100, 199)));

        // Old enough for the sweep to ask about it: an input names it, so it is known.
        File.SetLastWriteTimeUtc(location, DateTime.UtcNow - TimeSpan.FromDays(30));
        await Pool.Server.Services.GetRequiredService<LibraryOrphanSweep>().SweepAsync(CancellationToken.None);
        Assert.True(File.Exists(location));

        await Pool.RunPilotAsync();
        await Pool.WaitForAsync(researcher, id, e => e.GetProperty("status").GetString() == "COMPLETED");
        Assert.True(File.Exists(location));
        Assert.Equal(id, (await Pool.PostAsync(DeleteExperiment, new { id }, researcher)).Data("deleteExperiment").GetProperty("deletedId").GetString());
        Assert.False(File.Exists(location));
    }

    [Fact]
    public async Task An_entry_no_experiment_on_an_image_reads_loses_its_blobs_at_once_and_one_read_keeps_only_its_own()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var unused = await UploadAsync(researcher, LibraryUploads.FilePart.Text("unused/a.txt", "a"), LibraryUploads.FilePart.Text("unused/b.txt", "b"));
        var used = await UploadAsync(researcher, LibraryUploads.FilePart.Text("used.txt", "read by a draft"));
        var unusedBlobs = (await LibraryInputs.BlobsOfAsync(Pool.Server, unused)).Select(BlobPath).ToList();
        var usedBlob = BlobPath(Assert.Single(await LibraryInputs.BlobsOfAsync(Pool.Server, used)));
        TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "x" }, used, draft: true));

        await DeleteEntriesAsync(researcher, unused, used);

        Assert.All(unusedBlobs, path => Assert.False(File.Exists(path)));
        Assert.Equal("read by a draft", await File.ReadAllTextAsync(usedBlob));
    }

    [Fact]
    public async Task A_shared_entry_deleted_by_its_owner_keeps_the_blob_another_users_experiment_reads_and_that_user_pays_for_it()
    {
        var owner = await Pool.SignUpAsync("AI_RESEARCHER");
        var reader = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var bytes = Bytes(5_000);
        var entry = await UploadAsync(owner, new LibraryUploads.FilePart(null, "shared.bin", bytes));
        await LibraryInputs.ShareAsync(Pool.Server, owner, entry, reader);
        var blob = BlobPath(Assert.Single(await LibraryInputs.BlobsOfAsync(Pool.Server, entry)));
        var id = TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(reader, image, new { text = "x" }, entry, draft: true));
        var (ownerBefore, readerBefore) = (await StoredBytesAsync(owner), await StoredBytesAsync(reader));
        Assert.True(ownerBefore > bytes.Length);

        await DeleteEntriesAsync(owner, entry);

        Assert.Equal(bytes, await File.ReadAllBytesAsync(blob));
        var input = Assert.Single((await Pool.ReadAsync(reader, id)).GetProperty("inputs").EnumerateArray());
        Assert.Equal(bytes, await DownloadAsync(reader, input.GetProperty("downloadUrl").GetString()!));
        // The owner no longer stores the entry; the reader's experiment alone keeps its bytes, and counts them.
        Assert.Equal(0, await StoredBytesAsync(owner));
        Assert.Equal(readerBefore + bytes.Length, await StoredBytesAsync(reader));

        await Pool.PostAsync(DeleteExperiment, new { id }, reader);

        Assert.False(File.Exists(blob));
        Assert.Equal(0, await StoredBytesAsync(reader));
    }

    /// <summary>Uploads the files as one entry of <paramref name="user"/>'s library; its global id.</summary>
    private async Task<string> UploadAsync(WriteUser user, params LibraryUploads.FilePart[] files) =>
        Assert.Single(LibraryUploads.Entries(await LibraryUploads.UploadAsync(Pool.Server, user, files))).GetProperty("id").GetString()!;

    private async Task DeleteEntriesAsync(WriteUser user, params string[] ids)
    {
        var deleted = (await Pool.PostAsync(DeleteEntries, new { ids }, user)).Data("deleteEntries");
        Assert.Equal(ids, deleted.GetProperty("deletedIds").EnumerateArray().Select(e => e.GetString()));
    }

    private async Task<long> StoredBytesAsync(WriteUser user) =>
        (await Pool.PostAsync("{ me { usage { storedBytes } } }", null, user)).Data("me").GetProperty("usage").GetProperty("storedBytes").GetInt64();

    private async Task<byte[]> DownloadAsync(WriteUser user, string url, RangeHeaderValue? range = null)
    {
        using var client = Pool.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        request.Headers.Range = range;
        using var response = await client.SendAsync(request);
        Assert.Equal(range is null ? HttpStatusCode.OK : HttpStatusCode.PartialContent, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private string BlobPath(BlobKey key) => Path.Combine(Pool.Server.BlobFolder, key.RelativePath);

    /// <summary>Bytes no text encoding would keep as they are.</summary>
    private static byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            bytes[i] = (byte)((i * 167) ^ (i >> 8));
        }

        return bytes;
    }
}
