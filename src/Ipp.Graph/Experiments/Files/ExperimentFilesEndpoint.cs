using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Library.Download;
using Ipp.Graph.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Ipp.Graph.Experiments.Files;

/// <summary>
/// <c>GET /experiments/{globalId}/files/{path}</c>: streams a file of the caller's experiment, with byte ranges.
/// The caller is authenticated as for GraphQL (Bearer token or session cookie; none: 401) and needs
/// <c>experiments:read</c>, as <c>Experiment.inputs</c> and <c>outputs</c> do (without it: 403, AUTH_NOT_AUTHORIZED).
/// An experiment the <see cref="AccessPolicy"/> does not let the caller read (another's) answers 404, as a missing one
/// does. The path is read from the request as sent, each part percent-decoded on its own: a part that is empty,
/// <c>.</c>, <c>..</c>, or decodes to a separator or a control character is refused (400); a path that names no file
/// inside the experiment's folder (links included, see <see cref="ExperimentFolder"/>) is 404. An experiment on a
/// container image has no folder: its inputs are the blobs they name (<see cref="ImageInputDownload"/>).
/// </summary>
public static class ExperimentFilesEndpoint
{
    private const string Prefix = "/experiments/";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapExperimentFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(DownloadUrls.Route, [HttpMethods.Get, HttpMethods.Head], DownloadAsync);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        HttpContext http,
        AccountService accounts,
        AccessPolicy policy,
        ExperimentAccess access,
        UploadFolder uploads,
        IDbContextFactory<IppDbContext> databases,
        LibraryDownloader downloader)
    {
        if (!SignedInCaller.TryRead(http.User, out var caller) || !accounts.IsLive(caller))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        if (!policy.Holds(caller, Permission.ExperimentsRead))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!TryReadPath(http, out var experimentId, out var parts))
        {
            return Results.BadRequest();
        }

        if (!GlobalId.TryDecode(experimentId, ExperimentsSchema.TypeName, out var key)
            || await access.FindAsync(key, caller, Permission.ExperimentsRead, http.RequestAborted) is not { } experiment)
        {
            return Results.NotFound();
        }

        if (experiment.TokenId is not null)
        {
            return await ImageInputDownload.TrySendAsync(http, experiment, string.Join('/', parts), databases, downloader) ? Results.Empty : Results.NotFound();
        }

        var file = ExperimentFolder.Find(uploads.ExperimentPath(experiment.UserId, experiment.Status, experiment.Id), parts);
        FileStream stream;
        try
        {
            stream = file is null
                ? throw new FileNotFoundException()
                : new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, useAsync: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Gone since it was found (the backend moved the folder), or unreadable: as if it never was.
            return Results.NotFound();
        }

        var name = parts[^1];
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-cache";
        return Results.File(
            stream,
            ContentTypes.TryGetContentType(name, out var contentType) ? contentType : "application/octet-stream",
            fileDownloadName: name,
            lastModified: file!.LastWriteTimeUtc,
            entityTag: new EntityTagHeaderValue($"\"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}\""),
            enableRangeProcessing: true);
    }

    /// <summary>
    /// The global id and the decoded path parts from the request line as sent (the routed path has <c>%2F</c>
    /// and dot segments resolved differently, so it cannot tell an encoded separator from a plain one).
    /// </summary>
    private static bool TryReadPath(HttpContext http, out string experimentId, out string[] parts)
    {
        experimentId = "";
        parts = [];
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            raw = raw[..query];
        }

        if (!raw.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var segments = raw[Prefix.Length..].Split('/');
        if (segments.Length < 3 || segments.Length > ExperimentFolder.MaxPathParts + 2 || segments[1] != "files")
        {
            return false;
        }

        experimentId = Uri.UnescapeDataString(segments[0]);
        parts = new string[segments.Length - 2];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Uri.UnescapeDataString(segments[i + 2]);
            if (!ExperimentFolder.IsValidPart(parts[i]))
            {
                return false;
            }
        }

        return true;
    }
}
