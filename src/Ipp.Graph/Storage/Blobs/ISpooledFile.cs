namespace Ipp.Graph.Storage.Blobs;

/// <summary>
/// A finished file on this machine's disk whose size and SHA-256 are known, not yet flushed to it: an upload as the
/// multipart transport spooled it. A store on the same file system takes it by a rename instead of copying it
/// (<see cref="IBlobStore.WriteSpooledAsync"/>).
/// </summary>
public interface ISpooledFile
{
    /// <summary>The size in bytes.</summary>
    long Length { get; }

    /// <summary>The SHA-256 of its bytes, computed as they were written: 64 lowercase hexadecimal digits.</summary>
    string Sha256 { get; }

    /// <summary>Opens the file for reading; the caller disposes the stream.</summary>
    Stream OpenReadStream();

    /// <summary>
    /// Renames the file to <paramref name="destinationPath"/> when that is on the same file system (it is then the
    /// caller's) and returns true; false, with nothing done, when it is not.
    /// </summary>
    bool TryRenameTo(string destinationPath);
}
