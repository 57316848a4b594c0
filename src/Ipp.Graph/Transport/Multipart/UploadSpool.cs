using Ipp.Graph.Engine.Error;

namespace Ipp.Graph.Transport.Multipart;

/// <summary>
/// The files of one multipart request, by part name, and whether the request's body was read whole: resolvers run
/// while the files arrive and record nothing before <see cref="ReadWholeAsync"/> says so. Disposing it (when the
/// request ends, however it ends) deletes every temporary file no resolver moved.
/// </summary>
internal sealed class UploadSpool : IDisposable
{
    private readonly Dictionary<string, SpooledUpload> _uploads = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _incomingPath;
    private string? _failure;

    public UploadSpool(string incomingPath)
    {
        _incomingPath = incomingPath;
    }

    /// <summary>The files the map announces, by part name.</summary>
    public IReadOnlyDictionary<string, SpooledUpload> Uploads => _uploads;

    /// <summary>The upload for the part <paramref name="fieldName"/>, which the map names.</summary>
    public SpooledUpload Announce(string fieldName)
    {
        var upload = new SpooledUpload(fieldName, this);
        _uploads.Add(fieldName, upload);
        return upload;
    }

    /// <summary>A new, unique temporary file path in the incoming folder.</summary>
    public string NewTemporaryPath() => Path.Combine(_incomingPath, Guid.NewGuid().ToString("n") + ".upload");

    /// <summary>The body was read to its end, every file whole and within the limits.</summary>
    public void Read() => _ended.TrySetResult();

    /// <summary>
    /// The body was not read whole (<paramref name="why"/>: refused, malformed, the client gone): every wait on the
    /// request or on a file not yet whole throws from now on.
    /// </summary>
    public void Fail(string why)
    {
        Volatile.Write(ref _failure, why);
        _ended.TrySetResult();
        foreach (var upload in _uploads.Values)
        {
            upload.Signal();
        }
    }

    /// <summary>
    /// What a wait on this request throws once its body failed, null before: a GraphQL error (a client's doing, never
    /// logged as the server's); the transport answers the request with the problem itself, not with this.
    /// </summary>
    public GraphQLError? Failure() =>
        Volatile.Read(ref _failure) is { } why ? new GraphQLError("The request's files did not arrive whole: " + why, code: UploadErrorCodes.UploadInvalid) : null;

    /// <summary>Waits until the body was read whole; throws <see cref="Failure"/> when it was not.</summary>
    public async Task ReadWholeAsync(CancellationToken cancellationToken)
    {
        await _ended.Task.WaitAsync(cancellationToken);
        if (Failure() is { } failure)
        {
            throw failure;
        }
    }

    public void Dispose()
    {
        foreach (var upload in _uploads.Values)
        {
            upload.Discard();
        }
    }
}
