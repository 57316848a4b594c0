using System.Text;
using Ipp.Graph.Deployment;
using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Experiments.Files;

/// <summary>
/// Download URLs, <c>{base}/experiments/{globalId}/files/{path}</c>, each path part escaped. The base is the configured
/// public URL (<see cref="ServerSettings.PublicBaseUrl"/>) when there is one: the links are then absolute. Otherwise
/// links are relative to the server's root, under the path base of the request that asks (a trusted proxy's
/// X-Forwarded-Prefix; empty outside any request). Never built from the Host header, which a client names.
/// </summary>
public sealed class DownloadUrls(IHttpContextAccessor http, ServerSettings server)
{
    /// <summary>The route of the download endpoint.</summary>
    public const string Route = "/experiments/{id}/files/{**path}";

    private readonly string _publicBase = server.LinkBase;

    public string For(long experimentId, string path)
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

        url.Append("/experiments/").Append(GlobalId.Encode(ExperimentsSchema.TypeName, experimentId)).Append("/files");
        foreach (var part in path.Split('/'))
        {
            url.Append('/').Append(Uri.EscapeDataString(part));
        }

        return url.ToString();
    }
}
