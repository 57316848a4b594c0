using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ipp.Graph.Picas;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ipp.Graph.Tests.Picas;

/// <summary>
/// The token as the stock client reads it, run by the real pilot: the job gets the task (image, parameters, inputs,
/// output) as data, whatever the values hold, and no value is ever run as shell code.
/// </summary>
public sealed class PicasTokenDocumentTests
{
    private const string Hostile = "it's $(touch pwned-a) `touch pwned-b`; touch pwned-c #\n\"two  spaces\" * ? [x] \\ $HOME";

    [Fact]
    public async Task The_pilot_runs_the_token_and_its_job_gets_the_task_as_data_never_as_shell_code()
    {
        await using var pool = await PouchDbServer.StartAsync();
        using var couch = new CouchDbClient(PicasTestPool.Options(pool, password: null));
        Assert.True((await new PicasPoolSetup(couch, NullLogger<PicasPoolSetup>.Instance).RunAsync(default)).IsOk);
        var parameters = new JsonObject { ["text"] = Hostile, ["count"] = 3, ["ratio"] = 0.5, ["flags"] = new JsonArray("a", "*", null), ["nested"] = new JsonObject { ["q"] = "'" } };
        var task = new PicasTask("exp-42", "/images/my image's;$(touch pwned-d).sif", parameters, ["webdav://store/a b.txt", Hostile], "/outputs/exp-42/'x'");
        var token = PicasTokenDocument.Create(task);
        Assert.True((await couch.PutDocumentAsync(task.TokenId, token, default)).IsOk);

        var records = Directory.CreateTempSubdirectory("ipp-pilot-records-").FullName;
        try
        {
            var run = await PicasPilot.RunAsync(pool, PicasTestPool.Database, records: records);

            Assert.True(run.ExitCode == 0, run.Errors);
            Assert.Equal(["exp-42"], run.Finished);
            var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(records, "exp-42.json")))!;
            Assert.Equal(["run", task.ImagePath], record["arguments"]!.AsArray().Select(argument => argument!.GetValue<string>()));
            var environment = record["environment"]!;
            Assert.Equal("exp-42", environment["IPP_TOKEN_ID"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(parameters, JsonNode.Parse(environment["IPP_PARAMETERS"]!.GetValue<string>())));
            Assert.Equal(task.Inputs, JsonSerializer.Deserialize<string[]>(environment["IPP_INPUTS"]!.GetValue<string>()));
            Assert.Equal(task.Output, environment["IPP_OUTPUT"]!.GetValue<string>());
            Assert.Empty(Directory.EnumerateFiles(records, "pwned*"));
            using var http = pool.Client();
            var finished = await http.GetFromJsonAsync<JsonObject>($"{PicasTestPool.Database}/exp-42");
            Assert.Equal(0, finished!["exit_code"]!.GetValue<int>());
            Assert.True(JsonNode.DeepEquals(parameters, finished["parameters"]));
            Assert.Equal(task.ImagePath, finished["image"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(records, recursive: true);
        }
    }

    [Fact]
    public void A_token_starts_as_the_client_expects_one_to()
    {
        var token = PicasTokenDocument.Create(new PicasTask("exp-1", "library://ipp/image:1", [], [], "/out"));

        Assert.Equal("token", token["type"]!.GetValue<string>());
        Assert.Equal(0, token["lock"]!.GetValue<int>());
        Assert.Equal(0, token["done"]!.GetValue<int>());
        Assert.Equal("", token["exit_code"]!.GetValue<string>());
        Assert.Equal("", token["hostname"]!.GetValue<string>());
        Assert.Equal(0, token["scrub_count"]!.GetValue<int>());
        Assert.Equal("IPP_TOKEN_ID='exp-1' IPP_PARAMETERS='{}' IPP_INPUTS='[]' IPP_OUTPUT='/out' apptainer run 'library://ipp/image:1'", token["input"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    [InlineData("$(x) `y` \"z\"", "'$(x) `y` \"z\"'")]
    public void A_value_is_one_single_quoted_word(string value, string quoted) => Assert.Equal(quoted, PicasTokenDocument.Quote(value));

    [Theory]
    [InlineData("")]
    [InlineData("_design/Monitor")]
    [InlineData("exp 1")]
    [InlineData("exp/1")]
    public void A_token_id_that_is_no_plain_name_is_refused(string id) =>
        Assert.Throws<ArgumentException>(() => PicasTokenDocument.Create(new PicasTask(id, "image.sif", [], [], "/out")));
}
