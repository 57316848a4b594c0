
namespace Ipp.Graph.Transport.Multipart;

/// <summary>
/// One file of a multipart request, written whole to a temporary file in the incoming folder before resolvers see
/// it. A resolver keeps it by <see cref="MoveTo"/>; otherwise <see cref="UploadSpool"/> deletes it when the request ends.
/// </summary>
internal sealed class SpooledUpload : IStoredUpload
{
    private readonly Lock _lock = new();
    private string? _path;
    private bool _moved;

    public SpooledUpload(string fieldName)
    {
        FieldName = fieldName;
    }

    /// <summary>The name of the multipart part the file comes in (a key of the <c>map</c>).</summary>
    public string FieldName { get; }

    public string FileName { get; private set; } = "";

    public string? ContentType { get; private set; }

    public long Length { get; private set; }

    public string Sha256 { get; private set; } = "";

    long? Engine.Types.Scalars.IUploadedFile.Length => Length;

    /// <summary>The temporary file the part is written to, once it began to arrive.</summary>
    public string? TemporaryPath => _path;

    /// <summary>True once the part arrived and was written whole.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>Records the temporary file the part is being written to (deleted with the spool unless moved).</summary>
    public void Begin(string path, string fileName, string? contentType)
    {
        lock (_lock)
        {
            _path = path;
        }

        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>The part was written whole: <paramref name="length"/> bytes whose SHA-256 is <paramref name="sha256"/>.</summary>
    public void Complete(long length, string sha256)
    {
        Length = length;
        Sha256 = sha256;
        IsComplete = true;
    }

    public Stream OpenReadStream()
    {
        lock (_lock)
        {
            return new FileStream(PathHere(), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
    }

    public void MoveTo(string destinationPath)
    {
        lock (_lock)
        {
            var path = PathHere();
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                file.Flush(flushToDisk: true);
            }

            File.Move(path, destinationPath);
            _moved = true;
        }
    }

    public bool TryRenameTo(string destinationPath)
    {
        lock (_lock)
        {
            _moved = Storage.FileRename.TryRename(PathHere(), destinationPath);
            return _moved;
        }
    }

    /// <summary>The temporary file, while it is complete and still there; under the lock.</summary>
    private string PathHere() =>
        _moved || !IsComplete || _path is null
            ? throw new InvalidOperationException($"The upload \"{FieldName}\" is no longer in the incoming folder.")
            : _path;

    /// <summary>Deletes the temporary file unless a resolver moved it.</summary>
    public void Discard()
    {
        lock (_lock)
        {
            if (_moved || _path is null)
            {
                return;
            }

            try
            {
                File.Delete(_path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Left behind: the next start empties the incoming folder.
            }

            _path = null;
        }
    }
}
