using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;
using static Ipp.Graph.Tests.Experiments.Drafts.DraftsFixture;
using static Ipp.Graph.Tests.Experiments.Write.WriteFixture;

namespace Ipp.Graph.Tests.Experiments.Drafts;

/// <summary>
/// <c>Experiment.ranApplication</c> for catalogue experiments: the catalogue entry as it was at submission, kept when
/// the server restarts with a catalogue that changed it; a draft submitted after the change runs the new one.
/// </summary>
public sealed class RanApplicationTests : DatabaseInFolder
{
    private const string ChangedCatalogue = """
        [{"appKey": "demo", "label": "Demo 2", "description": "<p>Changed.</p>", "fieldGroups": {"main": {"label": "Main", "open": true, "fields": {
          "experimentName": {"type": "string", "label": "Name", "required": true},
          "threshold": {"type": "integer", "label": "Threshold", "min": 1, "max": 20, "def": 4},
          "images": {"type": "attachment", "label": "Images"}}}}}]
        """;

    [Fact]
    public async Task An_experiment_says_which_catalogue_entry_it_ran_after_the_catalogue_changed()
    {
        var catalogue = Path.Combine(Folder, "catalogue.json");
        File.WriteAllText(catalogue, Catalogue);
        string[] settings = [Database.Setting, $"--UPLOAD_FOLDER={Path.Combine(Folder, "uploads")}", $"--Applications:CatalogPath={catalogue}"];
        string token, ran, draft;
        JsonElement before;
        await using (var server = await AccountsServer.StartAsync(settings))
        {
            using var http = new GraphQLHttp(server);
            var ada = await SignUpAsync(http, "ada@example.org");
            token = ada.Token;
            ran = IdOf(EidOf((await CreateAsync(http, ada, new { application = "demo", name = "Ran", parameters = new { threshold = 3 } })).Data("createExperiment").GetProperty("experiment")));
            draft = IdOf(await CreateDraftAsync(http, ada));
            before = (await http.PostAsync(Read, new { id = ran }, token)).Data("node").GetProperty("ranApplication");
        }

        File.WriteAllText(catalogue, ChangedCatalogue);
        await using (var server = await AccountsServer.StartAsync(settings))
        {
            using var http = new GraphQLHttp(server);
            await http.PostAsync(Submit, new { id = draft }, token);
            var current = (await http.PostAsync("query($id: ID!) { node(id: $id) { ... on Experiment { application { label } } } }", new { id = ran }, token)).Data("node");
            var experiment = (await http.PostAsync(Read, new { id = ran }, token)).Data("node");
            var submittedLater = (await http.PostAsync(Read, new { id = draft }, token)).Data("node").GetProperty("ranApplication");

            Assert.Equal(before.GetRawText(), experiment.GetProperty("ranApplication").GetRawText());
            Assert.Equal("CATALOGUE", before.GetProperty("kind").GetString());
            Assert.Equal("demo", before.GetProperty("key").GetString());
            Assert.Equal("Demo", before.GetProperty("label").GetString());
            Assert.Equal("<p>For tests.</p>", before.GetProperty("description").GetString());
            Assert.Equal(JsonValueKind.Null, before.GetProperty("version").ValueKind);
            Assert.Equal(
                ["threshold", "mode", "ratio", "notes", "images", "t1", "flair"],
                before.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
            Assert.Equal("Demo 2", current.GetProperty("application").GetProperty("label").GetString());
            Assert.Equal("Demo 2", submittedLater.GetProperty("label").GetString());
            Assert.Equal(["threshold", "images"], submittedLater.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
            Assert.Equal(4, submittedLater.GetProperty("fields")[0].GetProperty("default").GetInt32());
        }
    }
}
