using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Tests.Accounts;
using Microsoft.EntityFrameworkCore;
using static Ipp.Graph.Tests.Experiments.Write.WriteFixture;

namespace Ipp.Graph.Tests.Experiments.Write;

/// <summary><c>submitExperiment</c> and <c>deleteExperiment</c> over HTTP: folders move or go, rows and events follow, others' experiments stay out of reach.</summary>
public sealed class WriteSubmitDeleteTests
{
    [Fact]
    public async Task SubmittingMovesTheDraftsFolderToSubmitted()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var eid = await CreateDraftAsync(http, ada);
        var manifest = File.ReadAllText(Path.Combine(FolderOf(server, ada.Id, "editing", eid), "experiment.json"));

        var response = await http.PostAsync(Submit, new { id = IdOf(eid) }, ada.Token);

        var experiment = response.Data("submitExperiment").GetProperty("experiment");
        Assert.Equal("SUBMITTED", experiment.GetProperty("status").GetString());
        Assert.Equal([$"{ada.Id}/submitted/{eid}"], ExperimentFolders(server.UploadFolder));
        Assert.Equal(manifest, File.ReadAllText(Path.Combine(FolderOf(server, ada.Id, "submitted", eid), "experiment.json")));
        Assert.Equal(ExperimentStatus.Submitted, Assert.Single(await RowsAsync(server)).Status);
        var events = await EventsAsync(server);
        Assert.Equal(
            [(ExperimentStatus.Editing, (ExperimentStatus?)null), (ExperimentStatus.Submitted, ExperimentStatus.Editing)],
            events.Select(e => (e.Status, e.PreviousStatus)));
        Assert.Equal(Instants.Rfc3339(events[1].OccurredAt), experiment.GetProperty("statusChangedAt").GetString());
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task OnlyADraftCanBeSubmitted()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var eid = await CreateDraftAsync(http, ada);
        await http.PostAsync(Submit, new { id = IdOf(eid) }, ada.Token);

        var again = await http.PostAsync(Submit, new { id = IdOf(eid) }, ada.Token);

        var error = again.PayloadError("submitExperiment");
        Assert.Equal("EXPERIMENT_NOT_EDITABLE", error.GetProperty("code").GetString());
        Assert.Equal("Only a draft (EDITING) can be submitted; this experiment is SUBMITTED.", error.GetProperty("message").GetString());
        Assert.Equal("SUBMITTED", error.GetProperty("status").GetString());
        Assert.Equal([$"{ada.Id}/submitted/{eid}"], ExperimentFolders(server.UploadFolder));
        Assert.Equal(2, (await EventsAsync(server)).Count);
    }

    [Fact]
    public async Task DeletingADraftRemovesItsFolderAndRow()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var eid = await CreateDraftAsync(http, ada);

        var response = await http.PostAsync(Delete, new { id = IdOf(eid) }, ada.Token);

        Assert.Equal(IdOf(eid), response.Data("deleteExperiment").GetProperty("deletedId").GetString());
        Assert.Empty(ExperimentFolders(server.UploadFolder));
        Assert.Empty(EntriesOf(server, Staging));
        Assert.Empty(await RowsAsync(server));
        var node = await http.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = IdOf(eid) }, ada.Token);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, node.Data("node").ValueKind);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task AFinishedExperimentCanBeDeleted()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var eid = (await CreateAsync(http, ada, new { application = "demo", name = "Run" })).Data("createExperiment").GetProperty("experiment");
        var id = EidOf(eid);
        // The backend finishes: the folder moves to completed/ with an output; the database follows.
        var completed = FolderOf(server, ada.Id, "completed", id);
        Directory.CreateDirectory(Path.GetDirectoryName(completed)!);
        Directory.Move(FolderOf(server, ada.Id, "submitted", id), completed);
        Directory.CreateDirectory(Path.Combine(completed, "results"));
        File.WriteAllText(Path.Combine(completed, "results", "mask.nii"), "output");
        await SetStatusAsync(server, id, ExperimentStatus.Completed);

        var response = await http.PostAsync(Delete, new { id = IdOf(id) }, ada.Token);

        Assert.Equal(IdOf(id), response.Data("deleteExperiment").GetProperty("deletedId").GetString());
        Assert.Empty(ExperimentFolders(server.UploadFolder));
        Assert.Empty(EntriesOf(server, Staging));
        Assert.Empty(await RowsAsync(server));
    }

    [Theory]
    [InlineData("SUBMITTED", ExperimentStatus.Submitted)]
    [InlineData("RUNNING", ExperimentStatus.Running)]
    public async Task AnExperimentTheBackendMayBeWorkingOnIsBusy(string name, ExperimentStatus status)
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var id = EidOf((await CreateAsync(http, ada, new { application = "demo", name = "Run" })).Data("createExperiment").GetProperty("experiment"));
        if (status == ExperimentStatus.Running)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FolderOf(server, ada.Id, "running", id))!);
            Directory.Move(FolderOf(server, ada.Id, "submitted", id), FolderOf(server, ada.Id, "running", id));
            await SetStatusAsync(server, id, status);
        }

        var response = await http.PostAsync(Delete, new { id = IdOf(id) }, ada.Token);

        var error = response.PayloadError("deleteExperiment");
        Assert.Equal("EXPERIMENT_BUSY", error.GetProperty("code").GetString());
        Assert.Equal($"The experiment is {name}: the backend may be working on it, so it cannot be deleted until it is COMPLETED or FAILED.", error.GetProperty("message").GetString());
        Assert.Equal(name, error.GetProperty("status").GetString());
        Assert.Equal([$"{ada.Id}/{name.ToLowerInvariant()}/{id}"], ExperimentFolders(server.UploadFolder));
        Assert.Single(await RowsAsync(server));
    }

    [Fact]
    public async Task AnotherUsersExperimentIsNotFoundLikeAMissingOne()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var bob = await SignUpAsync(http, "bob@example.org");
        var eid = await CreateDraftAsync(http, ada);

        foreach (var (operation, field) in new[] { (Submit, "submitExperiment"), (Delete, "deleteExperiment") })
        {
            var others = (await http.PostAsync(operation, new { id = IdOf(eid) }, bob.Token)).PayloadError(field);
            var missing = (await http.PostAsync(operation, new { id = IdOf(eid + 1000) }, ada.Token)).PayloadError(field);

            Assert.Equal("EXPERIMENT_NOT_FOUND", others.GetProperty("code").GetString());
            Assert.Equal($"You have no experiment with id '{IdOf(eid)}'.", others.GetProperty("message").GetString());
            Assert.Equal(IdOf(eid), others.GetProperty("id").GetString());
            Assert.Equal("EXPERIMENT_NOT_FOUND", missing.GetProperty("code").GetString());
            Assert.Equal($"You have no experiment with id '{IdOf(eid + 1000)}'.", missing.GetProperty("message").GetString());
        }

        Assert.Equal([$"{ada.Id}/editing/{eid}"], ExperimentFolders(server.UploadFolder));
        Assert.Equal(ExperimentStatus.Editing, Assert.Single(await RowsAsync(server)).Status);
        Assert.Empty(server.Logs.Errors);
    }

    [Theory]
    [InlineData("not an id")]
    [InlineData("VXNlcjox")] // User:1
    [InlineData("RXhwZXJpbWVudDowMQ")] // Experiment:01, a second spelling of Experiment:1
    public async Task AnIdThatNamesNoExperimentIsNotFound(string id)
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        await CreateDraftAsync(http, ada);

        Assert.Equal("EXPERIMENT_NOT_FOUND", (await http.PostAsync(Submit, new { id }, ada.Token)).PayloadErrorCode("submitExperiment"));
        Assert.Equal("EXPERIMENT_NOT_FOUND", (await http.PostAsync(Delete, new { id }, ada.Token)).PayloadErrorCode("deleteExperiment"));
        Assert.Single(await RowsAsync(server));
    }

    [Fact]
    public async Task AnAnonymousCallerCanNeitherSubmitNorDelete()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var eid = await CreateDraftAsync(http, ada);

        Assert.Equal("AUTH_NOT_AUTHENTICATED", (await http.PostAsync(Submit, new { id = IdOf(eid) })).ErrorCode);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (await http.PostAsync(Delete, new { id = IdOf(eid) })).ErrorCode);
        Assert.Equal([$"{ada.Id}/editing/{eid}"], ExperimentFolders(server.UploadFolder));
    }

    /// <summary>Records a status the backend's folder move led to, as the live side does.</summary>
    private static async Task SetStatusAsync(Support.RunningServer server, long eid, ExperimentStatus status)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync();
        await db.Experiments.Where(e => e.Id == eid).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, status));
    }
}
