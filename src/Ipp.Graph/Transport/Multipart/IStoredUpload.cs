using Ipp.Graph.Engine.Types.Scalars;
using Ipp.Graph.Storage.Blobs;

namespace Ipp.Graph.Transport.Multipart;

/// <summary>
/// An uploaded file as the multipart transport hands it to resolvers: already written whole to a temporary file
/// under <see cref="Storage.UploadFolder.IncomingPath"/>, on the file system of the uploads folder, its SHA-256
/// computed on the way, so a feature keeps it by moving it (a rename, no copy). It is not flushed to the disk yet:
/// <see cref="MoveTo"/> does that, and a blob store taking it (<see cref="ISpooledFile"/>) flushes it where it puts it,
/// so that a file is flushed once, and one that is not kept never. The transport deletes what no resolver moved when
/// the request ends.
/// </summary>
public interface IStoredUpload : IUploadedFile, ISpooledFile
{
    /// <summary>The size in bytes (known: the file is complete).</summary>
    new long Length { get; }

    /// <summary>Opens the file for reading; the caller disposes the stream.</summary>
    new Stream OpenReadStream();

    /// <summary>
    /// Flushes the file to the disk and moves it to <paramref name="destinationPath"/> (same file system: a rename); it
    /// is then the caller's.
    /// </summary>
    void MoveTo(string destinationPath);
}
