using System.Globalization;
using System.Net;
using System.Text;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.Multipart;
using static Ipp.Graph.Tests.Experiments.Write.WriteFixture;

namespace Ipp.Graph.Tests.Experiments.Write;

/// <summary>
/// Storage that cannot be written (<c>UPLOAD_FOLDER</c> itself, <c>.staging</c>, <c>.incoming</c>, a namespace
/// folder) is a clear <c>STORAGE_UNAVAILABLE</c> (HTTP 503 where the multipart transport stores the files), logged
/// once as an error naming the path, and leaves nothing: no row, no event, no folder, nothing in .staging or .incoming.
/// The folders are made unwritable for root too (<see cref="UnwritableFolder"/>).
/// </summary>
public sealed class WriteStorageUnavailableTests
{
    private const string Message = "The server cannot store files right now. Please try again later.";

    [Theory]
    [InlineData("", Unwritable.ReadOnly)]
    [InlineData("", Unwritable.NotAFolder)]
    [InlineData(Staging, Unwritable.ReadOnly)]
    [InlineData(Staging, Unwritable.NotAFolder)]
    [InlineData("{uid}/submitted", Unwritable.ReadOnly)]
    [InlineData("{uid}/submitted", Unwritable.NotAFolder)]
    public async Task CreatingWithoutFilesIsRefusedAndLeavesNothing(string folder, Unwritable kind)
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var path = PathOf(server, folder, ada);

        GraphQLResponse response;
        using (UnwritableFolder.Make(path, kind, server.Folder))
        {
            response = await CreateAsync(http, ada, new { application = "demo", name = "Nowhere to go" });
        }

        AssertUnavailable(response);
        await AssertNothingLeftAsync(server);
        AssertLoggedOnce(server, path);
    }

    [Theory]
    [InlineData(Incoming, Unwritable.ReadOnly)]
    [InlineData(Incoming, Unwritable.NotAFolder)]
    [InlineData("", Unwritable.ReadOnly)]
    public async Task FilesThatCannotBeReceivedAreA503AndLeaveNothing(string folder, Unwritable kind)
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        using var client = server.CreateClient();
        var ada = await SignUpAsync(http, "ada@example.org");
        var path = PathOf(server, folder, ada);

        GraphQLResponse response;
        using (UnwritableFolder.Make(path, kind, server.Folder))
        {
            response = await WriteMultipart.CreateAsync(
                client, ada.Token, new { application = "demo", name = "Scans" }, new WriteMultipart.FilePart("images", "scan.nii", Encoding.UTF8.GetBytes("a scan")));
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.Status);
        AssertUnavailable(response);
        await AssertNothingLeftAsync(server);
        AssertLoggedOnce(server, path);
    }

    [Fact]
    public async Task FilesReceivedButNotStoredLeaveNothing()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        using var client = server.CreateClient();
        var ada = await SignUpAsync(http, "ada@example.org");
        var staging = PathOf(server, Staging, ada);

        GraphQLResponse response;
        using (UnwritableFolder.Make(staging, Unwritable.ReadOnly, server.Folder))
        {
            response = await WriteMultipart.CreateAsync(
                client, ada.Token, new { application = "demo", name = "Scans" }, new WriteMultipart.FilePart("images", "scan.nii", Encoding.UTF8.GetBytes("a scan")));
        }

        Assert.Equal(HttpStatusCode.OK, response.Status);
        AssertUnavailable(response);
        await AssertNothingLeftAsync(server);
        AssertLoggedOnce(server, staging);
    }

    [Theory]
    [InlineData(Unwritable.ReadOnly)]
    [InlineData(Unwritable.NotAFolder)]
    public async Task ASubmissionThatCannotMoveTheFolderLeavesTheDraft(Unwritable kind)
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var eid = await CreateDraftAsync(http, ada);
        var submitted = PathOf(server, "{uid}/submitted", ada);

        GraphQLResponse response;
        using (UnwritableFolder.Make(submitted, kind, server.Folder))
        {
            response = await http.PostAsync(Submit, new { id = IdOf(eid) }, ada.Token);
        }

        AssertUnavailable(response);
        Assert.Equal([$"{ada.Id}/editing/{eid}"], ExperimentFolders(server.UploadFolder));
        Assert.Equal(ExperimentStatus.Editing, Assert.Single(await RowsAsync(server)).Status);
        Assert.Single(await EventsAsync(server));
        Assert.Empty(EntriesOf(server, Staging));
        AssertLoggedOnce(server, submitted);
    }

    [Fact]
    public async Task ADeletionThatCannotMoveTheFolderLeavesTheExperiment()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var eid = await CreateDraftAsync(http, ada);
        var staging = PathOf(server, Staging, ada);

        GraphQLResponse response;
        using (UnwritableFolder.Make(staging, Unwritable.ReadOnly, server.Folder))
        {
            response = await http.PostAsync(Delete, new { id = IdOf(eid) }, ada.Token);
        }

        AssertUnavailable(response);
        Assert.Equal([$"{ada.Id}/editing/{eid}"], ExperimentFolders(server.UploadFolder));
        Assert.Single(await RowsAsync(server));
        AssertLoggedOnce(server, staging);
    }

    /// <summary>The folder a case names: the uploads root for "", <c>{uid}</c> standing for the user's id.</summary>
    private static string PathOf(RunningServer server, string folder, WriteUser user) =>
        Path.Combine(server.UploadFolder, folder.Replace("{uid}", user.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
            .TrimEnd('/');

    private static void AssertUnavailable(GraphQLResponse response)
    {
        Assert.Equal("STORAGE_UNAVAILABLE", response.ErrorCode);
        Assert.Equal(Message, response.ErrorMessage);
        Assert.Equal(["code"], response.Error.GetProperty("extensions").EnumerateObject().Select(p => p.Name));
    }

    /// <summary>No row, no event, no folder in a namespace, nothing in .staging or .incoming (once the folders are back).</summary>
    private static async Task AssertNothingLeftAsync(RunningServer server)
    {
        Assert.Empty(await RowsAsync(server));
        Assert.Empty(await EventsAsync(server));
        Assert.Empty(ExperimentFolders(server.UploadFolder));
        Assert.Empty(EntriesOf(server, Staging));
        await server.AssertIncomingEmptiesAsync();
    }

    /// <summary>
    /// One warning or error of the server's in the whole log (so no masked "Unexpected error" either): the failure as
    /// an error naming the path, with no stack trace.
    /// </summary>
    private static void AssertLoggedOnce(RunningServer server, string path)
    {
        var logged = Assert.Single(server.Logs.ServerWarnings);
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.StartsWith("The server cannot store files: could not ", logged.Message);
        Assert.Contains(path, logged.Message);
        Assert.Null(logged.Exception);
    }
}
