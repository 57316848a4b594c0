using Ipp.Graph.Engine.Types.Scalars;
using Ipp.Graph.Storage.Blobs;

namespace Ipp.Graph.Transport.Multipart;

/// <summary>
/// An uploaded file as the multipart transport hands it to resolvers, which run while the request's files still arrive:
/// it is written to a temporary file under <see cref="Storage.UploadFolder.IncomingPath"/> as its part arrives, on the
/// file system of the uploads folder, its SHA-256 computed on the way. <see cref="OpenReadStream"/> follows it as it
/// grows, so it can be sent on meanwhile; what needs it whole (<see cref="Length"/>, <see cref="ISpooledFile.Sha256"/>,
/// a move) awaits <see cref="ISpooledFile.CompletedAsync"/> first. A feature keeps it by moving it (a rename, no copy).
/// It is not flushed to the disk yet: <see cref="MoveTo"/> does that, and a blob store taking it
/// (<see cref="ISpooledFile"/>) flushes it where it puts it, so that a file is flushed once, and one that is not kept
/// never. Nothing may be recorded from a request before <see cref="RequestReadAsync"/> returned (its body might still
/// fail: a file over a limit, the client gone). The transport deletes what no resolver moved when the request ends.
/// </summary>
public interface IStoredUpload : IUploadedFile, ISpooledFile
{
    /// <summary>The file name the client gave; known once <see cref="BegunAsync"/> returned.</summary>
    new string FileName { get; }

    /// <summary>The size in bytes; known once <see cref="ISpooledFile.CompletedAsync"/> returned.</summary>
    new long Length { get; }

    /// <summary>Opens the file for reading from its start, following it while it arrives; the caller disposes the stream.</summary>
    new Stream OpenReadStream();

    /// <summary>Waits until the file's part began to arrive (its name and media type are known then).</summary>
    Task BegunAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Waits until the whole request carrying this file was read: every file of it whole and within the limits. Throws
    /// when it was not (the transport then answers the request with its problem): record nothing then.
    /// </summary>
    Task RequestReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Flushes the (whole) file to the disk and moves it to <paramref name="destinationPath"/> (same file system: a
    /// rename); it is then the caller's.
    /// </summary>
    void MoveTo(string destinationPath);
}
