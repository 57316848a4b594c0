using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace Ipp.Graph.Transport;

/// <summary>
/// JSON a client sends as bytes (a request body, a multipart part): read into pooled memory within a limit, and
/// parsed (by <see cref="ClientJson"/>) only when it is valid UTF-8 throughout (the JSON reader checks strings only
/// when they are read).
/// </summary>
internal static class PooledJsonBody
{
    /// <summary>
    /// Reads <paramref name="stream"/> into a buffer rented from the shared pool (the caller returns it), until its end
    /// or until <paramref name="cap"/> bytes: a length of <paramref name="cap"/> says the stream goes on, the rest unread.
    /// </summary>
    public static async ValueTask<(byte[] Buffer, int Length)> ReadAsync(Stream stream, long initialBytes, int cap, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(initialBytes, cap));
        var length = 0;
        try
        {
            while (length < cap)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, cap));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, cap) - length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return (buffer, length);
    }

    /// <summary>
    /// Parses <paramref name="bytes"/> (the document refers into them). Null when parsed; otherwise what is wrong,
    /// to follow "is": <c>not valid UTF-8.</c> or <c>not valid JSON: …</c>.
    /// </summary>
    public static string? TryParse(ReadOnlyMemory<byte> bytes, JsonDocumentOptions options, out JsonDocument? json)
    {
        json = null;
        if (!Utf8.IsValid(bytes.Span))
        {
            return "not valid UTF-8.";
        }

        try
        {
            json = ClientJson.Parse(bytes, options);
            return null;
        }
        catch (JsonException exception)
        {
            return "not valid JSON: " + exception.Message;
        }
    }
}
