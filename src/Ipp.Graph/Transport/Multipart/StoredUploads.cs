using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Transport.Multipart;

/// <summary>What a resolver taking uploads awaits, as the multipart transport runs it while the files arrive.</summary>
public static class StoredUploads
{
    /// <summary>
    /// Waits until the request carrying <paramref name="uploads"/> was read whole (<see cref="IStoredUpload.RequestReadAsync"/>;
    /// they all come in one request), so the resolver may record what it made of them; throws when it was not. Returns
    /// at once when none came through the transport.
    /// </summary>
    public static Task RequestReadAsync(IEnumerable<IUploadedFile?> uploads, CancellationToken cancellationToken) =>
        uploads.OfType<IStoredUpload>().FirstOrDefault() is { } upload ? upload.RequestReadAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Waits until the parts of <paramref name="uploads"/> began to arrive, so their file names are known.</summary>
    public static async Task NamedAsync(IEnumerable<IUploadedFile> uploads, CancellationToken cancellationToken)
    {
        foreach (var upload in uploads.OfType<IStoredUpload>())
        {
            await upload.BegunAsync(cancellationToken);
        }
    }
}
