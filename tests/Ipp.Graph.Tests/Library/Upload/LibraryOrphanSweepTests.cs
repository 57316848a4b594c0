using Ipp.Graph.Library.Entities;
using Ipp.Graph.Library.Upload;
using Ipp.Graph.Storage.Blobs;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ipp.Graph.Tests.Library.LibraryUploads;

namespace Ipp.Graph.Tests.Library.Upload;

/// <summary>
/// The sweep of what failed uploads left, on a local folder and on a real WebDAV server: at start and when it runs
/// again, blobs no entry records and unfinished writes older than <c>Library:OrphanGrace</c> go; younger ones (an
/// upload may be being recorded) and recorded ones stay. Two sweeps at once, as two instances run them, are safe.
/// </summary>
public sealed class LibraryOrphanSweepTests
{
    private static readonly TimeSpan Old = TimeSpan.FromDays(2);

    private static readonly TimeSpan Young = TimeSpan.FromHours(1);

    [Theory]
    [InlineData("Local")]
    [InlineData("WebDav")]
    public async Task Old_unrecorded_blobs_and_unfinished_writes_are_swept_at_start_and_young_ones_are_kept(string provider)
    {
        var oldOrphan = BlobKey.New();
        var youngOrphan = BlobKey.New();
        string[] kept = [];
        await using var store = await LibraryStore.StartAsync(provider, root =>
        {
            LibraryStore.Put(root, oldOrphan.RelativePath, Old);
            LibraryStore.Put(root, LibraryStore.PartialPath(oldOrphan, Old), TimeSpan.Zero);
            kept =
            [
                LibraryStore.Put(root, youngOrphan.RelativePath, Young),
                LibraryStore.Put(root, LibraryStore.PartialPath(youngOrphan, Young), TimeSpan.Zero),
                LibraryStore.Put(root, "notes.txt", Old),
            ];
        });

        await WaitForSweepAsync(store.Server);

        Assert.Equal(kept.Order(StringComparer.Ordinal), store.Files());
        Assert.Empty(store.Server.Logs.Errors);
    }

    [Theory]
    [InlineData("Local")]
    [InlineData("WebDav")]
    public async Task A_recorded_blob_is_never_swept_however_old_and_two_sweeps_at_once_remove_an_orphan_once(string provider)
    {
        await using var store = await LibraryStore.StartAsync(provider);
        await WaitForSweepAsync(store.Server);
        var engineer = await AccessServers.SignUpAsync(store.Server, "DATA_ENGINEER");
        Assert.Equal(2, Entries(await UploadAsync(store.Server, engineer, FilePart.Text("scan.nii", "kept"), FilePart.Text("study/a.txt", "kept too"))).Length);
        await using var db = await DatabaseAsync(store.Server);
        var recorded = await db.Set<LibraryFile>().Select(f => f.BlobKey).ToListAsync();
        foreach (var key in recorded)
        {
            File.SetLastWriteTimeUtc(Path.Combine(store.Root, BlobKey.Parse(key).RelativePath), DateTime.UtcNow - Old);
        }

        var orphan = BlobKey.New();
        LibraryStore.Put(store.Root, orphan.RelativePath, Old);
        var sweep = store.Server.Services.GetRequiredService<LibraryOrphanSweep>();

        var results = await Task.WhenAll(sweep.SweepAsync(CancellationToken.None), sweep.SweepAsync(CancellationToken.None));

        Assert.InRange(results.Sum(result => result.Orphans), 1, 2);
        Assert.Equal(recorded.Select(key => BlobKey.Parse(key).RelativePath).Order(StringComparer.Ordinal), store.Files());
        Assert.Empty(store.Server.Logs.Errors);
    }

    /// <summary>Waits until the sweep at start has run (it logs what it removed).</summary>
    private static Task WaitForSweepAsync(RunningServer server) =>
        server.Logs.WaitForAsync(entry => entry.Category == typeof(LibraryOrphanSweep).FullName && entry.Message.Contains("sweep removed", StringComparison.Ordinal), "the sweep at start");
}
