using System.Net;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Microsoft.EntityFrameworkCore;
using static Ipp.Graph.Tests.Library.LibraryUploads;

namespace Ipp.Graph.Tests.Library.Upload;

/// <summary>
/// Who may send files: the multipart transport lets through a caller holding experiments:write or files:write, and
/// the field then checks its own permission. On this server being signed in gives nothing, DATA_ENGINEER only files
/// and MAINTAINER only experiments (as on <see cref="AccessServers.Bare"/>).
/// </summary>
public sealed class LibraryUploadPermissionTests
{
    private static readonly string[] Settings =
    [
        .. AccessServers.BareSettings,
        "--Permissions:Roles:DATA_ENGINEER:0=files:read",
        "--Permissions:Roles:DATA_ENGINEER:1=files:write",
    ];

    [Fact]
    public async Task A_role_with_files_write_but_not_experiments_write_uploads_to_the_library()
    {
        await using var server = await WriteFixture.StartAsync(Settings);
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");

        var response = await UploadAsync(server, engineer, FilePart.Text("scan.nii", "bytes"));

        Assert.Equal("scan.nii", Assert.Single(Entries(response)).GetProperty("name").GetString());
        await using var db = await DatabaseAsync(server);
        Assert.Equal(engineer.Id, (await db.Set<LibraryEntry>().SingleAsync()).OwnerId);
    }

    [Fact]
    public async Task Experiments_write_lets_the_files_in_but_the_library_still_refuses_and_neither_refuses_at_the_door()
    {
        await using var server = await WriteFixture.StartAsync(Settings);
        var maintainer = await AccessServers.SignUpAsync(server, "MAINTAINER");
        var nobody = await AccessServers.SignUpAsync(server);

        var byMaintainer = await UploadAsync(server, maintainer, FilePart.Text("a.txt", "x"));
        var byNobody = await UploadAsync(server, nobody, FilePart.Text("a.txt", "x"));

        Assert.Equal((HttpStatusCode.OK, "AUTH_NOT_AUTHORIZED"), (byMaintainer.Status, byMaintainer.ErrorCode));
        Assert.Equal((HttpStatusCode.Forbidden, "AUTH_NOT_AUTHORIZED"), (byNobody.Status, byNobody.ErrorCode));
        await using var db = await DatabaseAsync(server);
        Assert.Empty(await db.Set<LibraryEntry>().ToListAsync());
        Assert.Empty(BlobFiles(server));
    }
}
