using System.Net;

namespace Ipp.Graph.Tests.Experiments.Write;

/// <summary>
/// A createExperiment multipart body announcing one large file, generated as it is sent, that stops sending
/// after <c>bytesBeforeStall</c> bytes of the file until <see cref="Resume"/>.
/// </summary>
internal sealed class StalledUploadContent(long totalFileBytes, long bytesBeforeStall) : HttpContent
{
    private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly byte[] _head = WriteMultipart.Head(new { application = "demo", name = "Huge" }, [("images", "huge.bin")]);
    private readonly byte[] _fileHeader = WriteMultipart.FileHeader(0, "huge.bin");

    /// <summary>Completes when the body stopped sending.</summary>
    public Task Stalled => _stalled.Task;

    /// <summary>Sends the rest (after the server died: the next write fails and the request with it).</summary>
    public void Resume() => _resumed.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(_head);
        await stream.WriteAsync(_fileHeader);
        var chunk = new byte[64 * 1024];
        Random.Shared.NextBytes(chunk);
        for (long sent = 0; sent < bytesBeforeStall; sent += chunk.Length)
        {
            await stream.WriteAsync(chunk);
        }

        await stream.FlushAsync();
        _stalled.TrySetResult();
        // Hold the request open, midway, until the test has killed the server.
        await _resumed.Task.WaitAsync(TimeSpan.FromMinutes(2));
        for (long sent = bytesBeforeStall; sent < totalFileBytes; sent += chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, totalFileBytes - sent)));
        }

        await stream.WriteAsync(WriteMultipart.PartEnd);
        await stream.WriteAsync(WriteMultipart.Close);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _head.Length + _fileHeader.Length + totalFileBytes + WriteMultipart.PartEnd.Length + WriteMultipart.Close.Length;
        return true;
    }
}
