using System.Text;
using System.Text.Json;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Tokens;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Picas;
using Ipp.Graph.Picas.Entities;
using Ipp.Graph.Tests.Experiments.Write;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Tests.Picas.Experiments;

/// <summary>
/// What createExperiment, submitExperiment and deleteImage answer for experiments on images, on a real server with a
/// real pool: typed errors that change nothing for what a client got wrong, drafts that get their token when
/// submitted, an image kept while experiments on it wait or run, and outputs that become one library entry however
/// often the completion is seen.
/// </summary>
public sealed class ImageExperimentInputTests(TokenPoolFixture fixture) : IClassFixture<TokenPoolFixture>
{
    private TokenPoolServer Pool => fixture.Pool;

    [Fact]
    public async Task An_unknown_image_and_one_the_callers_roles_do_not_reach_are_both_application_unknown()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var engineer = await Pool.SignUpAsync("DATA_ENGINEER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);

        var unknown = await Pool.CreateExperimentAsync(researcher, GlobalId.Encode("ContainerImage", 987654), new { text = "x" });
        var unreached = await Pool.CreateExperimentAsync(engineer, image, new { text = "x" });

        Assert.Equal("APPLICATION_UNKNOWN", Error(unknown).GetProperty("code").GetString());
        Assert.Equal("APPLICATION_UNKNOWN", Error(unreached).GetProperty("code").GetString());
        await using var db = await DatabaseAsync();
        Assert.False(await db.Experiments.AnyAsync(e => e.UserId == researcher.Id || e.UserId == engineer.Id));
    }

    [Fact]
    public async Task A_draft_on_an_image_the_callers_roles_no_longer_reach_is_application_unknown_when_submitted_and_stays_a_draft()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var id = TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "x" }, draft: true));
        await Pool.PostAsync(
            "mutation($id: ID!) { setImageRoles(input: {id: $id, roles: [DATA_ENGINEER]}) { image { id } } }", new { id = image }, fixture.Maintainer);

        var refused = (await Pool.PostAsync(TokenPoolServer.Submit, new { id }, researcher)).PayloadError("submitExperiment");

        Assert.Equal("APPLICATION_UNKNOWN", refused.GetProperty("code").GetString());
        Assert.Equal("EDITING", (await Pool.ReadAsync(researcher, id)).GetProperty("status").GetString());
        await using var db = await DatabaseAsync();
        var tokenId = TokenPoolServer.TokenIdOf(id);
        Assert.False(await db.Set<PicasOutboxEntry>().AnyAsync(e => e.TokenId == tokenId));
    }

    [Fact]
    public async Task Parameters_that_break_the_images_definition_are_invalid_parameters_naming_each()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);

        var payload = await Pool.CreateExperimentAsync(researcher, image, new { count = 99, extra = true });

        var error = Error(payload);
        Assert.Equal("INVALID_PARAMETERS", error.GetProperty("code").GetString());
        var fields = error.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString()).ToList();
        Assert.Contains("text", fields);
        Assert.Contains("count", fields);
        Assert.Contains("extra", fields);
    }

    [Fact]
    public async Task An_uploaded_file_is_refused_naming_its_parameter_and_an_unusable_tag_is_tag_not_found()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var other = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var othersTag = await Pool.CreateTagAsync(other, "theirs");

        using var client = Pool.Server.CreateClient();
        var uploaded = await WriteMultipart.CreateAsync(
            client, researcher.Token, new { application = image, name = "with upload", parameters = new { text = "x" } },
            new WriteMultipart.FilePart("data", "reads.txt", Encoding.UTF8.GetBytes("ACGT")));
        var tagged = await Pool.CreateExperimentAsync(researcher, image, new { text = "x" }, tags: [othersTag]);

        var refusal = uploaded.PayloadError("createExperiment");
        Assert.Equal("UPLOAD_NOT_ACCEPTED", refusal.GetProperty("code").GetString());
        Assert.Contains("'data'", refusal.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("TAG_NOT_FOUND", Error(tagged).GetProperty("code").GetString());
        await using var db = await DatabaseAsync();
        Assert.False(await db.Experiments.AnyAsync(e => e.UserId == researcher.Id));
    }

    [Fact]
    public async Task A_draft_gets_no_token_until_it_is_submitted_then_its_token_reaches_the_pool()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var entry = await Pool.UploadAsync(researcher, "draft.txt", "input");

        var draft = await Pool.CreateExperimentAsync(researcher, image, new { text = "x" }, entry, draft: true);
        var id = TokenPoolServer.IdOf(draft);
        Assert.Equal("EDITING", draft.GetProperty("experiment").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("experiment").GetProperty("tokenState").ValueKind);
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("experiment").GetProperty("logs").ValueKind);
        var tokenId = TokenPoolServer.TokenIdOf(id);
        await using (var db = await DatabaseAsync())
        {
            Assert.False(await db.Set<PicasOutboxEntry>().AnyAsync(e => e.TokenId == tokenId));
        }

        var submitted = (await Pool.PostAsync(TokenPoolServer.Submit, new { id }, researcher)).Data("submitExperiment");
        Assert.Equal("SUBMITTED", submitted.GetProperty("experiment").GetProperty("status").GetString());
        await Pool.InPoolAsync(researcher, id);
        var token = await Pool.TokenAsync(tokenId);
        Assert.Equal("x", token["parameters"]!["text"]!.GetValue<string>());
        Assert.Single(token["inputs"]!.AsArray());
        var input = Assert.Single(submitted.GetProperty("experiment").GetProperty("inputs").EnumerateArray());
        // Nothing is copied: the input is the library file's blob, downloaded from the experiment as a copied one is.
        Assert.Equal($"/experiments/{id}/files/draft.txt", input.GetProperty("downloadUrl").GetString());
        var again = (await Pool.PostAsync(TokenPoolServer.Submit, new { id }, researcher)).PayloadError("submitExperiment");
        Assert.Equal("EXPERIMENT_NOT_EDITABLE", again.GetProperty("code").GetString());
        await Pool.RunPilotAsync();
        await Pool.WaitForAsync(researcher, id, e => e.GetProperty("status").GetString() == "COMPLETED");
    }

    [Fact]
    public async Task An_image_with_a_waiting_experiment_is_in_use_and_is_deleted_once_it_ended_the_experiment_keeping_its_snapshot()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var id = TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "x" }));
        const string Delete = "mutation($id: ID!) { deleteImage(input: {id: $id}) { deletedId errors { __typename ... on Error { code message } ... on ImageInUseError { id experiments } } } }";

        var refused = (await Pool.PostAsync(Delete, new { id = image }, fixture.Maintainer)).PayloadError("deleteImage");
        Assert.Equal("IMAGE_IN_USE", refused.GetProperty("code").GetString());
        Assert.Equal(1, refused.GetProperty("experiments").GetInt32());

        await Pool.InPoolAsync(researcher, id);
        await Pool.RunPilotAsync();
        await Pool.WaitForAsync(researcher, id, e => e.GetProperty("status").GetString() == "COMPLETED");
        var deleted = (await Pool.PostAsync(Delete, new { id = image }, fixture.Maintainer)).Data("deleteImage");
        Assert.Equal(image, deleted.GetProperty("deletedId").GetString());

        var experiment = await Pool.ReadAsync(researcher, id);
        Assert.Equal("COMPLETED", experiment.GetProperty("status").GetString());
        await using var db = await DatabaseAsync();
        var row = await db.Experiments.SingleAsync(e => e.Id == TokenPoolServer.DecodeExperiment(id));
        Assert.Null(row.ImageId);
        Assert.Equal(image, JsonDocument.Parse(row.ImageSnapshotJson!).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_completion_seen_again_records_no_second_event_and_makes_no_second_library_entry()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var id = TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "x" }));
        await Pool.InPoolAsync(researcher, id);
        await Pool.RunPilotAsync();
        await Pool.WaitForAsync(researcher, id, e => e.GetProperty("outputEntry").ValueKind != JsonValueKind.Null);
        var token = PicasTokenState.Read(await Pool.TokenAsync(TokenPoolServer.TokenIdOf(id)))!;

        // As the reconciliation, a restarted feed, or another instance's follower hand it on again, at once.
        var observer = Pool.Server.Services.GetServices<IPicasTokenObserver>().OfType<ExperimentTokenObserver>().Single();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => observer.TokenChangedAsync(token, CancellationToken.None)));
        var outputs = Pool.Server.Services.GetRequiredService<ExperimentOutputs>();
        await outputs.CollectAsync(TokenPoolServer.DecodeExperiment(id), researcher.Id, CancellationToken.None);

        await using var db = await DatabaseAsync();
        var key = TokenPoolServer.DecodeExperiment(id);
        Assert.Equal(1, await db.Set<LibraryEntry>().CountAsync(e => e.ExperimentId == key));
        Assert.Equal(1, await db.ExperimentEvents.CountAsync(e => e.ExperimentId == key && e.Status == ExperimentStatus.Completed));
    }

    [Fact]
    public async Task Outputs_a_library_cannot_hold_and_links_are_left_out_of_the_entry_with_a_warning()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var id = TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "x" }));
        await Pool.InPoolAsync(researcher, id);
        // What the job leaves besides the stand-in's own two outputs: a Windows device name, a link out, a file kept.
        var folder = Path.Combine(Pool.Server.BlobFolder, "outputs", TokenPoolServer.DecodeExperiment(id).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "CON.txt"), "device");
        await File.WriteAllTextAsync(Path.Combine(folder, "kept.txt"), "kept");
        File.CreateSymbolicLink(Path.Combine(folder, "passwd"), "/etc/passwd");

        await Pool.RunPilotAsync();

        var done = await Pool.WaitForAsync(researcher, id, e => e.GetProperty("outputEntry").ValueKind != JsonValueKind.Null);
        Assert.Equal(3, done.GetProperty("outputEntry").GetProperty("fileCount").GetInt32());
        await using var db = await DatabaseAsync();
        var key = TokenPoolServer.DecodeExperiment(id);
        var paths = await db.Set<LibraryEntry>().Where(e => e.ExperimentId == key).SelectMany(e => e.Files).Select(f => f.Path).ToListAsync();
        Assert.Equal(["kept.txt", "logs/summary.txt", "result.json"], paths.Order(StringComparer.Ordinal));
        Assert.Contains(Pool.Server.Logs.Entries, entry => entry.Message.Contains("CON.txt", StringComparison.Ordinal) && entry.Message.Contains("left out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_catalogue_experiment_takes_tags_too_and_runs_through_its_folder()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var tag = await Pool.CreateTagAsync(researcher, "folder-run");

        var created = await Pool.PostAsync(TokenPoolServer.Create, new { input = new { application = "demo", name = "Go", tags = new[] { tag } } }, researcher);

        var experiment = created.Data("createExperiment").GetProperty("experiment");
        Assert.Equal("FOLDER_CONTRACT", experiment.GetProperty("runsThrough").GetString());
        Assert.Equal(JsonValueKind.Null, experiment.GetProperty("tokenState").ValueKind);
        Assert.Equal(JsonValueKind.Null, experiment.GetProperty("logs").ValueKind);
        Assert.Equal(["folder-run"], experiment.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task An_experiment_on_an_image_keeps_its_own_choice_of_mail_as_a_catalogue_one_does()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);

        var created = await Pool.PostAsync(
            TokenPoolServer.Create, new { input = new { application = image, name = "quiet run", parameters = new { text = "x" }, mailWhenDone = false, draft = true } }, researcher);

        var id = created.Data("createExperiment").GetProperty("experiment").GetProperty("id").GetString()!;
        await using var db = await DatabaseAsync();
        Assert.False((await db.Experiments.SingleAsync(e => e.Id == TokenPoolServer.DecodeExperiment(id))).MailWhenDone);
    }

    private static JsonElement Error(JsonElement payload)
    {
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("experiment").ValueKind);
        return Assert.Single(payload.GetProperty("errors").EnumerateArray());
    }

    private Task<IppDbContext> DatabaseAsync() =>
        Pool.Server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync();
}
