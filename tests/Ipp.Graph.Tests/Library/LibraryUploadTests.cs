using System.Net;
using System.Security.Cryptography;
using System.Text;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Ipp.Graph.Tests.Library.LibraryUploads;

namespace Ipp.Graph.Tests.Library;

/// <summary>uploadFiles through the real multipart transport into the real local blob store: entries, paths, refusals leaving nothing.</summary>
public sealed class LibraryUploadTests
{
    [Fact]
    public async Task Root_files_and_each_top_level_folder_become_one_entry_each_with_their_bytes_stored()
    {
        await using var server = await WriteFixture.StartAsync();
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");

        var response = await UploadAsync(
            server,
            engineer,
            new FilePart(null, "notes.txt", Encoding.UTF8.GetBytes("hello")),
            FilePart.Text("study/t1/scan.nii", "one"),
            FilePart.Text("study/readme.md", "two!"));

        var entries = Entries(response);
        Assert.Equal(2, entries.Length);
        Assert.Equal(("notes.txt", "FILE", 5L, 1), (entries[0].GetProperty("name").GetString(), entries[0].GetProperty("kind").GetString(), entries[0].GetProperty("size").GetInt64(), entries[0].GetProperty("fileCount").GetInt32()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("hello"u8)), entries[0].GetProperty("sha256").GetString());
        Assert.Equal(("study", "FOLDER", 7L, 2), (entries[1].GetProperty("name").GetString(), entries[1].GetProperty("kind").GetString(), entries[1].GetProperty("size").GetInt64(), entries[1].GetProperty("fileCount").GetInt32()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, entries[1].GetProperty("sha256").ValueKind);

        await using var db = await DatabaseAsync(server);
        var files = await db.Set<LibraryFile>().OrderBy(f => f.Id).ToListAsync();
        Assert.Equal([null, "t1/scan.nii", "readme.md"], files.Select(f => f.Path));
        Assert.Equal(["hello", "one", "two!"], files.Select(f => File.ReadAllText(Path.Combine(server.BlobFolder, f.BlobKey[..2], f.BlobKey))));
        Assert.Equal(3, BlobFiles(server).Length);

        using var http = new GraphQLHttp(server);
        var node = await http.PostAsync("query($id: ID!) { node(id: $id) { ... on LibraryEntry { name fileCount } } }", new { id = entries[1].GetProperty("id").GetString() }, engineer.Token);
        Assert.Equal("study", node.Data("node").GetProperty("name").GetString());
        var stranger = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var hidden = await http.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = entries[1].GetProperty("id").GetString() }, stranger.Token);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, hidden.Data("node").ValueKind);
        Assert.Empty(server.Logs.Errors);
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("study/../../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("\\\\server\\share\\x")]
    [InlineData("C:/Windows/x")]
    [InlineData("study//x")]
    [InlineData("study/")]
    [InlineData("study/./x")]
    [InlineData("study/CON")]
    [InlineData("nul.txt")]
    [InlineData("study/com1.tar.gz")]
    [InlineData(" ")]
    [InlineData("")]
    public async Task A_hostile_path_is_refused_and_nothing_is_stored(string path)
    {
        await using var server = await WriteFixture.StartAsync();
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");

        var response = await UploadAsync(server, engineer, FilePart.Text("fine.txt", "kept?"), new FilePart(path, "x", "bad"u8.ToArray()));

        var error = response.PayloadError("uploadFiles");
        Assert.Equal("INVALID_PATH", error.GetProperty("code").GetString());
        Assert.Equal(path, error.GetProperty("path").GetString());
        await AssertNothingStoredAsync(server);
    }

    [Fact]
    public async Task Unsafe_characters_become_underscores_and_two_files_at_one_path_are_refused()
    {
        await using var server = await WriteFixture.StartAsync();
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");

        var stored = Entries(await UploadAsync(server, engineer, FilePart.Text("what?<is>|this*.txt", "x")));
        Assert.Equal("what__is__this_.txt", Assert.Single(stored).GetProperty("name").GetString());

        var twice = await UploadAsync(server, engineer, FilePart.Text("study/A.txt", "1"), FilePart.Text("study/a.txt", "2"));
        Assert.Equal("INVALID_PATH", twice.PayloadErrorCode("uploadFiles"));
        var fileAndFolder = await UploadAsync(server, engineer, FilePart.Text("study/a", "1"), FilePart.Text("study/a/b", "2"));
        Assert.Equal("INVALID_PATH", fileAndFolder.PayloadErrorCode("uploadFiles"));
        Assert.Single(BlobFiles(server));

        // Without a path the part's file name is used, as safely: its last segment, never a device name.
        var fromName = Entries(await UploadAsync(server, engineer, new FilePart(null, "../../up.txt", "x"u8.ToArray())));
        Assert.Equal("up.txt", Assert.Single(fromName).GetProperty("name").GetString());
        var device = await UploadAsync(server, engineer, new FilePart(null, "dir/AUX.log", "x"u8.ToArray()));
        Assert.Equal("INVALID_PATH", device.PayloadErrorCode("uploadFiles"));
        Assert.Equal(2, BlobFiles(server).Length);
    }

    [Fact]
    public async Task A_name_already_in_the_library_stores_nothing_and_other_users_may_use_it()
    {
        await using var server = await WriteFixture.StartAsync();
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var researcher = await AccessServers.SignUpAsync(server, "AI_RESEARCHER");
        Assert.Single(Entries(await UploadAsync(server, engineer, FilePart.Text("scan.nii", "first"))));

        var again = await UploadAsync(server, engineer, FilePart.Text("other.txt", "x"), FilePart.Text("SCAN.nii/inside.txt", "second"));

        var error = again.PayloadError("uploadFiles");
        Assert.Equal(("ENTRY_NAME_TAKEN", "scan.nii"), (error.GetProperty("code").GetString(), error.GetProperty("name").GetString()));
        Assert.Single(BlobFiles(server));
        Assert.Single(Entries(await UploadAsync(server, researcher, FilePart.Text("scan.nii", "theirs"))));
    }

    [Fact]
    public async Task A_folder_over_the_file_limit_is_refused()
    {
        await using var server = await WriteFixture.StartAsync("--Library:MaxFolderFiles=2");
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");

        var response = await UploadAsync(server, engineer, FilePart.Text("f/1", "1"), FilePart.Text("f/2", "2"), FilePart.Text("f/3", "3"));

        var error = response.PayloadError("uploadFiles");
        Assert.Equal(("FOLDER_TOO_LARGE", 2), (error.GetProperty("code").GetString(), error.GetProperty("maxFiles").GetInt32()));
        await AssertNothingStoredAsync(server);
    }

    [Fact]
    public async Task The_library_counts_against_the_quota_experiments_share()
    {
        await using var server = await WriteFixture.StartAsync("--Experiments:MaxUserBytes=1000");
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");

        var fits = await UploadAsync(server, engineer, FilePart.Text("a.bin", new string('x', 600)));
        Assert.Single(Entries(fits));
        // The file alone (250 bytes) fits what is left (294); with its names, checksum and key it does not.
        var over = await UploadAsync(server, engineer, FilePart.Text("b.bin", new string('y', 250)));

        var error = over.PayloadError("uploadFiles");
        Assert.Equal("QUOTA_EXCEEDED", error.GetProperty("code").GetString());
        Assert.Equal(1000, error.GetProperty("maxBytes").GetInt64());
        Assert.Single(BlobFiles(server));
    }

    [Fact]
    public async Task A_role_without_files_write_uploads_nothing()
    {
        await using var server = await WriteFixture.StartAsync();
        var maintainer = await AccessServers.SignUpAsync(server, "MAINTAINER");

        var response = await UploadAsync(server, maintainer, FilePart.Text("a.txt", "x"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("AUTH_NOT_AUTHORIZED", response.ErrorCode);
        await AssertNothingStoredAsync(server);
    }

    private static async Task AssertNothingStoredAsync(RunningServer server)
    {
        await using var db = await DatabaseAsync(server);
        Assert.Empty(await db.Set<LibraryEntry>().ToListAsync());
        Assert.Empty(await db.Set<LibraryFile>().ToListAsync());
        Assert.Empty(BlobFiles(server));
    }
}
