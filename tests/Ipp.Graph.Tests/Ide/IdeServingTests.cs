using System.IO.Compression;
using System.Net;
using Ipp.Graph.Ide;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.Http;

namespace Ipp.Graph.Tests.Ide;

/// <summary>
/// How the IDE is served over HTTP beside GraphQL at <c>/graphql</c>: the page only to browsers (text/html ranked
/// above the JSON types), its configuration, its static files with content types and caching, nothing else of the
/// npm package, and GraphQL's own GET answers unchanged for every other Accept header.
/// </summary>
public sealed class IdeServingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    /// <summary>What Chromium sends when the user opens a page.</summary>
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("/graphql")]
    [InlineData("/graphql/")]
    [InlineData("/GraphQL")]
    public async Task A_browser_gets_the_IDE_page_whose_relative_links_resolve_under_graphql(string path)
    {
        using var response = await GetAsync(path, BrowserAccept);
        using var htmlOnly = await GetAsync(path, "text/html");

        Assert.Equal(HttpStatusCode.OK, htmlOnly.StatusCode);
        Assert.Equal(await htmlOnly.Content.ReadAsStringAsync(), await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var page = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("""<!doctype html><html lang="en"><head><base href="/graphql/"><meta charset="utf-8"/>""", page);
        Assert.Contains("""<script defer="defer" src="static/js/main.""", page);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal(["Accept"], response.Headers.Vary);
        Assert.Equal(IdeFiles.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task HEAD_gets_the_page_headers_without_a_body()
    {
        using var get = await GetAsync("/graphql", BrowserAccept);
        using var request = new HttpRequestMessage(HttpMethod.Head, "/graphql");
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        using var head = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/html; charset=utf-8", head.Content.Headers.ContentType?.ToString());
        Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json")]
    [InlineData("*/*")]
    [InlineData("application/json, text/html")]
    [InlineData("text/html;q=0.5, application/json")]
    [InlineData("text/*")]
    public async Task Other_Accept_headers_get_GraphQL_over_HTTP_as_before(string accept)
    {
        using var response = await GetAsync("/graphql?query=%7B__typename%7D", accept);
        using var withoutQuery = await GetAsync("/graphql", accept);

        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual("text/html", withoutQuery.Content.Headers.ContentType?.MediaType);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
        }
        else
        {
            // text/* allows neither JSON type: GraphQL over HTTP's 406, as before.
            Assert.Equal("text/*", accept);
            Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_browser_that_sends_a_query_or_asks_for_the_schema_gets_GraphQL_not_the_page()
    {
        using var query = await GetAsync("/graphql?query=%7B__typename%7D", BrowserAccept);
        using var sdl = await GetAsync("/graphql?sdl", BrowserAccept);

        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await query.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, sdl.StatusCode);
        Assert.Equal("text/plain", sdl.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_configuration_points_the_IDE_at_this_endpoint_without_telemetry()
    {
        using var response = await GetAsync("/graphql/bcp-config.json", "*/*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(
            """{"title":"Ipp.Graph","endpoint":"/graphql","useBrowserUrlAsEndpoint":true,"includeCookies":true,"disableTelemetry":true}""",
            await response.Content.ReadAsStringAsync());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Static_files_have_their_content_types_and_hashed_ones_are_cached_for_good()
    {
        var page = await (await GetAsync("/graphql", BrowserAccept)).Content.ReadAsStringAsync();
        var script = Between(page, "src=\"static/js/main.", "\"");
        var styles = Between(page, "href=\"static/css/", "\"");

        using var js = await GetAsync("/graphql/static/js/main." + script, "*/*");
        using var css = await GetAsync("/graphql/static/css/" + styles, "*/*");
        using var manifest = await GetAsync("/graphql/manifest.webmanifest", "*/*");
        using var icon = await GetAsync("/graphql/favicon.svg", "*/*");

        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        Assert.Equal("text/javascript", js.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", js.Headers.CacheControl?.ToString());
        Assert.NotNull(js.Headers.ETag);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", css.Headers.CacheControl?.ToString());
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", manifest.Headers.CacheControl?.ToString());
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(js.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Static_files_are_compressed_for_clients_that_accept_it(string encoding)
    {
        var page = await (await GetAsync("/graphql", BrowserAccept)).Content.ReadAsStringAsync();
        var script = "/graphql/static/js/main." + Between(page, "src=\"static/js/main.", "\"");
        using var plain = await GetAsync(script, "*/*");
        using var compressed = await GetAsync(script, "*/*", encoding);

        var plainBytes = await plain.Content.ReadAsByteArrayAsync();
        var compressedBytes = await compressed.Content.ReadAsByteArrayAsync();
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        Assert.Equal("public, max-age=31536000, immutable", compressed.Headers.CacheControl?.ToString());
        Assert.True(compressedBytes.Length < plainBytes.Length / 2, $"{compressedBytes.Length} of {plainBytes.Length} bytes");
        Assert.Equal(plainBytes, Decompress(compressedBytes, encoding));
    }

    [Fact]
    public async Task GraphQL_responses_are_never_compressed_whatever_the_client_accepts()
    {
        using var get = await GetAsync("/graphql?query=%7B__typename%7D", "application/json", "br, gzip");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/graphql/")
        {
            Content = new StringContent("""{"query":"{__typename}"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        post.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        using var posted = await _client.SendAsync(post);

        foreach (var response in new[] { get, posted })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(response.Content.Headers.ContentEncoding);
            Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("/graphql/package.json")]
    [InlineData("/graphql/index.cjs")]
    [InlineData("/graphql/README.md")]
    [InlineData("/graphql/service-worker.js")]
    [InlineData("/graphql/LICENSE")]
    [InlineData("/graphql/static/../../appsettings.json")]
    [InlineData("/graphql/%2e%2e/appsettings.json")]
    [InlineData("/graphql/static/js/nothing.js")]
    public async Task Nothing_else_is_served(string path)
    {
        using var response = await GetAsync(path, "*/*");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task When_disabled_no_page_configuration_or_file_is_served()
    {
        await using var server = await RunningServer.StartAsync("--Ide:Enabled=false");
        using var client = server.CreateClient();

        using var page = await GetAsync(client, "/graphql", BrowserAccept);
        using var htmlOnly = await GetAsync(client, "/graphql", "text/html");
        using var configuration = await GetAsync(client, "/graphql/bcp-config.json", "*/*");
        using var icon = await GetAsync(client, "/graphql/favicon.svg", "*/*");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal("application/json", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotAcceptable, htmlOnly.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, configuration.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, icon.StatusCode);
    }

    private Task<HttpResponseMessage> GetAsync(string path, string accept, string? acceptEncoding = null) =>
        GetAsync(_client, path, accept, acceptEncoding);

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string accept, string? acceptEncoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await client.SendAsync(request);
    }

    private static byte[] Decompress(byte[] bytes, string encoding)
    {
        using var input = new MemoryStream(bytes);
        using Stream decoder = encoding == "br"
            ? new BrotliStream(input, CompressionMode.Decompress)
            : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    private static string Between(string text, string before, string after)
    {
        var start = text.IndexOf(before, StringComparison.Ordinal) + before.Length;
        return text[start..text.IndexOf(after, start, StringComparison.Ordinal)];
    }
}
