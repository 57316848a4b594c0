using System.IO.Compression;
using System.Net;
using System.Text;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using static Ipp.Graph.Tests.Library.LibraryUploads;

namespace Ipp.Graph.Tests.Library.Download;

/// <summary>A folder entry downloaded as a zip streamed from the blob store, and storage failing midway.</summary>
public sealed class LibraryFolderZipTests(LibraryDownloadServer fixture) : IClassFixture<LibraryDownloadServer>
{
    [Fact]
    public async Task A_folder_downloads_as_a_zip_of_its_files_under_its_name()
    {
        var errorsBefore = fixture.Server.Logs.Errors.Count();
        var engineer = await fixture.EngineerAsync();
        var folder = $"{Guid.NewGuid():n}-study é";
        var big = new byte[300_000];
        new Random(7).NextBytes(big);
        var id = (await fixture.UploadAsync(
            engineer,
            FilePart.Text(folder + "/readme.md", "read me"),
            new FilePart(folder + "/t1/scan.nii", "scan.nii", big),
            new FilePart(folder + "/t1/empty.dat", "empty.dat", []),
            FilePart.Text(folder + "/t2/ü €.txt", "unicode")))[0];

        using var response = await fixture.GetAsync(await fixture.DownloadUrlAsync(engineer, id), engineer.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(folder + ".zip", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        await using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.Equal(
            [folder + "/readme.md", folder + "/t1/empty.dat", folder + "/t1/scan.nii", folder + "/t2/ü €.txt"],
            zip.Entries.Select(e => e.FullName));
        Assert.Equal("read me", Read(zip, folder + "/readme.md"));
        Assert.Equal("unicode", Read(zip, folder + "/t2/ü €.txt"));
        Assert.Equal("", Read(zip, folder + "/t1/empty.dat"));
        using var scan = new MemoryStream();
        await using (var entry = await zip.GetEntry(folder + "/t1/scan.nii")!.OpenAsync())
        {
            await entry.CopyToAsync(scan);
        }

        Assert.Equal(big, scan.ToArray());
        Assert.Equal(errorsBefore, fixture.Server.Logs.Errors.Count());
    }

    [Fact]
    public async Task A_folder_of_more_files_than_one_batch_holds_every_file_once_in_path_order()
    {
        var engineer = await fixture.EngineerAsync();
        var folder = $"{Guid.NewGuid():n}";
        var names = Enumerable.Range(0, 520).Select(i => $"d{i % 3}/f{i:D5}.txt").ToArray();
        var id = (await fixture.UploadAsync(engineer, [.. names.Select(n => FilePart.Text(folder + "/" + n, n))]))[0];

        using var response = await fixture.GetAsync(await fixture.DownloadUrlAsync(engineer, id), engineer.Token);

        await using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.Equal(names.Order(StringComparer.Ordinal).Select(n => folder + "/" + n), zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(e.FullName[(folder.Length + 1)..], Read(zip, e.FullName)));
    }

    [Fact]
    public async Task A_blob_missing_midway_aborts_the_zip_so_the_client_sees_an_incomplete_transfer_and_it_is_logged_once()
    {
        var engineer = await fixture.EngineerAsync();
        var folder = $"{Guid.NewGuid():n}";
        var big = new byte[2_000_000];
        new Random(3).NextBytes(big);
        var id = (await fixture.UploadAsync(engineer, new FilePart(folder + "/a.bin", "a.bin", big), FilePart.Text(folder + "/z.txt", "last")))[0];
        File.Delete(await LibraryDownloadServer.BlobPathAsync(fixture.Server, folder, "z.txt"));
        var errorsBefore = fixture.Server.Logs.Errors.Count();

        using var response = await LibraryDownloadServer.GetAsync(
            fixture.Server, await fixture.DownloadUrlAsync(engineer, id), engineer.Token, completion: HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var incomplete = await Assert.ThrowsAsync<HttpRequestException>(() => response.Content.ReadAsByteArrayAsync());
        Assert.IsAssignableFrom<IOException>(incomplete.InnerException);
        var logged = Assert.Single(fixture.Server.Logs.Errors.Skip(errorsBefore));
        Assert.Contains("library file", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blob_cut_short_midway_aborts_a_file_download_after_its_headers()
    {
        var engineer = await fixture.EngineerAsync();
        var name = $"{Guid.NewGuid():n}.bin";
        var big = new byte[64 << 20];
        new Random(5).NextBytes(big);
        var id = (await fixture.UploadAsync(engineer, new FilePart(name, name, big)))[0];
        var blob = await LibraryDownloadServer.BlobPathAsync(fixture.Server, name, null);
        var errorsBefore = fixture.Server.Logs.Errors.Count();

        using var response = await LibraryDownloadServer.GetAsync(
            fixture.Server, await fixture.DownloadUrlAsync(engineer, id), engineer.Token, completion: HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(big.Length, response.Content.Headers.ContentLength);
        await using var body = await response.Content.ReadAsStreamAsync();
        var first = new byte[1024];
        await body.ReadExactlyAsync(first);
        await using (var cut = new FileStream(blob, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
        {
            cut.SetLength(1024);
        }

        await Assert.ThrowsAnyAsync<IOException>(() => body.CopyToAsync(Stream.Null));
        Assert.Single(fixture.Server.Logs.Errors.Skip(errorsBefore));
    }

    [Fact]
    public async Task Head_of_a_folder_sends_its_headers_alone()
    {
        var engineer = await fixture.EngineerAsync();
        var folder = $"{Guid.NewGuid():n}";
        var id = (await fixture.UploadAsync(engineer, FilePart.Text(folder + "/a.txt", "a")))[0];

        using var response = await fixture.GetAsync(await fixture.DownloadUrlAsync(engineer, id), engineer.Token, method: HttpMethod.Head);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
