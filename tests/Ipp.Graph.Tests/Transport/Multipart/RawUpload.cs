using System.Net.Sockets;
using System.Text;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Transport.Multipart;

/// <summary>
/// Sends a multipart request over a bare socket, the file generated as it goes, and stops sending as soon as the
/// server answers (HttpClient would report the server's early answer as a failed send). Gives the answer and how
/// many bytes of the body were sent before it came.
/// </summary>
public static class RawUpload
{
    public static async Task<(int Status, string Body, long Sent)> PostUntilAnsweredAsync(Uri server, string token, long fileLength)
    {
        var head = Encoding.UTF8.GetBytes(
            $"--{MultipartRequests.Boundary}\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{MultipartRequests.Operations()}\r\n"
            + $"--{MultipartRequests.Boundary}\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{MultipartRequests.Map()}\r\n"
            + $"--{MultipartRequests.Boundary}\r\nContent-Disposition: form-data; name=\"0\"; filename=\"big.bin\"\r\n\r\n");
        var tail = Encoding.UTF8.GetBytes($"\r\n--{MultipartRequests.Boundary}--\r\n");
        var headers = Encoding.ASCII.GetBytes(
            $"POST /graphql HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: {MultipartRequests.ContentType}\r\n"
            + $"Content-Length: {head.Length + fileLength + tail.Length}\r\nGraphQL-Preflight: 1\r\nAuthorization: Bearer {token}\r\n"
            + "Accept: application/graphql-response+json\r\n\r\n");

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server.Host, server.Port);
        await socket.SendAsync(headers);
        await socket.SendAsync(head);
        long sent = head.Length;
        var file = new GeneratedStream(fileLength);
        var chunk = new byte[64 * 1024];
        while (socket.Available == 0 && await file.ReadAsync(chunk) is var read and > 0)
        {
            await socket.SendAsync(chunk.AsMemory(0, read));
            sent += read;
        }

        if (socket.Available == 0)
        {
            await socket.SendAsync(tail);
            sent += tail.Length;
        }

        var (status, body) = await ReadResponseAsync(socket);
        return (status, body, sent);
    }

    /// <summary>Reads one response: its status and its body (chunked, or of a Content-Length).</summary>
    private static async Task<(int Status, string Body)> ReadResponseAsync(Socket socket)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var text = Encoding.UTF8.GetString(received.GetBuffer(), 0, (int)received.Length);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var head = text[..end];
                var rest = text[(end + 4)..];
                var status = int.Parse(head.Split(' ')[1]);
                if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase) && rest.EndsWith("0\r\n\r\n", StringComparison.Ordinal))
                {
                    return (status, ChunkedBody.Decode(rest));
                }

                var length = head.Split("\r\n").FirstOrDefault(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
                if (length is not null && Encoding.UTF8.GetByteCount(rest) >= int.Parse(length["Content-Length:".Length..].Trim()))
                {
                    return (status, rest);
                }
            }

            var read = await socket.ReceiveAsync(buffer);
            if (read == 0)
            {
                throw new IOException("The server closed the connection before its response was complete: " + text);
            }

            received.Write(buffer, 0, read);
        }
    }
}
