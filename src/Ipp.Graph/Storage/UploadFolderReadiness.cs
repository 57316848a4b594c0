using Ipp.Graph.Health;

namespace Ipp.Graph.Storage;

/// <summary>
/// <c>UPLOAD_FOLDER</c> takes new files: a probe file is created, written and deleted in the instance's incoming
/// folder, where its uploads arrive (a dot-folder: the folder watcher ignores it, and the instance empties it at start,
/// so a probe left by a crash goes too). A read-only or missing folder, a full disk or an exhausted quota fails the check.
/// </summary>
internal sealed class UploadFolderReadiness : IReadinessCheck
{
    private readonly UploadFolder _folder;

    public UploadFolderReadiness(UploadFolder folder) => _folder = folder;

    public string Name => "upload-folder";

    /// <summary>On a thread of its own: a hung file system (NFS) blocks it, not the probe, which times out.</summary>
    public Task CheckAsync(CancellationToken cancellationToken) => Task.Run(
        () =>
        {
            var path = Path.Combine(_folder.IncomingPath, ".ready-" + Guid.NewGuid().ToString("n"));
            using var probe = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose);
            probe.WriteByte(0);
            probe.Flush();
        },
        cancellationToken);
}
