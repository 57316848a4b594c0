using System.Text;
using System.Text.Json;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Picas.Experiments;
using static Ipp.Graph.Tests.Experiments.Drafts.DraftsFixture;

namespace Ipp.Graph.Tests.Experiments.Drafts;

/// <summary>
/// editExperiment and cloneExperiment on experiments on container images, on a real server with a real pool: library
/// references only, checked against the image, an edit and a submission one after the other, and which version of the
/// image each experiment runs.
/// </summary>
public sealed class ImageDraftTests(TokenPoolFixture fixture) : IClassFixture<TokenPoolFixture>
{
    private TokenPoolServer Pool => fixture.Pool;

    [Fact]
    public async Task An_image_draft_is_edited_with_library_entries_only_and_a_refusal_changes_nothing()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var one = await Pool.UploadAsync(researcher, "one.txt", "1");
        var two = await Pool.UploadAsync(researcher, "two.txt", "2");
        var id = TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "x" }, one, draft: true));

        var edited = await Pool.PostAsync(Edit, new
        {
            input = new { id, name = "Edited", parameters = new { text = "y", count = 3 }, removeFiles = new[] { "one.txt" }, addFiles = new[] { new { parameter = "data", libraryEntry = two } } },
        }, researcher);
        using var client = Pool.Server.CreateClient();
        var uploaded = await EditWithUploadsAsync(client, researcher.Token, new { id, name = "Upload" }, new WriteMultipart.FilePart("data", "three.txt", Encoding.UTF8.GetBytes("3")));
        var tooMany = await Pool.PostAsync(Edit, new
        {
            input = new { id, name = "Too many", addFiles = new[] { new { parameter = "data", libraryEntry = one }, new { parameter = "data", libraryEntry = one } } },
        }, researcher);

        var experiment = edited.Data("editExperiment").GetProperty("experiment");
        Assert.Equal("Edited", experiment.GetProperty("name").GetString());
        Assert.Equal("""{"text":"y","count":3}""", experiment.GetProperty("parameters").GetRawText());
        Assert.Equal(["two.txt"], InputNames(experiment));
        Assert.Equal("IMAGE", experiment.GetProperty("ranApplication").GetProperty("kind").GetString());
        Assert.Equal(image, experiment.GetProperty("ranApplication").GetProperty("key").GetString());
        Assert.Equal("UPLOAD_NOT_ACCEPTED", uploaded.PayloadError("editExperiment").GetProperty("code").GetString());
        Assert.Equal("INVALID_PARAMETERS", tooMany.PayloadError("editExperiment").GetProperty("code").GetString());
        var now = (await Pool.PostAsync(Read, new { id }, researcher)).Data("node");
        Assert.Equal(experiment.GetRawText(), now.GetRawText());

        await Pool.PostAsync(TokenPoolServer.Submit, new { id }, researcher);
        var late = (await Pool.PostAsync(Edit, new { input = new { id, name = "Late" } }, researcher)).PayloadError("editExperiment");
        Assert.Equal("EXPERIMENT_NOT_EDITABLE", late.GetProperty("code").GetString());
        Assert.Equal("SUBMITTED", late.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_edit_and_a_submission_of_an_image_draft_at_once_one_after_the_other()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        for (var round = 0; round < 10; round++)
        {
            var id = TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "before" }, draft: true, name: $"Round {round}"));
            var edit = Pool.PostAsync(Edit, new { input = new { id, name = $"Edited {round}", parameters = new { text = "after" } } }, researcher);
            var submit = Pool.PostAsync(TokenPoolServer.Submit, new { id }, researcher);
            var (edited, submitted) = (await edit, await submit);

            Assert.Equal("SUBMITTED", submitted.Data("submitExperiment").GetProperty("experiment").GetProperty("status").GetString());
            var editWon = edited.Data("editExperiment").GetProperty("errors").ValueKind == JsonValueKind.Null;
            var now = (await Pool.PostAsync(Read, new { id }, researcher)).Data("node");
            Assert.Equal(editWon ? $"Edited {round}" : $"Round {round}", now.GetProperty("name").GetString());
            Assert.Equal(editWon ? "after" : "before", now.GetProperty("parameters").GetProperty("text").GetString());
            if (!editWon)
            {
                Assert.Equal("EXPERIMENT_NOT_EDITABLE", edited.PayloadError("editExperiment").GetProperty("code").GetString());
            }
        }
    }

    [Fact]
    public async Task A_clone_of_an_image_experiment_references_its_library_files_and_each_says_which_image_version_it_runs()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var entry = await Pool.UploadAsync(researcher, "reads.txt", "ACGT");
        var tag = await Pool.CreateTagAsync(researcher, $"tag {Guid.NewGuid():n}");
        var source = TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "x", count = 2 }, entry, tags: [tag]));
        object[] parameters = [.. TokenPoolServer.Parameters, new { name = "extra", type = "STRING" }];
        var changed = await Pool.PostAsync(
            "mutation($id: ID!, $parameters: [ImageParameterInput!]!) { setImageParameters(input: {id: $id, parameters: $parameters}) { errors { __typename } } }",
            new { id = image, parameters },
            fixture.Maintainer);
        Assert.Equal(JsonValueKind.Null, changed.Data("setImageParameters").GetProperty("errors").ValueKind);

        var clone = (await Pool.PostAsync(Clone, new { input = new { id = source } }, researcher)).Data("cloneExperiment").GetProperty("experiment");
        var ran = (await Pool.PostAsync(Read, new { id = source }, researcher)).Data("node").GetProperty("ranApplication");

        Assert.Equal("EDITING", clone.GetProperty("status").GetString());
        Assert.Equal("""{"text":"x","count":2}""", clone.GetProperty("parameters").GetRawText());
        Assert.Equal(["reads.txt"], InputNames(clone));
        Assert.Single(clone.GetProperty("tags").EnumerateArray());
        var cloneId = clone.GetProperty("id").GetString();
        var read = (await Pool.PostAsync("query($id: ID!) { node(id: $id) { ... on Experiment { tokenState inputs { downloadUrl libraryEntry { entryId } } } } }", new { id = cloneId }, researcher)).Data("node");
        Assert.Equal(JsonValueKind.Null, read.GetProperty("tokenState").ValueKind);
        // The clone reads the source's library file in place: its input names the same entry and blob, downloaded as the clone's own.
        Assert.Equal(entry, read.GetProperty("inputs")[0].GetProperty("libraryEntry").GetProperty("entryId").GetString());
        Assert.StartsWith($"/experiments/{cloneId}/files/", read.GetProperty("inputs")[0].GetProperty("downloadUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal(["text", "count", "data"], ran.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(["text", "count", "data", "extra"], clone.GetProperty("ranApplication").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(ran.GetProperty("version").GetInt32() + 1, clone.GetProperty("ranApplication").GetProperty("version").GetInt32());
        Assert.StartsWith("/images/tool-", ran.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, ran.GetProperty("description").ValueKind);
    }
}
