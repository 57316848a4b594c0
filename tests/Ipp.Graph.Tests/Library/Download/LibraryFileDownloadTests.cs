using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using static Ipp.Graph.Tests.Library.LibraryUploads;

namespace Ipp.Graph.Tests.Library.Download;

/// <summary><c>GET /library/{id}/content</c> and <c>/files/{path}</c> of single files: the bytes, the headers, byte ranges and who may download.</summary>
public sealed class LibraryFileDownloadTests(LibraryDownloadServer fixture) : IClassFixture<LibraryDownloadServer>
{
    private static readonly byte[] Digits = Encoding.ASCII.GetBytes("0123456789abcdefghij");

    private static string Unique(string name) => $"{Guid.NewGuid():n}-{name}";

    private static string ETagOf(byte[] bytes) => $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\"";

    [Fact]
    public async Task A_file_downloads_whole_with_its_name_type_entity_tag_and_no_sniffing()
    {
        var errorsBefore = fixture.Server.Logs.Errors.Count();
        var engineer = await fixture.EngineerAsync();
        var name = Unique("données \"x\".txt");
        var id = (await fixture.UploadAsync(engineer, new FilePart(name, "x", Digits)))[0];
        var url = await fixture.DownloadUrlAsync(engineer, id);
        Assert.Equal($"/library/{id}/content", url);

        using var response = await fixture.GetAsync(url, engineer.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Digits, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Digits.Length, response.Content.Headers.ContentLength);
        Assert.Equal(ETagOf(Digits), response.Headers.ETag!.Tag);
        Assert.False(response.Headers.ETag.IsWeak);
        Assert.Equal(["bytes"], response.Headers.AcceptRanges);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(name.Replace('"', '_'), disposition.FileNameStar);
        Assert.DoesNotContain(disposition.ToString(), c => c > 127);
        Assert.Equal(errorsBefore, fixture.Server.Logs.Errors.Count());
    }

    [Fact]
    public async Task An_unknown_type_is_octet_stream_and_head_sends_the_headers_alone()
    {
        var engineer = await fixture.EngineerAsync();
        var id = (await fixture.UploadAsync(engineer, new FilePart(Unique("scan.nii-raw"), "x", Digits)))[0];
        var url = await fixture.DownloadUrlAsync(engineer, id);

        using var response = await fixture.GetAsync(url, engineer.Token, method: HttpMethod.Head);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Digits.Length, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=2-5", "bytes 2-5/20", "2345")]
    [InlineData("bytes=15-", "bytes 15-19/20", "fghij")]
    [InlineData("bytes=-3", "bytes 17-19/20", "hij")]
    [InlineData("bytes=18-100", "bytes 18-19/20", "ij")]
    [InlineData("bytes=0-1, 4-5", "bytes 0-5/20", "012345")]
    [InlineData("bytes=30-, 3-3", "bytes 3-3/20", "3")]
    public async Task A_range_is_answered_with_206_and_its_content_range(string range, string contentRange, string expected)
    {
        var engineer = await fixture.EngineerAsync();
        var id = (await fixture.UploadAsync(engineer, new FilePart(Unique("digits.bin"), "x", Digits)))[0];

        using var response = await fixture.GetAsync(await fixture.DownloadUrlAsync(engineer, id), engineer.Token, h => h.TryAddWithoutValidation("Range", range));

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(contentRange, response.Content.Headers.GetValues("Content-Range").Single());
        Assert.Equal(expected, Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync()));
    }

    [Theory]
    [InlineData("bytes=20-")]
    [InlineData("bytes=25-30, 40-")]
    [InlineData("bytes=-0")]
    public async Task A_range_past_the_end_is_416_with_the_size(string range)
    {
        var engineer = await fixture.EngineerAsync();
        var id = (await fixture.UploadAsync(engineer, new FilePart(Unique("digits.bin"), "x", Digits)))[0];

        using var response = await fixture.GetAsync(await fixture.DownloadUrlAsync(engineer, id), engineer.Token, h => h.TryAddWithoutValidation("Range", range));

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal("bytes */20", response.Content.Headers.GetValues("Content-Range").Single());
    }

    [Theory]
    [InlineData("bytes=5-2")]
    [InlineData("lines=1-2")]
    [InlineData("bytes=x-")]
    public async Task A_malformed_range_or_another_unit_gets_the_whole_file(string range)
    {
        var engineer = await fixture.EngineerAsync();
        var id = (await fixture.UploadAsync(engineer, new FilePart(Unique("digits.bin"), "x", Digits)))[0];

        using var response = await fixture.GetAsync(await fixture.DownloadUrlAsync(engineer, id), engineer.Token, h => h.TryAddWithoutValidation("Range", range));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Digits, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_file_of_several_blocks_downloads_byte_exact_whole_and_in_ranges_across_blocks() =>
        await LibraryDownloadServer.AssertSeveralBlocksDownloadExactlyAsync(fixture.Server, await fixture.EngineerAsync());

    [Fact]
    public async Task If_range_with_the_entity_tag_gets_the_range_and_with_another_the_whole_file_and_if_none_match_304()
    {
        var engineer = await fixture.EngineerAsync();
        var id = (await fixture.UploadAsync(engineer, new FilePart(Unique("digits.bin"), "x", Digits)))[0];
        var url = await fixture.DownloadUrlAsync(engineer, id);

        using var same = await fixture.GetAsync(url, engineer.Token, h =>
        {
            h.TryAddWithoutValidation("Range", "bytes=0-1");
            h.TryAddWithoutValidation("If-Range", ETagOf(Digits));
        });
        using var changed = await fixture.GetAsync(url, engineer.Token, h =>
        {
            h.TryAddWithoutValidation("Range", "bytes=0-1");
            h.TryAddWithoutValidation("If-Range", ETagOf([1, 2, 3]));
        });
        using var cached = await fixture.GetAsync(url, engineer.Token, h => h.TryAddWithoutValidation("If-None-Match", ETagOf(Digits)));

        Assert.Equal(HttpStatusCode.PartialContent, same.StatusCode);
        Assert.Equal("01", await same.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(Digits, await changed.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
    }

    [Fact]
    public async Task An_empty_file_downloads_empty_and_any_range_of_it_is_416()
    {
        var engineer = await fixture.EngineerAsync();
        var id = (await fixture.UploadAsync(engineer, new FilePart(Unique("empty.bin"), "x", [])))[0];
        var url = await fixture.DownloadUrlAsync(engineer, id);

        using var whole = await fixture.GetAsync(url, engineer.Token);
        using var range = await fixture.GetAsync(url, engineer.Token, h => h.TryAddWithoutValidation("Range", "bytes=0-"));

        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Empty(await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, range.StatusCode);
    }

    [Fact]
    public async Task One_file_of_a_folder_downloads_by_its_path_with_ranges_and_other_paths_are_404()
    {
        var engineer = await fixture.EngineerAsync();
        var folder = Unique("study");
        var id = (await fixture.UploadAsync(engineer, new FilePart(folder + "/t1/scan ü#.nii", "x", Digits), FilePart.Text(folder + "/readme.md", "hi")))[0];
        using var http = new GraphQLHttp(fixture.Server);
        var files = (await http.PostAsync(
            "query($id: ID!) { node(id: $id) { ... on LibraryEntry { files { nodes { path size sha256 downloadUrl } } } } }", new { id }, engineer.Token))
            .Data("node").GetProperty("files").GetProperty("nodes").EnumerateArray().ToArray();
        Assert.Equal(["readme.md", "t1/scan ü#.nii"], files.Select(f => f.GetProperty("path").GetString()));
        var url = files[1].GetProperty("downloadUrl").GetString()!;
        Assert.Equal($"/library/{id}/files/t1/scan%20%C3%BC%23.nii", url);

        using var whole = await fixture.GetAsync(url, engineer.Token);
        using var part = await fixture.GetAsync(url, engineer.Token, h => h.TryAddWithoutValidation("Range", "bytes=10-"));
        using var missing = await fixture.GetAsync($"/library/{id}/files/t1/other.nii", engineer.Token);
        using var encodedSlash = await fixture.GetAsync($"/library/{id}/files/t1%2Fscan%20%C3%BC%23.nii", engineer.Token);
        using var dotDot = await fixture.GetAsync($"/library/{id}/files/t1/..%2F..%2Freadme.md", engineer.Token);

        Assert.Equal(Digits, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal("scan ü#.nii", whole.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("abcdefghij", await part.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, encodedSlash.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, dotDot.StatusCode);
    }

    [Fact]
    public async Task Files_of_an_entry_come_in_pages_with_cursors()
    {
        var engineer = await fixture.EngineerAsync();
        var folder = Unique("paged");
        var id = (await fixture.UploadAsync(engineer, [.. Enumerable.Range(0, 5).Select(i => FilePart.Text($"{folder}/f{i}.txt", new string('x', i)))]))[0];
        const string Page = "query($id: ID!, $after: String) { node(id: $id) { ... on LibraryEntry { files(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { path size } } } } }";
        using var http = new GraphQLHttp(fixture.Server);

        var paths = new List<string>();
        string? after = null;
        var more = true;
        while (more)
        {
            var files = (await http.PostAsync(Page, new { id, after }, engineer.Token)).Data("node").GetProperty("files");
            Assert.Equal(5, files.GetProperty("totalCount").GetInt32());
            paths.AddRange(files.GetProperty("nodes").EnumerateArray().Select(f => f.GetProperty("path").GetString()!));
            more = files.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean();
            after = files.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        Assert.Equal(["f0.txt", "f1.txt", "f2.txt", "f3.txt", "f4.txt"], paths);
        var tooMany = await http.PostAsync("query($id: ID!) { node(id: $id) { ... on LibraryEntry { files(first: 1001) { totalCount } } } }", new { id }, engineer.Token);
        Assert.Equal("HC0051", tooMany.ErrorCode);
    }

    [Fact]
    public async Task A_file_entry_lists_its_one_file_under_its_name_linking_to_its_content()
    {
        var engineer = await fixture.EngineerAsync();
        var name = Unique("one.txt");
        var id = (await fixture.UploadAsync(engineer, new FilePart(name, "x", Digits)))[0];
        using var http = new GraphQLHttp(fixture.Server);

        var file = Assert.Single((await http.PostAsync(
            "query($id: ID!) { node(id: $id) { ... on LibraryEntry { files { nodes { path size sha256 downloadUrl } } } } }", new { id }, engineer.Token))
            .Data("node").GetProperty("files").GetProperty("nodes").EnumerateArray());

        Assert.Equal(name, file.GetProperty("path").GetString());
        Assert.Equal(20, file.GetProperty("size").GetInt64());
        Assert.Equal(ETagOf(Digits).Trim('"'), file.GetProperty("sha256").GetString());
        Assert.Equal($"/library/{id}/content", file.GetProperty("downloadUrl").GetString());
    }

    [Fact]
    public async Task Anonymous_is_401_a_role_without_download_403_and_an_entry_not_reached_404()
    {
        var engineer = await fixture.EngineerAsync();
        var researcher = await AccessServers.SignUpAsync(fixture.Server, "AI_RESEARCHER");
        var stranger = await fixture.EngineerAsync();
        var id = (await fixture.UploadAsync(engineer, new FilePart(Unique("secret.bin"), "x", Digits)))[0];
        var own = (await fixture.UploadAsync(researcher, new FilePart(Unique("mine.bin"), "x", Digits)))[0];
        var url = await fixture.DownloadUrlAsync(engineer, id);

        using var anonymous = await fixture.GetAsync(url, token: null);
        using var noPermission = await fixture.GetAsync($"/library/{own}/content", researcher.Token);
        using var notReached = await fixture.GetAsync(url, stranger.Token);
        using var noSuch = await fixture.GetAsync($"/library/{Ipp.Graph.GraphQL.GlobalId.Encode("LibraryEntry", long.MaxValue)}/content", stranger.Token);
        using var notAnEntry = await fixture.GetAsync($"/library/{Ipp.Graph.GraphQL.GlobalId.Encode("User", engineer.Id)}/content", engineer.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", await CodeAsync(anonymous));
        Assert.Equal(HttpStatusCode.Forbidden, noPermission.StatusCode);
        Assert.Equal("AUTH_NOT_AUTHORIZED", await CodeAsync(noPermission));
        Assert.Equal(HttpStatusCode.NotFound, notReached.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noSuch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAnEntry.StatusCode);
        Assert.Equal(await CodeAsync(noSuch), await CodeAsync(notReached));
    }

    [Fact]
    public async Task The_download_url_starts_with_the_public_base_url_when_one_is_set()
    {
        await using var server = await Ipp.Graph.Tests.Experiments.Write.WriteFixture.StartAsync("--Server:PublicBaseUrl=https://portal.example.org/api/");
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var id = (await LibraryDownloadServer.UploadTo(server, engineer, FilePart.Text("a.txt", "a")))[0];
        using var http = new GraphQLHttp(server);

        var url = (await http.PostAsync("query($id: ID!) { node(id: $id) { ... on LibraryEntry { downloadUrl } } }", new { id }, engineer.Token, cookie: null))
            .Data("node").GetProperty("downloadUrl").GetString();

        Assert.Equal($"https://portal.example.org/api/library/{id}/content", url);
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
}
