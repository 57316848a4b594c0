using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Transport.Multipart;

/// <summary>
/// An uploaded file as the multipart transport hands it to resolvers: already written whole to a temporary file
/// under <see cref="Storage.UploadFolder.IncomingPath"/>, on the file system of the uploads folder, so a feature keeps
/// it by moving it (a rename, no copy). The transport deletes what no resolver moved when the request ends.
/// </summary>
public interface IStoredUpload : IUploadedFile
{
    /// <summary>The size in bytes (known: the file is complete).</summary>
    new long Length { get; }

    /// <summary>Moves the file to <paramref name="destinationPath"/> (same file system: a rename); it is then the caller's.</summary>
    void MoveTo(string destinationPath);
}
