namespace Ipp.Graph.Storage;

/// <summary>
/// The <c>extensions.code</c> value of storage that cannot be written.
/// </summary>
public static class StorageErrorCodes
{
    /// <summary>
    /// The server cannot write its storage now (a read-only or missing folder, a full disk, the file system's quota, a
    /// WebDAV server that is down, full, refusing or silent):
    /// nothing was stored, the request may be tried again later (HTTP 503 when the multipart transport cannot store the files).
    /// </summary>
    public const string StorageUnavailable = "STORAGE_UNAVAILABLE";
}
