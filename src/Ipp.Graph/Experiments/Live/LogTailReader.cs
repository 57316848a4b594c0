using System.Text;
using Ipp.Graph.Picas;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// Reads a log from a byte offset in bounded pieces, each cut where a UTF-8 character ends: the bytes of a character
/// the backend has not finished writing stay for the next read, unless the log is read for the last time (then they,
/// like any bytes that are no UTF-8, show as U+FFFD, as <c>ExperimentLog.text</c> does). Never more than one piece in
/// memory, however long the log.
/// </summary>
internal static class LogTailReader
{
    /// <summary>Nothing (more) to read now.</summary>
    public static LogPiece Nothing { get; } = new("", 0);

    /// <summary>
    /// At most <paramref name="maxBytes"/> bytes of the file at <paramref name="path"/> from <paramref name="offset"/>;
    /// <see cref="Nothing"/> when there are none (yet), or the file is missing (the backend has not written it, or moves
    /// its folder right now) or unreadable. <paramref name="last"/>: the log will not grow, take a cut character as it is.
    /// </summary>
    public static LogPiece ReadFile(string path, long offset, int maxBytes, bool last)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            var length = file.Length;
            if (length <= offset)
            {
                return Nothing;
            }

            file.Position = offset;
            var buffer = new byte[(int)Math.Min(maxBytes, length - offset)];
            var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return Piece(buffer.AsSpan(0, read), more: offset + read < file.Length, last);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Nothing;
        }
    }

    /// <summary>
    /// The same from the attachment <paramref name="name"/> of token <paramref name="tokenId"/>; null when the pool cannot
    /// be read now (the next look tries again).
    /// </summary>
    public static async Task<LogPiece?> ReadAttachmentAsync(CouchDbClient couch, string tokenId, string name, long offset, int maxBytes, bool last)
    {
        var attachment = await couch.GetAttachmentAsync(tokenId, name, offset, maxBytes, CancellationToken.None);
        if (attachment.Outcome == CouchOutcome.NotFound)
        {
            return Nothing;
        }

        return attachment.IsOk ? Piece(attachment.Value!.Content, attachment.Value.Truncated, last) : null;
    }

    /// <summary>
    /// The length of the longest start of <paramref name="bytes"/> that does not end inside a UTF-8 character: all of
    /// it, but for the lead byte and continuation bytes of a character missing its last bytes.
    /// </summary>
    public static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // A continuation byte: its lead byte is further back.
            }

            var needed = b switch
            {
                >= 0xC2 and <= 0xDF => 2,
                >= 0xE0 and <= 0xEF => 3,
                >= 0xF0 and <= 0xF4 => 4,
                _ => 1, // ASCII, or a byte no character starts with: nothing to wait for.
            };
            return needed > back ? bytes.Length - back : bytes.Length;
        }

        return bytes.Length;
    }

    private static LogPiece Piece(ReadOnlySpan<byte> bytes, bool more, bool last)
    {
        var length = last && !more ? bytes.Length : CompleteLength(bytes);
        return length == 0 ? Nothing : new LogPiece(Encoding.UTF8.GetString(bytes[..length]), length);
    }
}

/// <summary>Text read from a log, and how many bytes of it the text is.</summary>
internal sealed record LogPiece(string Text, int Bytes);
