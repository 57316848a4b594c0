using System.Text.Json;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Tests.Accounts;
using static Ipp.Graph.Tests.Experiments.Write.WriteFixture;

namespace Ipp.Graph.Tests.Experiments.Write;

/// <summary><c>createExperiment</c> over HTTP without files: the folder in its namespace, experiment.json, the row, its event; refusals leave nothing.</summary>
public sealed class WriteCreateTests
{
    [Fact]
    public async Task ADraftGetsItsFolderInEditingWithItsManifest()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");

        var response = await CreateAsync(http, ada, new
        {
            application = "demo",
            name = "First run",
            description = "Trying the portal",
            parameters = new { threshold = 3, mode = "fast", ratio = 0.5 },
            draft = true,
        });

        var experiment = response.Data("createExperiment").GetProperty("experiment");
        var eid = EidOf(experiment);
        Assert.Equal("First run", experiment.GetProperty("name").GetString());
        Assert.Equal("Trying the portal", experiment.GetProperty("description").GetString());
        Assert.Equal("demo", experiment.GetProperty("applicationKey").GetString());
        Assert.Equal("EDITING", experiment.GetProperty("status").GetString());
        // The API shows the values of the application's fields; experiment.json adds the name and description under
        // the catalogue's fields for them, as the portal's backends read them.
        Assert.Equal("""{"threshold":3,"mode":"fast","ratio":0.5}""", experiment.GetProperty("parameters").GetRawText());
        Assert.Equal("ada@example.org", experiment.GetProperty("owner").GetProperty("email").GetString());

        var folder = FolderOf(server, ada.Id, "editing", eid);
        Assert.Equal(["experiment.json"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        Assert.Equal([$"{ada.Id}/editing/{eid}"], ExperimentFolders(server.UploadFolder));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "experiment.json")));
        var root = manifest.RootElement;
        Assert.Equal(
            ["id", "application", "name", "description", "parameters", "owner", "createdAt", "files"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(eid, root.GetProperty("id").GetInt64());
        Assert.Equal("demo", root.GetProperty("application").GetString());
        Assert.Equal("First run", root.GetProperty("name").GetString());
        Assert.Equal("Trying the portal", root.GetProperty("description").GetString());
        Assert.Equal(
            """{"experimentName":"First run","experimentDescription":"Trying the portal","threshold":3,"mode":"fast","ratio":0.5}""",
            root.GetProperty("parameters").GetRawText());
        Assert.Equal(ada.Id, root.GetProperty("owner").GetProperty("id").GetInt64());
        Assert.Equal("ada@example.org", root.GetProperty("owner").GetProperty("email").GetString());
        Assert.Equal(experiment.GetProperty("createdAt").GetString(), root.GetProperty("createdAt").GetString());
        Assert.Equal(0, root.GetProperty("files").GetArrayLength());

        var row = Assert.Single(await RowsAsync(server));
        Assert.Equal((eid, ada.Id, ExperimentStatus.Editing, StoredBytesOf(row, folder)), (row.Id, row.UserId, row.Status, row.StoredBytes));
        var created = Assert.Single(await EventsAsync(server));
        Assert.Equal((eid, ada.Id, ExperimentStatus.Editing, (ExperimentStatus?)null), (created.ExperimentId, created.UserId, created.Status, created.PreviousStatus));
        Assert.Equal(Instants.Rfc3339(created.OccurredAt), experiment.GetProperty("statusChangedAt").GetString());
        Assert.Empty(EntriesOf(server, Staging));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task WithoutDraftItIsSubmittedAtOnce()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");

        var response = await CreateAsync(http, ada, new { application = "demo", name = "Go" });

        var experiment = response.Data("createExperiment").GetProperty("experiment");
        var eid = EidOf(experiment);
        Assert.Equal("SUBMITTED", experiment.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, experiment.GetProperty("description").ValueKind);
        Assert.Equal("{}", experiment.GetProperty("parameters").GetRawText());
        Assert.Equal([$"{ada.Id}/submitted/{eid}"], ExperimentFolders(server.UploadFolder));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(FolderOf(server, ada.Id, "submitted", eid), "experiment.json")));
        Assert.Equal(JsonValueKind.Null, manifest.RootElement.GetProperty("description").ValueKind);
        Assert.Equal("""{"experimentName":"Go"}""", manifest.RootElement.GetProperty("parameters").GetRawText());
        Assert.Equal(ExperimentStatus.Submitted, Assert.Single(await EventsAsync(server)).Status);
    }

    [Fact]
    public async Task AnAnonymousCallerIsRefused()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);

        var response = await http.PostAsync(Create, new { input = new { application = "demo", name = "Nobody's", draft = true } });

        Assert.Equal("AUTH_NOT_AUTHENTICATED", response.ErrorCode);
        Assert.Empty(await RowsAsync(server));
        Assert.Empty(ExperimentFolders(server.UploadFolder));
    }

    public static TheoryData<string, string, string> BadValues => new()
    {
        { """{"application":"demo","name":""}""", "name", "the experiment's name is required" },
        { """{"application":"demo","name":"   "}""", "name", "the experiment's name is required" },
        { "{\"application\":\"demo\",\"name\":\"" + new string('n', 201) + "\"}", "name", "the experiment's name must be text of at most 200 characters" },
        { "{\"application\":\"demo\",\"name\":\"ok\",\"description\":\"" + new string('d', 4001) + "\"}", "description", "the experiment's description must be text of at most 4000 characters" },
        { """{"application":"demo","name":"ok","parameters":[1,2]}""", "parameters", "parameters must be a JSON object" },
        { """{"application":"demo","name":"ok","parameters":{"threshold":11}}""", "threshold", "'threshold' must be an integer from 1 to 10" },
        { """{"application":"demo","name":"ok","parameters":{"mode":"slow"}}""", "mode", "'mode' must be one of 'fast', 'exact'" },
        { """{"application":"demo","name":"ok","parameters":{"colour":"red"}}""", "colour", "unknown parameter 'colour'" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task InvalidValuesAreRefusedWithTheFieldAndLeaveNothing(string input, string field, string message)
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");

        var response = await http.PostAsync(Create, new { input = JsonDocument.Parse(input).RootElement }, ada.Token);

        var error = response.PayloadError("createExperiment");
        Assert.Equal("InvalidParametersError", error.GetProperty("__typename").GetString());
        Assert.Equal("INVALID_PARAMETERS", error.GetProperty("code").GetString());
        var problem = Assert.Single(error.GetProperty("problems").EnumerateArray());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(message, problem.GetProperty("message").GetString());
        Assert.Equal($"The experiment's values are invalid: {message}.", error.GetProperty("message").GetString());
        Assert.Empty(await RowsAsync(server));
        Assert.Empty(ExperimentFolders(server.UploadFolder));
        Assert.Empty(EntriesOf(server, Staging));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task EveryProblemIsListed()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");

        var response = await CreateAsync(http, ada, new { application = "demo", name = "", parameters = new { threshold = 0, colour = "red" } });

        var error = response.PayloadError("createExperiment");
        Assert.Equal("INVALID_PARAMETERS", error.GetProperty("code").GetString());
        Assert.Equal(
            """[{"field":"name","message":"the experiment's name is required"},{"field":"threshold","message":"'threshold' must be an integer from 1 to 10"},{"field":"colour","message":"unknown parameter 'colour'"}]""",
            error.GetProperty("problems").GetRawText());
        Assert.Empty(await RowsAsync(server));
    }

    [Fact]
    public async Task AnUnknownApplicationIsRefusedAndLeavesNothing()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");

        var response = await CreateAsync(http, ada, new { application = "image-statistics", name = "Not in this catalogue" });

        var error = response.PayloadError("createExperiment");
        Assert.Equal("APPLICATION_UNKNOWN", error.GetProperty("code").GetString());
        Assert.Equal("No application has the key 'image-statistics'.", error.GetProperty("message").GetString());
        Assert.Equal("image-statistics", error.GetProperty("application").GetString());
        Assert.Empty(await RowsAsync(server));
        Assert.Empty(ExperimentFolders(server.UploadFolder));
        Assert.Empty(server.Logs.Errors);
    }
}
