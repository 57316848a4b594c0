using Ipp.Graph.Storage;
using Microsoft.Win32.SafeHandles;

namespace Ipp.Graph.Transport.Multipart;

/// <summary>
/// Reads a <see cref="SpooledUpload"/> from its start while the transport is still writing it: a read past what is
/// written waits for more, the stream ends where the part ends, and a request that fails meanwhile throws its failure.
/// So a resolver can send a file on (to a blob store) as it arrives, with no more memory than its own buffer.
/// </summary>
internal sealed class SpoolReadStream(SpooledUpload upload) : ReadOnlyStream
{
    private SafeFileHandle? _file;
    private long _position;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        var written = await upload.WrittenPastAsync(_position, cancellationToken);
        if (written <= _position)
        {
            return 0;
        }

        // Opened once the part began: the writer shares it (no flock conflict) and a rename or deletion leaves it readable.
        _file ??= File.OpenHandle(upload.OpenablePath(), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var wanted = buffer[..(int)Math.Min(buffer.Length, written - _position)];
        var read = await RandomAccess.ReadAsync(_file, wanted, _position, cancellationToken);
        if (read == 0)
        {
            throw new IOException($"The upload \"{upload.FieldName}\" is shorter on disk than what was written to it.");
        }

        _position += read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file?.Dispose();
        }

        base.Dispose(disposing);
    }
}
