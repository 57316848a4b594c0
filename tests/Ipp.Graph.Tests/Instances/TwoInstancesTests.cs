using System.Net.Http.Json;
using System.Text.Json;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Experiments;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Telemetry;
using static Ipp.Graph.Tests.Experiments.Write.WriteFixture;

namespace Ipp.Graph.Tests.Instances;

/// <summary>
/// Two server processes on one PostgreSQL database and one upload folder, as behind a load balancer: what is recorded
/// through either reaches the subscribers of both, once each, and a session ended through one ends on the other.
/// </summary>
public sealed class TwoInstancesTests : TwoInstances
{
    [PostgreSqlFact]
    public async Task A_change_recorded_through_either_instance_reaches_the_subscribers_of_both_once_and_replays_through_the_other()
    {
        using var a = A.CreateClient();
        using var b = B.CreateClient();
        var (token, userId) = await SignUpAsync(a);
        var experimentId = await CreateDraftAsync(b, token);
        var until = (GlobalId.Encode("Experiment", experimentId), "COMPLETED");

        var onA = Subscribe(A, "ws", token, until);
        var onB = Subscribe(B, "sse", token, until);
        await WaitForSubscriptionsAsync(a, 1);
        await WaitForSubscriptionsAsync(b, 1);
        await PostAsync(b, Submit, new { id = GlobalId.Encode("Experiment", experimentId) }, token);
        // The backend finishes the job: both instances watch the folder; one of them records it.
        var submitted = Path.Combine(Uploads, userId.ToString(), "submitted", experimentId.ToString());
        await WaitUntilAsync(() => Directory.Exists(submitted));
        var completed = Path.Combine(Uploads, userId.ToString(), "completed");
        Directory.CreateDirectory(completed);
        Directory.Move(submitted, Path.Combine(completed, experimentId.ToString()));

        string[] expected = [$"{experimentId} EDITING->SUBMITTED", $"{experimentId} SUBMITTED->COMPLETED"];
        foreach (var outcome in await Task.WhenAll(onA, onB))
        {
            Assert.Equal(JsonValueKind.Null, outcome.Error.ValueKind);
            Assert.Equal(expected, outcome.Changes);
        }

        Assert.Equal(1L, await Database.ScalarAsync($"SELECT COUNT(*) FROM experiment_events WHERE experiment_id = {experimentId} AND status = 'completed'"));

        // A subscriber of A that lost its connection comes back through B with its last cursor: it gets what followed.
        var resumed = await Subscribe(B, "ws", token, until, after: (await onA).CursorAt(0));
        Assert.Equal(JsonValueKind.Null, resumed.Error.ValueKind);
        Assert.Equal([$"{experimentId} SUBMITTED->COMPLETED"], resumed.Changes);
    }

    [PostgreSqlFact]
    public async Task A_sign_out_through_one_instance_ends_the_session_s_streams_and_requests_on_the_other()
    {
        using var a = A.CreateClient();
        using var b = B.CreateClient();
        var (token, _) = await SignUpAsync(a);
        Assert.Equal(JsonValueKind.Object, (await PostAsync(b, "{ me { email } }", null, token)).GetProperty("data").GetProperty("me").ValueKind);

        var onB = Subscribe(B, "ws", token, ("-", "-"));
        await WaitForSubscriptionsAsync(b, 1);
        await PostAsync(a, "mutation { logout { loggedOut } }", null, token);

        var outcome = await onB;
        // The socket was closed for the session's end (4403): the client reports it as the reason its stream ended.
        Assert.NotEqual(JsonValueKind.Null, outcome.Error.ValueKind);
        Assert.Empty(outcome.Results);
        Assert.Equal(JsonValueKind.Null, (await PostAsync(b, "{ me { email } }", null, token)).GetProperty("data").GetProperty("me").ValueKind);
    }

    [PostgreSqlFact]
    public async Task An_upload_killed_midway_on_one_instance_leaves_the_other_s_intact_and_its_restart_cleans_only_its_own()
    {
        using var b = B.CreateClient();
        string token;
        using (var a = A.CreateClient())
        {
            (token, _) = await SignUpAsync(a);
        }

        var toA = new StalledUploadContent(totalFileBytes: 32L * 1024 * 1024, bytesBeforeStall: 4L * 1024 * 1024);
        var toB = new StalledUploadContent(totalFileBytes: 8L * 1024 * 1024, bytesBeforeStall: 2L * 1024 * 1024);
        using var clientOfA = A.CreateClient();
        var uploadToA = clientOfA.SendAsync(WriteMultipart.Request(token, toA));
        var uploadToB = b.SendAsync(WriteMultipart.Request(token, toB));
        await Task.WhenAll(toA.Stalled, toB.Stalled);
        await WriteCrashTests.WaitForSpooledBytesAsync(IncomingOf("a"), 1024 * 1024, A);
        await WriteCrashTests.WaitForSpooledBytesAsync(IncomingOf("b"), 1024 * 1024, B);

        await A.KillAsync();
        toA.Resume();
        await Assert.ThrowsAnyAsync<Exception>(() => uploadToA);
        Assert.NotEmpty(Directory.GetFileSystemEntries(IncomingOf("a")));
        await RestartAAsync();

        Assert.Empty(Directory.GetFileSystemEntries(IncomingOf("a")));
        Assert.NotEmpty(Directory.GetFileSystemEntries(IncomingOf("b")));
        toB.Resume();
        using var answer = await uploadToB;
        using var created = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal("SUBMITTED", created.RootElement.GetProperty("data").GetProperty("createExperiment").GetProperty("experiment").GetProperty("status").GetString());
        Assert.Empty(Directory.GetFileSystemEntries(IncomingOf("b")));
    }

    /// <summary>Waits until the instance's own metrics count <paramref name="count"/> live subscriptions.</summary>
    private static Task WaitForSubscriptionsAsync(HttpClient instance, int count) =>
        PrometheusScrape.WaitUntilAsync(instance, scrape => scrape.Series("ipp_graphql_active_subscriptions").Sum(series => series.Value) == count);

    private string IncomingOf(string instance) => Path.Combine(Uploads, ".instances", instance, "incoming");

    protected override string[] Settings =>
    [
        $"--Applications:CatalogPath={CataloguePath}",
        // Its scrape tells when a subscriber's subscription is live.
        "--Telemetry:Prometheus:Enabled=true",
    ];

    private static async Task<(string Token, long UserId)> SignUpAsync(HttpClient client)
    {
        var created = await PostAsync(client, "mutation { createUser(input: {email: \"ada@example.org\", password: \"correct horse battery\"}) { token user { id } } }", null, null);
        var payload = created.GetProperty("data").GetProperty("createUser");
        Assert.True(GlobalId.TryDecode(payload.GetProperty("user").GetProperty("id").GetString()!, "User", out var userId));
        return (payload.GetProperty("token").GetString()!, userId);
    }

    private static async Task<long> CreateDraftAsync(HttpClient client, string token)
    {
        var created = await PostAsync(client, Create, new { input = new { application = "demo", name = "Across", draft = true } }, token);
        return EidOf(created.GetProperty("data").GetProperty("createExperiment").GetProperty("experiment"));
    }

    /// <summary>A subscriber (tests/js/live/status-events.mjs) on <paramref name="server"/> until the given change.</summary>
    private static Task<SubscriberOutcome> Subscribe(
        ServerProcess server, string transport, string token, (string Experiment, string Status) until, string? after = null) =>
        Task.Run(() =>
        {
            var output = NodeRunner.Run(
                "live/status-events.mjs", "", transport, new Uri(server.Address, "graphql").ToString(), token, until.Experiment, until.Status, "-", after ?? "-");
            using var document = JsonDocument.Parse(output);
            return new SubscriberOutcome(document.RootElement.Clone());
        });

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; !condition(); attempt++)
        {
            Assert.True(attempt < 200, "Waited in vain.");
            await Task.Delay(50);
        }
    }
}
