using System.Text;
using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Experiments.Files;

/// <summary>
/// Download URLs: <c>{scheme}://{host}{pathBase}/experiments/{globalId}/files/{path}</c>, each path part escaped,
/// on the address the client used for the request that asks (HTTP, or the WebSocket's upgrade request). Outside any
/// HTTP request the URL is relative to the server.
/// </summary>
public sealed class DownloadUrls(IHttpContextAccessor http)
{
    /// <summary>The route of the download endpoint.</summary>
    public const string Route = "/experiments/{id}/files/{**path}";

    public string For(long experimentId, string path)
    {
        var url = new StringBuilder(128);
        if (http.HttpContext?.Request is { } request)
        {
            url.Append(request.Scheme).Append("://").Append(request.Host.ToUriComponent()).Append(request.PathBase.ToUriComponent());
        }

        url.Append("/experiments/").Append(GlobalId.Encode(ExperimentsSchema.TypeName, experimentId)).Append("/files");
        foreach (var part in path.Split('/'))
        {
            url.Append('/').Append(Uri.EscapeDataString(part));
        }

        return url.ToString();
    }
}
