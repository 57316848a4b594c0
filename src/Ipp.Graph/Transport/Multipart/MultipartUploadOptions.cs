namespace Ipp.Graph.Transport.Multipart;

/// <summary>The limits of multipart requests (section "Uploads" of appsettings.json), each checked as the bytes arrive.</summary>
public sealed class MultipartUploadOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Uploads";

    /// <summary>Largest file, in bytes (413, <c>UPLOAD_TOO_LARGE</c>, beyond). Default 1 GiB.</summary>
    public long MaxFileBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>Most files in one request (413, <c>UPLOAD_TOO_MANY_FILES</c>, beyond). Default 100.</summary>
    public int MaxFiles { get; init; } = 100;

    /// <summary>Largest <c>operations</c> and <c>map</c> parts together, in bytes (413, <c>PAYLOAD_TOO_LARGE</c>, beyond). Default 1 MiB.</summary>
    public int MaxOperationsBytes { get; init; } = 1024 * 1024;

    /// <summary>Fails when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        if (MaxFileBytes <= 0)
        {
            throw new InvalidOperationException($"{Section}:{nameof(MaxFileBytes)} must be a positive number of bytes, not {MaxFileBytes}.");
        }

        if (MaxFiles <= 0)
        {
            throw new InvalidOperationException($"{Section}:{nameof(MaxFiles)} must be positive, not {MaxFiles}.");
        }

        if (MaxOperationsBytes <= 0)
        {
            throw new InvalidOperationException($"{Section}:{nameof(MaxOperationsBytes)} must be a positive number of bytes, not {MaxOperationsBytes}.");
        }
    }
}
