using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Notifications;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Mail;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Mail;
using Ipp.Graph.Tests.Support;
using static Ipp.Graph.Tests.Experiments.Notifications.ExperimentMails;

namespace Ipp.Graph.Tests.Experiments.Notifications;

/// <summary>
/// The mail owners get when their experiments complete or fail, read from a real SMTP server
/// (<see cref="SmtpTestServer"/>): once per change, as the owner and the experiment choose, never twice after a
/// restart, nothing queued without mail.
/// </summary>
public sealed class ExperimentMailTests
{
    [Fact]
    public async Task An_experiment_that_completes_mails_its_owner_once_with_its_name_status_time_and_link()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var server = await RunningServer.StartAsync(Settings(smtp));
        var user = await LiveFixture.SignUpAsync(server);
        await SetMailAsync(user, enabled: true);
        var experiment = await user.SeedAsync(ExperimentStatus.Submitted);

        // Running is no end: no mail; completed is.
        user.Rename(experiment, ExperimentStatus.Submitted, ExperimentStatus.Running);
        await user.WaitForStatusAsync(experiment, ExperimentStatus.Running);
        user.Rename(experiment, ExperimentStatus.Running, ExperimentStatus.Completed);
        await user.WaitForStatusAsync(experiment, ExperimentStatus.Completed);
        var mail = await smtp.NextMessageAsync();

        var completed = await EndOfAsync(user, experiment);
        AssertTells(mail, user, completed);
        Assert.Equal("Your experiment \"seeded\" completed", mail.Subject);
        Assert.Equal(
            $"""
            Your experiment "seeded" is now COMPLETED (since {completed.OccurredAt:yyyy-MM-dd HH:mm:ss} UTC).

            To see it, open its page:

            https://portal.example.org/app/experiments/{GlobalId.Encode("Experiment", experiment)}
            """,
            mail.TextBody?.ReplaceLineEndings("\n").TrimEnd('\n'));

        // A later failure is mailed too, and nothing came between: the completion went out once.
        var failed = await CompleteNewAsync(user, ExperimentStatus.Failed);
        var next = await smtp.NextMessageAsync();
        AssertTells(next, user, await EndOfAsync(user, failed));
        Assert.Equal("Your experiment \"seeded\" failed", next.Subject);
        await WaitUntilNoneQueuedAsync(server.Database);
        Assert.Empty(smtp.TakeReceived());
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task No_mail_goes_to_an_owner_who_did_not_ask_or_for_an_experiment_that_says_no()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var server = await WriteFixture.StartAsync(Settings(smtp));
        var quiet = await LiveFixture.SignUpAsync(server, "quiet@example.org");
        var keen = await LiveFixture.SignUpAsync(server, "keen@example.org");
        await SetMailAsync(keen, enabled: true);
        var quietDefault = await quiet.SeedAsync(ExperimentStatus.Submitted);
        var quietButYes = await quiet.SeedAsync(ExperimentStatus.Submitted);
        var keenButNo = await keen.SeedAsync(ExperimentStatus.Submitted);
        var keenDefault = await keen.SeedAsync(ExperimentStatus.Submitted);
        await SetMailWhenDoneAsync(quiet, quietButYes, true);
        await SetMailWhenDoneAsync(keen, keenButNo, false);

        // Those that send nothing end first: a mail of theirs would come before the others (sent in order).
        await FinishAsync(quiet, quietDefault);
        await FinishAsync(keen, keenButNo, ExperimentStatus.Failed);
        await FinishAsync(quiet, quietButYes);
        await FinishAsync(keen, keenDefault);
        var first = await smtp.NextMessageAsync();
        var second = await smtp.NextMessageAsync();

        AssertTells(first, quiet, await EndOfAsync(quiet, quietButYes));
        AssertTells(second, keen, await EndOfAsync(keen, keenDefault));
        await WaitUntilNoneQueuedAsync(server.Database);
        Assert.Empty(smtp.TakeReceived());
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task The_choice_is_given_at_creation_changed_by_the_owner_only_and_read_back()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var server = await WriteFixture.StartAsync(Settings(smtp));
        using var http = new GraphQLHttp(server);
        var owner = await LiveFixture.SignUpAsync(server, "owner@example.org");
        var stranger = await LiveFixture.SignUpAsync(server, "stranger@example.org");
        var created = await http.PostAsync(
            "mutation($input: CreateExperimentInput!) { createExperiment(input: $input) { experiment { id mailWhenDone } errors { __typename } } }",
            new { input = new { application = "demo", name = "told", draft = true, mailWhenDone = false } },
            owner.Token);
        var experiment = WriteFixture.EidOf(created.Data("createExperiment").GetProperty("experiment"));

        Assert.False(created.Data("createExperiment").GetProperty("experiment").GetProperty("mailWhenDone").GetBoolean());
        var refused = await http.PostAsync(SetMailWhenDone, new { id = GlobalId.Encode("Experiment", experiment), mail = true }, stranger.Token);
        Assert.Equal("EXPERIMENT_NOT_FOUND", refused.PayloadErrorCode("setExperimentMailWhenDone"));
        var unknown = await http.PostAsync(SetMailWhenDone, new { id = "not an id", mail = true }, owner.Token);
        Assert.Equal("EXPERIMENT_NOT_FOUND", unknown.PayloadErrorCode("setExperimentMailWhenDone"));
        Assert.Equal(false, (await LiveFixture.Databases(server).CreateDbContextAsync()).Experiments.Single(e => e.Id == experiment).MailWhenDone);
        await SetMailWhenDoneAsync(owner, experiment, null);
        await SetMailWhenDoneAsync(owner, experiment, true);
        var me = await http.PostAsync("{ me { experimentMail } }", null, owner.Token);
        Assert.False(me.Data("me").GetProperty("experimentMail").GetBoolean());
    }

    [Fact]
    public async Task A_mail_recorded_before_a_restart_goes_out_once_after_it()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("ipp-graph-mail-").FullName;
        await using var database = await TestDatabase.CreateAsync(folder);
        var settings = Settings(smtp, database.Setting, $"--UPLOAD_FOLDER={Path.Combine(folder, "uploads")}");
        var experiment = await CompleteUnsentAsync(settings);
        Assert.Equal(1, await QueuedAsync(database));

        Assert.Empty(smtp.TakeReceived());
        await using (var restarted = await RunningServer.StartAsync(settings))
        {
            var user = await LiveFixture.SignInAsync(restarted, "ada@example.org");
            AssertTells(await smtp.NextMessageAsync(), user, await EndOfAsync(user, experiment));
            await WaitUntilNoneQueuedAsync(database);
        }

        // Started again, it sends what follows, and nothing before it again.
        await using (var again = await RunningServer.StartAsync(settings))
        {
            var user = await LiveFixture.SignInAsync(again, "ada@example.org");
            var later = await CompleteNewAsync(user);
            AssertTells(await smtp.NextMessageAsync(), user, await EndOfAsync(user, later));
            await WaitUntilNoneQueuedAsync(database);
            Assert.Empty(again.Logs.Errors);
        }

        Assert.Empty(smtp.TakeReceived());
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_mail_claimed_when_the_server_stopped_is_not_sent_again_and_is_logged()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("ipp-graph-mail-").FullName;
        await using var database = await TestDatabase.CreateAsync(folder);
        var settings = Settings(smtp, database.Setting, $"--UPLOAD_FOLDER={Path.Combine(folder, "uploads")}");
        var experiment = await CompleteUnsentAsync(settings);

        // As the worker leaves it between claiming the mail and recording it sent: it may have gone out.
        await database.ExecuteAsync("UPDATE experiment_mails SET claimed_by = @instance", ("instance", RunningServer.InstanceId));
        await using (var restarted = await RunningServer.StartAsync(settings))
        {
            var user = await LiveFixture.SignInAsync(restarted, "ada@example.org");
            var end = await EndOfAsync(user, experiment);
            await MailTests.WaitForLogAsync(
                restarted,
                $"The mail telling the owner of experiment {experiment} that it is COMPLETED (event {end.Id}) was being sent when this instance stopped: it is not sent again");
            var later = await CompleteNewAsync(user);
            AssertTells(await smtp.NextMessageAsync(), user, await EndOfAsync(user, later));
            await WaitUntilNoneQueuedAsync(database);
        }

        Assert.Empty(smtp.TakeReceived());
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Ada, who wants mail, completes an experiment on a server without the mail worker, which then stops: the mail
    /// is recorded and was never tried. Answers the experiment's id.
    /// </summary>
    private static async Task<long> CompleteUnsentAsync(string[] settings)
    {
        await using var stopped = await RunningServer.StartAsync(WithoutWorker, settings);
        var user = await LiveFixture.SignUpAsync(stopped, "ada@example.org");
        await SetMailAsync(user, enabled: true);
        return await CompleteNewAsync(user);
    }

    [Fact]
    public async Task Without_mail_nothing_is_queued_the_server_says_so_once_and_asking_for_mail_answers_MAIL_NOT_CONFIGURED()
    {
        await using var server = await RunningServer.StartAsync(Settings(null));
        var user = await LiveFixture.SignUpAsync(server);
        using var http = new GraphQLHttp(server);
        var experiment = await user.SeedAsync(ExperimentStatus.Submitted);

        var refused = await http.PostAsync(SetMail, new { enabled = true }, user.Token);
        var refusedHere = await http.PostAsync(SetMailWhenDone, new { id = GlobalId.Encode("Experiment", experiment), mail = true }, user.Token);
        await SetMailAsync(user, enabled: false);
        await SetMailWhenDoneAsync(user, experiment, false);
        await SetMailWhenDoneAsync(user, experiment, null);
        // Wanted all the same (as a database from a server with mail would say).
        await server.Database.ExecuteAsync("UPDATE users SET experiment_mail = @yes", ("yes", true));
        await FinishAsync(user, experiment);

        Assert.Equal(MailErrorCodes.MailNotConfigured, refused.PayloadErrorCode("setExperimentMail"));
        Assert.Equal(MailErrorCodes.MailNotConfigured, refusedHere.PayloadErrorCode("setExperimentMailWhenDone"));
        Assert.Equal(0, await QueuedAsync(server.Database));
        Assert.Single(server.Logs.Entries, entry => entry.Message.Contains("owners are not mailed when experiments end", StringComparison.Ordinal));
        Assert.Empty(server.Logs.Errors);
    }

    [PostgreSqlFact]
    public async Task Two_instances_on_one_database_send_each_mail_once()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("ipp-graph-mail-").FullName;
        await using var database = await TestDatabase.CreateAsync(folder);
        // Both look for mail often and claim one at a time, so they reach for the same rows again and again.
        var shared = Settings(smtp, database.Setting, $"--UPLOAD_FOLDER={Path.Combine(folder, "uploads")}", "--Experiments:Mail:PollInterval=00:00:00.1", "--Experiments:Mail:BatchSize=1");
        const int Count = 12;
        var a = await RunningServer.StartAsync([.. shared, "--Server:InstanceId=a"]);
        var b = await RunningServer.StartAsync([.. shared, "--Server:InstanceId=b"]);
        var ends = new List<ExperimentEvent>();
        try
        {
            var user = await LiveFixture.SignUpAsync(a, "ada@example.org");
            await SetMailAsync(user, enabled: true);
            var experiments = new List<long>();
            for (var i = 0; i < Count; i++)
            {
                experiments.Add(await user.SeedAsync(ExperimentStatus.Submitted));
            }

            // The backend finishes them all at once; both instances see every move.
            foreach (var experiment in experiments)
            {
                user.Rename(experiment, ExperimentStatus.Submitted, ExperimentStatus.Completed);
            }

            foreach (var experiment in experiments)
            {
                await user.WaitForStatusAsync(experiment, ExperimentStatus.Completed);
                ends.Add(await EndOfAsync(user, experiment));
            }

            await WaitUntilNoneQueuedAsync(database);
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
        }

        var received = new List<MimeKit.MimeMessage>();
        for (var i = 0; i < Count; i++)
        {
            received.Add(await smtp.NextMessageAsync());
        }

        received.AddRange(smtp.TakeReceived());
        Assert.Equal(
            ends.Select(end => ExperimentEndedMail.MessageKey(end.Id) + "@ipp.example.org").Order(StringComparer.Ordinal),
            received.Select(mail => mail.MessageId).Order(StringComparer.Ordinal));
        Assert.Equal(Count, a.Logs.Entries.Concat(b.Logs.Entries).Count(entry => entry.Message.StartsWith("Mailed the owner of experiment", StringComparison.Ordinal)));
        Assert.Empty(a.Logs.Errors);
        Assert.Empty(b.Logs.Errors);
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("--Experiments:Mail:BatchSize=0", "Experiments:Mail:BatchSize must be from 1 to 1000")]
    [InlineData("--Experiments:Mail:PollInterval=00:00:00", "Experiments:Mail:PollInterval must be from")]
    [InlineData("--Experiments:Mail:LinkPath=experiments?x", "Experiments:Mail:LinkPath must be a relative path")]
    [InlineData("--Experiments:Mail:RetryDelay=00:00:00", "Experiments:Mail:RetryDelay must be from 00:00:00.1 to 01:00:00")]
    [InlineData("--Experiments:Mail:MaxRetryDelay=00:00:10", "Experiments:Mail:MaxRetryDelay must be from Experiments:Mail:RetryDelay (00:00:30)")]
    [InlineData("--Experiments:Mail:MaxAttempts=0", "Experiments:Mail:MaxAttempts must be from 1 to 100")]
    public async Task A_bad_setting_stops_the_server_saying_which(string setting, string message)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AccountsServer.StartAsync(setting));

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }
}
