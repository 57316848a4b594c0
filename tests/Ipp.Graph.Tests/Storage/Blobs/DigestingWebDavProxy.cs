using System.Security.Cryptography;
using Ipp.Graph.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ipp.Graph.Tests.Storage.Blobs;

/// <summary>
/// A WebDAV server that gives digests as dCache does, stood in for by a proxy in front of rclone (which gives none):
/// each request goes on to rclone as it came, and a HEAD asking <c>Want-Digest: sha-256</c> is answered with the
/// RFC 3230 <c>Digest</c> header of the file rclone really holds (<see cref="Digests"/>: the right one, a wrong one, or
/// none). It records each request's method, so that tests see how an upload was verified.
/// </summary>
public sealed class DigestingWebDavProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _rclone = new();
    private readonly List<string> _methods = [];

    private DigestingWebDavProxy(RcloneWebDavServer server, WebApplication app)
    {
        Server = server;
        _app = app;
    }

    /// <summary>What a HEAD with <c>Want-Digest</c> is given.</summary>
    public enum DigestAnswer
    {
        /// <summary>No digest, as rclone alone.</summary>
        None,

        /// <summary>The SHA-256 of the file rclone holds.</summary>
        Right,

        /// <summary>The SHA-256 of other bytes.</summary>
        Wrong,
    }

    /// <summary>The WebDAV server behind the proxy.</summary>
    public RcloneWebDavServer Server { get; }

    public DigestAnswer Digests { get; set; } = DigestAnswer.Right;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The methods of the requests received so far, in order.</summary>
    public List<string> Methods()
    {
        lock (_methods)
        {
            return [.. _methods];
        }
    }

    /// <summary>Settings for a store on the proxy, as <see cref="RcloneWebDavServer.Options"/> gives for rclone itself.</summary>
    public Ipp.Graph.Storage.Blobs.WebDavBlobStorageOptions Options()
    {
        var options = Server.Options();
        options.BaseUrl = BaseUrl;
        return options;
    }

    public static async Task<DigestingWebDavProxy> StartAsync()
    {
        var server = await RcloneWebDavServer.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var port = FreePort.Take();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var proxy = new DigestingWebDavProxy(server, app) { BaseUrl = $"http://127.0.0.1:{port}/" };
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rclone.Dispose();
        await Server.DisposeAsync();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        lock (_methods)
        {
            _methods.Add(request.Method);
        }

        using var forwarded = new HttpRequestMessage(new HttpMethod(request.Method), Server.BaseUrl.TrimEnd('/') + request.Path + request.QueryString);
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            forwarded.Content = new StreamContent(request.Body);
            forwarded.Content.Headers.ContentLength = request.ContentLength;
        }

        foreach (var (name, values) in request.Headers)
        {
            // A MOVE's destination names this proxy; rclone takes only its own address there.
            var value = name == "Destination" ? values.ToString().Replace(BaseUrl, Server.BaseUrl, StringComparison.Ordinal) : values.ToString();
            if (name is not ("Host" or "Content-Length" or "Transfer-Encoding") && !forwarded.Headers.TryAddWithoutValidation(name, value))
            {
                forwarded.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await _rclone.SendAsync(forwarded, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name is not "Transfer-Encoding")
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        if (request.Method == "HEAD" && request.Headers.ContainsKey("Want-Digest") && response.IsSuccessStatusCode && Digests != DigestAnswer.None)
        {
            var held = await File.ReadAllBytesAsync(Path.Combine(Server.Root, request.Path.Value!.TrimStart('/')));
            var digest = SHA256.HashData(Digests == DigestAnswer.Right ? held : [.. held, 1]);
            context.Response.Headers["Digest"] = "adler32=03da0195, sha-256=" + Convert.ToBase64String(digest);
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
