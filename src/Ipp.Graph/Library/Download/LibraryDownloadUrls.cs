using System.Text;
using Ipp.Graph.Deployment;
using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Library.Download;

/// <summary>
/// Where an entry downloads: <c>{base}/library/{globalId}/content</c> (a file, or a folder as a zip) and
/// <c>{base}/library/{globalId}/files/{path}</c> (one file of a folder), each path part escaped. The base is the
/// configured public URL (<see cref="ServerSettings.PublicBaseUrl"/>) when there is one, else the links are relative
/// to the server's root under the asking request's path base (a trusted proxy's X-Forwarded-Prefix). Never built from
/// the Host header, which a client names.
/// </summary>
public sealed class LibraryDownloadUrls(IHttpContextAccessor http, ServerSettings server)
{
    /// <summary>The route of an entry's content.</summary>
    public const string ContentRoute = "/library/{id}/content";

    /// <summary>The route of one file of a folder.</summary>
    public const string FileRoute = "/library/{id}/files/{**path}";

    private readonly string _publicBase = server.LinkBase;

    /// <summary>The link to the whole entry: its file, or its folder as a zip.</summary>
    public string Content(long entryId) => Start(entryId).Append("/content").ToString();

    /// <summary>The link to the file at <paramref name="path"/> ('/' between parts) inside the folder entry.</summary>
    public string File(long entryId, string path)
    {
        var url = Start(entryId).Append("/files");
        foreach (var part in path.Split('/'))
        {
            url.Append('/').Append(Uri.EscapeDataString(part));
        }

        return url.ToString();
    }

    private StringBuilder Start(long entryId)
    {
        var url = new StringBuilder(128);
        if (_publicBase.Length > 0)
        {
            url.Append(_publicBase);
        }
        else if (http.HttpContext?.Request is { } request)
        {
            url.Append(request.PathBase.ToUriComponent());
        }

        return url.Append("/library/").Append(GlobalId.Encode(LibrarySchema.TypeName, entryId));
    }
}
