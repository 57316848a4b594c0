using System.Text;

namespace Ipp.Graph.Tests.Support;

/// <summary>Reads an HTTP/1.1 body sent with <c>Transfer-Encoding: chunked</c>, for tests that speak HTTP over a raw socket.</summary>
public static class ChunkedBody
{
    /// <summary>The body without its chunk framing.</summary>
    public static string Decode(string chunked)
    {
        var body = new StringBuilder();
        var position = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", position, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[position..lineEnd], 16);
            if (size == 0)
            {
                return body.ToString();
            }

            body.Append(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }
}
