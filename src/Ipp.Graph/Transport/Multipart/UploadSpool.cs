namespace Ipp.Graph.Transport.Multipart;

/// <summary>
/// The files of one multipart request, by part name. Disposing it (when the request ends, however it ends)
/// deletes every temporary file no resolver moved.
/// </summary>
internal sealed class UploadSpool : IDisposable
{
    private readonly Dictionary<string, SpooledUpload> _uploads = new(StringComparer.Ordinal);
    private readonly string _incomingPath;

    public UploadSpool(string incomingPath)
    {
        _incomingPath = incomingPath;
    }

    /// <summary>The files the map announces, by part name.</summary>
    public IReadOnlyDictionary<string, SpooledUpload> Uploads => _uploads;

    /// <summary>The upload for the part <paramref name="fieldName"/>, which the map names.</summary>
    public SpooledUpload Announce(string fieldName)
    {
        var upload = new SpooledUpload(fieldName);
        _uploads.Add(fieldName, upload);
        return upload;
    }

    /// <summary>A new, unique temporary file path in the incoming folder.</summary>
    public string NewTemporaryPath() => Path.Combine(_incomingPath, Guid.NewGuid().ToString("n") + ".upload");

    public void Dispose()
    {
        foreach (var upload in _uploads.Values)
        {
            upload.Discard();
        }
    }
}
