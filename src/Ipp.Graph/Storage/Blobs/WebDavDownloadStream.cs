namespace Ipp.Graph.Storage.Blobs;

/// <summary>
/// The body of a WebDAV GET as a blob's bytes: each read re-arms the transfer's <see cref="IdleWatch"/>, and a server
/// that stops sending or drops the connection midway is a <see cref="StorageUnavailableException"/>. Disposing it
/// ends the response.
/// </summary>
internal sealed class WebDavDownloadStream(HttpResponseMessage response, Stream body, IdleWatch idle, string doing) : ReadOnlyStream
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        idle.Touch();
        using var both = CancellationTokenSource.CreateLinkedTokenSource(idle.Token, cancellationToken);
        try
        {
            return await body.ReadAsync(buffer, both.Token);
        }
        catch (OperationCanceledException) when (idle.TimedOut && !cancellationToken.IsCancellationRequested)
        {
            throw new StorageUnavailableException(doing, new IOException("the server sent nothing for longer than Storage:WebDav:IdleTimeout"));
        }
        catch (Exception failure) when (failure is IOException or HttpRequestException)
        {
            throw new StorageUnavailableException(doing, failure);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            body.Dispose();
            response.Dispose();
            idle.Dispose();
        }

        base.Dispose(disposing);
    }
}
