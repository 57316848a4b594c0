using System.Text.Json;
using Ipp.Graph.Transport;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Ipp.Graph.Ide;

/// <summary>
/// Banana Cake Pop's files as the build copied them from npm (<c>Ide/bananacakepop/</c> beside the server's
/// assembly), and how they are served: the page, the configuration pointing the IDE at this server's <c>/graphql</c>,
/// and the static files, with their caching and security headers.
/// </summary>
public sealed class IdeFiles : IDisposable
{
    /// <summary>
    /// What the IDE may load: scripts, styles, fonts, images and workers from this server only, no inline script
    /// (its JSON-schema validator compiles schemas with <c>new Function</c>, hence 'unsafe-eval'; Monaco, its editor,
    /// sets inline styles and may load fonts and workers as data: and blob: URLs); requests to this server only (its
    /// GraphQL endpoint, over HTTP and WebSocket); never framed.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; manifest-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Files in <c>static/</c> carry a hash of their content in their names: they never change.</summary>
    private const string ImmutableCaching = "public, max-age=31536000, immutable";

    private const string Revalidate = "no-cache";

    private const string HeadStart = "<head>";

    private readonly string _indexHtml;
    private readonly byte[] _page;
    private readonly byte[] _configuration;
    private readonly PhysicalFileProvider _provider;

    private IdeFiles(string root, IdeSettings settings)
    {
        _provider = new PhysicalFileProvider(root);
        _indexHtml = File.ReadAllText(Path.Combine(root, "index.html"));
        if (!_indexHtml.Contains(HeadStart, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Banana Cake Pop's index.html in {root} has no {HeadStart}: where would its <base> go?");
        }

        _page = WithBase(PathString.Empty);
        _configuration = JsonSerializer.SerializeToUtf8Bytes(new
        {
            title = settings.Title,
            endpoint = GraphQLRoute.Path,
            useBrowserUrlAsEndpoint = true,
            includeCookies = true,
            disableTelemetry = true,
        });
        StaticFileOptions = new StaticFileOptions
        {
            RequestPath = GraphQLRoute.Path,
            FileProvider = _provider,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = file =>
            {
                var immutable = file.Context.Request.Path.StartsWithSegments(GraphQLRoute.Path + "/static", StringComparison.OrdinalIgnoreCase);
                AddHeaders(file.Context.Response, immutable ? ImmutableCaching : Revalidate);
            },
        };
    }

    /// <summary>Where the build puts the IDE's files: beside the server's assembly.</summary>
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "Ide", "bananacakepop");

    /// <summary>The static files under <c>/graphql/</c>.</summary>
    public StaticFileOptions StaticFileOptions { get; }

    /// <summary>Loads the files from <see cref="Root"/>; fails, saying why, when the build did not put them there.</summary>
    public static IdeFiles Load(IdeSettings settings)
    {
        if (!File.Exists(Path.Combine(Root, "index.html")))
        {
            throw new InvalidOperationException(
                $"Banana Cake Pop's files are missing from {Root}: build the server (its build runs npm ci in src/Ipp.Graph/Ide " +
                $"and copies them there), or set {IdeSettings.Section}:{nameof(IdeSettings.Enabled)}=false.");
        }

        return new IdeFiles(Root, settings);
    }

    /// <summary>
    /// The IDE's page (index.html). Its links are relative ("static/js/…"); a <c>&lt;base&gt;</c> element makes them
    /// resolve under <c>/graphql/</c> whether the browser asked for <c>/graphql</c> or <c>/graphql/</c>, so the
    /// address the user typed stays as it is (and is the endpoint the IDE uses).
    /// </summary>
    public Task WritePageAsync(HttpContext context)
    {
        context.Response.Headers.Vary = HeaderNames.Accept;
        var page = context.Request.PathBase.HasValue ? WithBase(context.Request.PathBase) : _page;
        return WriteAsync(context, page, "text/html; charset=utf-8");
    }

    /// <summary>The configuration the IDE reads at start: this server's endpoint, the title, no telemetry.</summary>
    public Task WriteConfigurationAsync(HttpContext context) => WriteAsync(context, _configuration, "application/json; charset=utf-8");

    /// <summary>index.html with <c>&lt;base href="{pathBase}/graphql/"&gt;</c> first in its head.</summary>
    private byte[] WithBase(PathString pathBase)
    {
        var href = System.Net.WebUtility.HtmlEncode(pathBase.Add(GraphQLRoute.Path + "/").ToUriComponent());
        var at = _indexHtml.IndexOf(HeadStart, StringComparison.Ordinal) + HeadStart.Length;
        return System.Text.Encoding.UTF8.GetBytes(string.Concat(_indexHtml.AsSpan(0, at), $"<base href=\"{href}\">", _indexHtml.AsSpan(at)));
    }

    /// <summary>Releases the file provider.</summary>
    public void Dispose() => _provider.Dispose();

    private static Task WriteAsync(HttpContext context, byte[] content, string contentType)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = content.Length;
        AddHeaders(response, Revalidate);
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(content, context.RequestAborted).AsTask();
    }

    private static void AddHeaders(HttpResponse response, string cacheControl)
    {
        response.Headers.CacheControl = cacheControl;
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
