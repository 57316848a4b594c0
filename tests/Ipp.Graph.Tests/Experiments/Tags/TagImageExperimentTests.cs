using System.Text.Json;
using Ipp.Graph.Tests.Picas.Experiments;
using static Ipp.Graph.Tests.Experiments.Bulk.BulkOperations;

namespace Ipp.Graph.Tests.Experiments.Tags;

/// <summary>
/// Tags on an experiment on a container image while its token waits in the pool: the real pilot runs it, and the
/// library entry its outputs become carries the tags the experiment carries when it completes.
/// </summary>
public sealed class TagImageExperimentTests
{
    [Fact]
    public async Task Tags_changed_while_the_token_waits_are_those_the_outputs_entry_gets()
    {
        await using var pool = await TokenPoolServer.StartAsync();
        var maintainer = await pool.SignUpAsync("MAINTAINER");
        var researcher = await pool.SignUpAsync("AI_RESEARCHER");
        var image = await pool.CreateImageAsync(maintainer);
        var given = await pool.CreateTagAsync(researcher, "given");
        var added = await pool.CreateTagAsync(researcher, "added");
        var id = TokenPoolServer.IdOf(await pool.CreateExperimentAsync(researcher, image, new { text = "x" }, tags: [given], name: "tagged run"));
        await pool.InPoolAsync(researcher, id);

        var tagged = (await pool.PostAsync(Tag, new { experiments = new[] { id }, tags = new[] { added } }, researcher)).Data("tagExperiments");
        var untagged = (await pool.PostAsync(Untag, new { experiments = new[] { id }, tags = new[] { given } }, researcher)).Data("untagExperiments");

        Assert.Equal([(id, null)], Outcomes(tagged));
        Assert.Equal([["added", "given"]], TagNames(tagged));
        Assert.Equal([["added"]], TagNames(untagged));
        Assert.Equal("SUBMITTED", untagged.GetProperty("results")[0].GetProperty("experiment").GetProperty("status").GetString());
        Assert.Equal(0, (await pool.RunPilotAsync()).ExitCode);
        var done = await pool.WaitForAsync(researcher, id, e => e.GetProperty("outputEntry").ValueKind != JsonValueKind.Null);
        Assert.Equal("COMPLETED", done.GetProperty("status").GetString());
        Assert.Equal(["added"], done.GetProperty("outputEntry").GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Empty(pool.Server.Logs.Errors);
    }
}
