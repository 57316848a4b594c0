using System.Globalization;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Notifications;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Mail;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;
using MimeKit;

namespace Ipp.Graph.Tests.Experiments.Notifications;

/// <summary>What the experiment mail tests share: the settings, the mutations, waiting for rows.</summary>
internal static class ExperimentMails
{
    public const string SetMail =
        "mutation($enabled: Boolean!) { setExperimentMail(input: {enabled: $enabled}) { user { experimentMail } errors { __typename ... on Error { code message } } } }";

    public const string SetMailWhenDone =
        "mutation($id: ID!, $mail: Boolean) { setExperimentMailWhenDone(input: {id: $id, mailWhenDone: $mail}) { experiment { id mailWhenDone } "
        + "errors { __typename ... on Error { code message } ... on ExperimentNotFoundError { id } } } }";

    /// <summary>The settings of a server that follows folders as they move (no timer) and mails through <paramref name="smtp"/>.</summary>
    public static string[] Settings(SmtpTestServer? smtp, params string[] more) =>
        [AccountsClient.FastHashing, "--Experiments:ReconcileInterval=00:00:00", .. smtp?.Settings ?? [], .. more];

    /// <summary>Takes the experiment mail worker out of a server, as if it stopped before sending.</summary>
    public static void WithoutWorker(WebApplicationBuilder builder) =>
        builder.Services.Remove(builder.Services.Single(service => service.ImplementationType == typeof(ExperimentMailWorker)));

    public static async Task SetMailAsync(LiveFixture user, bool enabled)
    {
        using var http = new GraphQLHttp(user.Server);
        var response = await http.PostAsync(SetMail, new { enabled }, user.Token);
        Assert.Equal(enabled, response.Data("setExperimentMail").GetProperty("user").GetProperty("experimentMail").GetBoolean());
    }

    public static async Task SetMailWhenDoneAsync(LiveFixture user, long experiment, bool? mail)
    {
        using var http = new GraphQLHttp(user.Server);
        var response = await http.PostAsync(SetMailWhenDone, new { id = GlobalId.Encode("Experiment", experiment), mail }, user.Token);
        var value = response.Data("setExperimentMailWhenDone").GetProperty("experiment").GetProperty("mailWhenDone");
        Assert.Equal(mail?.ToString().ToLowerInvariant() ?? "null", value.GetRawText());
    }

    /// <summary>The rows of <c>experiment_mails</c>.</summary>
    public static async Task<long> QueuedAsync(TestDatabase database) =>
        Convert.ToInt64(await database.ScalarAsync("SELECT COUNT(*) FROM experiment_mails"), CultureInfo.InvariantCulture);

    /// <summary>Waits until <c>experiment_mails</c> is empty: every mail decided was sent (or dropped).</summary>
    public static async Task WaitUntilNoneQueuedAsync(TestDatabase database)
    {
        var deadline = DateTime.UtcNow + LiveFixture.Patience;
        while (await QueuedAsync(database) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "Mails stayed queued.");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Waits until a queued mail was tried and given back <paramref name="attempts"/> times at least: the worker met
    /// the mail server down (or refusing for now) that often.
    /// </summary>
    public static async Task WaitForAttemptsAsync(TestDatabase database, int attempts)
    {
        var deadline = DateTime.UtcNow + LiveFixture.Patience;
        while (Convert.ToInt64(await database.ScalarAsync("SELECT COALESCE(MAX(attempts), 0) FROM experiment_mails"), CultureInfo.InvariantCulture) < attempts)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No mail was tried {attempts} times.");
            await Task.Delay(20);
        }
    }

    /// <summary>Completes a new experiment of <paramref name="user"/> through the folder contract (a rename into <c>completed</c>).</summary>
    public static async Task<long> CompleteNewAsync(LiveFixture user, ExperimentStatus end = ExperimentStatus.Completed)
    {
        var experiment = await user.SeedAsync(ExperimentStatus.Submitted);
        await FinishAsync(user, experiment, end);
        return experiment;
    }

    /// <summary>Moves the experiment's folder from <c>submitted</c> to <paramref name="end"/> and waits for the change.</summary>
    public static async Task FinishAsync(LiveFixture user, long experiment, ExperimentStatus end = ExperimentStatus.Completed)
    {
        user.Rename(experiment, ExperimentStatus.Submitted, end);
        await user.WaitForStatusAsync(experiment, end);
    }

    /// <summary>The event that ended the experiment.</summary>
    public static async Task<ExperimentEvent> EndOfAsync(LiveFixture user, long experiment) => (await user.EventsAsync(experiment))[^1];

    /// <summary>Checks that <paramref name="mail"/> tells <paramref name="user"/> of <paramref name="change"/>.</summary>
    public static void AssertTells(MimeMessage mail, LiveFixture user, ExperimentEvent change)
    {
        Assert.Equal(user.Email, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal(ExperimentEndedMail.MessageKey(change.Id) + "@ipp.example.org", mail.MessageId);
        Assert.Contains(change.Status.ToApiName(), mail.TextBody, StringComparison.Ordinal);
    }
}
