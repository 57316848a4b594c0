using System.Text.Json;
using Ipp.Graph.Data;
using Ipp.Graph.Picas.Entities;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Tests.Picas.Experiments;

/// <summary>Submission while the pool is down, a blob store down when a job completes, and a server without a pool.</summary>
public sealed class ImageExperimentPoolDownTests
{
    [Fact]
    public async Task With_the_pool_down_at_submission_the_experiment_waits_queued_and_its_token_arrives_once_the_pool_is_back()
    {
        await using var pool = await TokenPoolServer.StartAsync();
        var maintainer = await pool.SignUpAsync("MAINTAINER");
        var researcher = await pool.SignUpAsync("AI_RESEARCHER");
        var image = await pool.CreateImageAsync(maintainer);
        await pool.Pool.StopAsync();

        var created = await pool.CreateExperimentAsync(researcher, image, new { text = "x" });
        var id = TokenPoolServer.IdOf(created);
        Assert.Equal("SUBMITTED", created.GetProperty("experiment").GetProperty("status").GetString());
        var tokenId = TokenPoolServer.TokenIdOf(id);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            await using var db = await pool.Server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync();
            if (await db.Set<PicasOutboxEntry>().AnyAsync(e => e.TokenId == tokenId && e.Attempts >= 1))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "The outbox never tried the token.");
            await Task.Delay(100);
        }

        // The owner sees why it waits: the kind of failure, never the pool's address.
        var waiting = await pool.ReadAsync(researcher, id);
        Assert.Equal("QUEUED", waiting.GetProperty("tokenState").GetString());
        var delivery = waiting.GetProperty("tokenDelivery");
        Assert.True(delivery.GetProperty("attempts").GetInt32() >= 1);
        Assert.Equal("UNREACHABLE", delivery.GetProperty("lastFailure").GetString());
        Assert.DoesNotContain("127.0.0.1", waiting.GetRawText(), StringComparison.Ordinal);
        await pool.Pool.RestartAsync();
        await pool.InPoolAsync(researcher, id);
        Assert.Equal(JsonValueKind.Null, (await pool.ReadAsync(researcher, id)).GetProperty("tokenDelivery").ValueKind);
        var events = await pool.EventsUntilEndAsync(researcher, id, () => pool.RunPilotAsync());
        Assert.Equal(["SUBMITTED", "RUNNING", "COMPLETED"], events.Select(e => e.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_blob_store_down_when_a_job_completes_holds_up_no_other_experiment_and_its_outputs_arrive_once_it_is_back()
    {
        await using var pool = await TokenPoolServer.StartAsync("--Picas:ReconcileInterval=00:00:01");
        var maintainer = await pool.SignUpAsync("MAINTAINER");
        var researcher = await pool.SignUpAsync("AI_RESEARCHER");
        var image = await pool.CreateImageAsync(maintainer);
        var first = TokenPoolServer.IdOf(await pool.CreateExperimentAsync(researcher, image, new { text = "x" }, name: "first"));
        var second = TokenPoolServer.IdOf(await pool.CreateExperimentAsync(researcher, image, new { text = "y" }, name: "second"));
        await pool.InPoolAsync(researcher, first);
        await pool.InPoolAsync(researcher, second);
        // Every folder a blob could go in is a file: the store cannot write one (root included), while the jobs'
        // output folder stays writable.
        Directory.CreateDirectory(pool.Server.BlobFolder);
        var blocked = Enumerable.Range(0, 256).Select(n => Path.Combine(pool.Server.BlobFolder, n.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))).ToList();
        foreach (var path in blocked)
        {
            await File.WriteAllTextAsync(path, "");
        }

        await pool.RunPilotAsync();

        foreach (var id in new[] { first, second })
        {
            var done = await pool.WaitForAsync(researcher, id, e => e.GetProperty("status").GetString() == "COMPLETED");
            Assert.Equal(System.Text.Json.JsonValueKind.Null, done.GetProperty("outputEntry").ValueKind);
        }

        Assert.Contains(pool.Server.Logs.Entries, entry => entry.Message.Contains("could not be copied into the library", StringComparison.Ordinal));
        foreach (var path in blocked)
        {
            File.Delete(path);
        }

        foreach (var id in new[] { first, second })
        {
            var collected = await pool.WaitForAsync(researcher, id, e => e.GetProperty("outputEntry").ValueKind != System.Text.Json.JsonValueKind.Null);
            Assert.Equal(2, collected.GetProperty("outputEntry").GetProperty("fileCount").GetInt32());
        }
    }

    [Fact]
    public async Task Without_a_pool_an_experiment_on_an_image_can_be_a_draft_but_not_submitted()
    {
        await using var server = await AccountsServer.StartAsync();
        var maintainer = await AccessServers.SignUpAsync(server, "MAINTAINER");
        var researcher = await AccessServers.SignUpAsync(server, "AI_RESEARCHER");
        using var http = new GraphQLHttp(server);
        var image = (await http.PostAsync(
            "mutation($parameters: [ImageParameterInput!]!) { createImage(input: {name: \"tool\", path: \"/images/tool.sif\", roles: [AI_RESEARCHER], parameters: $parameters}) { image { id } } }",
            new { parameters = TokenPoolServer.Parameters }, maintainer.Token)).Data("createImage").GetProperty("image").GetProperty("id").GetString();

        var submitted = await http.PostAsync(TokenPoolServer.Create, new { input = new { application = image, name = "now", parameters = new { text = "x" } } }, researcher.Token);
        var draft = await http.PostAsync(TokenPoolServer.Create, new { input = new { application = image, name = "later", parameters = new { text = "x" }, draft = true } }, researcher.Token);

        Assert.Equal("TOKEN_POOL_NOT_CONFIGURED", submitted.ErrorCode);
        var experiment = draft.Data("createExperiment").GetProperty("experiment");
        Assert.Equal("EDITING", experiment.GetProperty("status").GetString());
        Assert.Equal("TOKEN_POOL", experiment.GetProperty("runsThrough").GetString());
        var submit = await http.PostAsync(TokenPoolServer.Submit, new { id = experiment.GetProperty("id").GetString() }, researcher.Token);
        Assert.Equal("TOKEN_POOL_NOT_CONFIGURED", submit.ErrorCode);
        Assert.Equal("EDITING", (await http.PostAsync(TokenPoolServer.Read, new { id = experiment.GetProperty("id").GetString() }, researcher.Token))
            .Data("node").GetProperty("status").GetString());
    }
}
