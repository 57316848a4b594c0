using Ipp.Graph.Engine.Error;

namespace Ipp.Graph.Transport.Multipart;

/// <summary>
/// One file of a multipart request, written to a temporary file in the incoming folder as it arrives, while the
/// operation already runs: a resolver may read it meanwhile (<see cref="OpenReadStream"/> follows the file as it
/// grows), and awaits <see cref="CompletedAsync"/> for what needs it whole (its length and SHA-256, a move). A resolver
/// keeps it by <see cref="MoveTo"/>; otherwise <see cref="UploadSpool"/> deletes it when the request ends. If the
/// request fails before the part is whole, every wait and read of it throws the spool's failure.
/// </summary>
internal sealed class SpooledUpload : IStoredUpload
{
    private readonly Lock _lock = new();
    private readonly UploadSpool _spool;
    private TaskCompletionSource _changed = NewSignal();
    private string? _path;
    private long _written;
    private bool _begun;
    private bool _moved;
    private long _length;
    private string _sha256 = "";
    private string _fileName = "";

    public SpooledUpload(string fieldName, UploadSpool spool)
    {
        FieldName = fieldName;
        _spool = spool;
    }

    /// <summary>The name of the multipart part the file comes in (a key of the <c>map</c>).</summary>
    public string FieldName { get; }

    public string FileName => _begun ? _fileName : throw NotYet("its part has not begun to arrive");

    public string? ContentType { get; private set; }

    public long Length => IsComplete ? _length : throw NotYet("it is still arriving");

    public string Sha256 => IsComplete ? _sha256 : throw NotYet("it is still arriving");

    long? Engine.Types.Scalars.IUploadedFile.Length => IsComplete ? _length : null;

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
            _fileName = fileName;
            ContentType = contentType;
            _begun = true;
        }

        Signal();
    }

    /// <summary><paramref name="count"/> more bytes are in the temporary file.</summary>
    public void Wrote(long count)
    {
        lock (_lock)
        {
            _written += count;
        }

        Signal();
    }

    /// <summary>The part was written whole: <paramref name="length"/> bytes whose SHA-256 is <paramref name="sha256"/>.</summary>
    public void Complete(long length, string sha256)
    {
        lock (_lock)
        {
            _length = length;
            _sha256 = sha256;
            IsComplete = true;
        }

        Signal();
    }

    /// <summary>Wakes whoever waits on this upload: its spool failed, say.</summary>
    public void Signal()
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    public Task BegunAsync(CancellationToken cancellationToken) => WaitAsync(() => _begun, cancellationToken);

    public Task CompletedAsync(CancellationToken cancellationToken) => WaitAsync(() => IsComplete, cancellationToken);

    public Task RequestReadAsync(CancellationToken cancellationToken) => _spool.ReadWholeAsync(cancellationToken);

    /// <summary>
    /// Waits until the temporary file holds more than <paramref name="position"/> bytes, or the part is whole; returns
    /// how many it holds then (no more than <paramref name="position"/>: the part ended there).
    /// </summary>
    public async Task<long> WrittenPastAsync(long position, CancellationToken cancellationToken)
    {
        long written = 0;
        await WaitAsync(() => (written = _written) > position || IsComplete, cancellationToken);
        return written;
    }

    /// <summary>A stream of the file from its start that follows it while it arrives, ending where the part ends.</summary>
    public Stream OpenReadStream() => new SpoolReadStream(this);

    public void MoveTo(string destinationPath)
    {
        lock (_lock)
        {
            var path = PathHere();
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1))
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

    /// <summary>The temporary file while it is still there (complete or not); under the lock.</summary>
    internal string OpenablePath()
    {
        lock (_lock)
        {
            return _moved || _path is null
                ? throw new InvalidOperationException($"The upload \"{FieldName}\" is no longer in the incoming folder.")
                : _path;
        }
    }

    /// <summary>The temporary file, while it is complete and still there; under the lock.</summary>
    private string PathHere() =>
        _moved || !IsComplete || _path is null
            ? throw new InvalidOperationException($"The upload \"{FieldName}\" is no longer in the incoming folder, or not whole yet.")
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

    /// <summary>Waits until <paramref name="done"/> holds; throws the spool's failure once it failed (and it does not).</summary>
    private async Task WaitAsync(Func<bool> done, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (done())
                {
                    return;
                }

                if (_spool.Failure() is { } failure)
                {
                    throw failure;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    private InvalidOperationException NotYet(string why) => new($"The upload \"{FieldName}\" cannot tell that yet: {why}.");

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
