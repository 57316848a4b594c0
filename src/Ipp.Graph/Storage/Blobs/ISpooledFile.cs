namespace Ipp.Graph.Storage.Blobs;

/// <summary>
/// A file being written on this machine's disk, not yet flushed to it, whose size and SHA-256 are computed as it is
/// written: an upload as the multipart transport spools it while it arrives. A store on the same file system takes it
/// whole by a rename instead of copying it; any other store may send it on while it is still arriving
/// (<see cref="IBlobStore.WriteSpooledAsync"/>).
/// </summary>
public interface ISpooledFile
{
    /// <summary>The size in bytes; known once <see cref="CompletedAsync"/> returned.</summary>
    long Length { get; }

    /// <summary>The SHA-256 of its bytes, 64 lowercase hexadecimal digits; known once <see cref="CompletedAsync"/> returned.</summary>
    string Sha256 { get; }

    /// <summary>
    /// Waits until the file is whole. Throws when it never will be (its request failed); a caller that stored some of it
    /// removes that.
    /// </summary>
    Task CompletedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Opens the file for reading from its start; a read past what is written so far waits for more, and the stream
    /// ends where the file ends (it throws as <see cref="CompletedAsync"/> does). The caller disposes it.
    /// </summary>
    Stream OpenReadStream();

    /// <summary>
    /// Renames the whole file to <paramref name="destinationPath"/> when that is on the same file system (it is then
    /// the caller's) and returns true; false, with nothing done, when it is not.
    /// </summary>
    bool TryRenameTo(string destinationPath);
}
