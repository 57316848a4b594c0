using System.Text;
using static Ipp.Graph.Tests.Transport.Multipart.MultipartRequests;

namespace Ipp.Graph.Tests.Transport.Multipart;

/// <summary>
/// Files are written to the incoming folder as they arrive, not after: a file paused midway is already on disk;
/// a client that goes away midway leaves nothing behind; a body larger than Kestrel's default limit is read.
/// </summary>
public sealed class MultipartStreamingTests(UploadServerFixture fixture) : IClassFixture<UploadServerFixture>
{
    private const int MiB = 1024 * 1024;

    private static MultipartFormDataContent Content(GeneratedStream file)
    {
        var content = new MultipartFormDataContent();
        content.Add(new StringContent(Operations(), Encoding.UTF8, "application/json"), "operations");
        content.Add(new StringContent(Map(), Encoding.UTF8, "application/json"), "map");
        content.Add(new StreamContent(file, 64 * 1024), "0", "generated.bin");
        return content;
    }

    [Fact]
    public async Task A_file_is_on_disk_while_it_still_arrives()
    {
        var file = new GeneratedStream(24 * MiB, pauseAfter: 16 * MiB);
        using var content = Content(file);
        var posting = fixture.Client.PostContentAsync(content, fixture.Token);

        var written = await WaitForIncomingBytesAsync(8 * MiB);
        file.Open();
        var answer = await posting;

        Assert.True(written >= 8 * MiB, $"Only {written} bytes were in the incoming folder while the upload was paused.");
        answer.AssertExecuted();
        await fixture.Server.AssertIncomingEmptiesAsync();
    }

    [Fact]
    public async Task A_client_that_goes_away_midway_leaves_nothing_in_incoming()
    {
        var file = new GeneratedStream(24 * MiB, pauseAfter: 4 * MiB);
        using var content = Content(file);
        using var cancel = new CancellationTokenSource();
        var posting = fixture.Client.PostContentAsync(content, fixture.Token, cancel.Token);

        await WaitForIncomingBytesAsync(1 * MiB);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => posting);
        await fixture.Server.AssertIncomingEmptiesAsync();
        Assert.Empty(fixture.Server.Logs.Errors);
    }

    [Fact]
    public async Task A_body_over_kestrels_default_limit_is_read()
    {
        // Kestrel refuses bodies over 30,000,000 bytes unless told otherwise; multipart requests have their own limits.
        using var content = Content(new GeneratedStream(40 * MiB));

        var answer = await fixture.Client.PostContentAsync(content, fixture.Token);

        answer.AssertExecuted();
        await fixture.Server.AssertIncomingEmptiesAsync();
    }

    /// <summary>Waits until the incoming folder's files hold at least <paramref name="bytes"/> bytes; how many they hold.</summary>
    private async Task<long> WaitForIncomingBytesAsync(long bytes)
    {
        long total = 0;
        for (var attempt = 0; attempt < 600 && total < bytes; attempt++)
        {
            await Task.Delay(50);
            total = new DirectoryInfo(fixture.Server.IncomingPath()).EnumerateFiles().Sum(file => file.Length);
        }

        return total;
    }
}
