using System.Globalization;
using Ipp.Graph.Tests.Mail;
using Ipp.Graph.Tests.Support;
using static Ipp.Graph.Tests.Experiments.Notifications.ExperimentMails;

namespace Ipp.Graph.Tests.Experiments.Notifications;

/// <summary>
/// Experiment mail when the SMTP server (<see cref="SmtpTestServer"/>) is down or refuses: a mail it was never given
/// (the server unreachable, or refusing the recipient for now with a 4xx) is tried again until it goes out, once, or
/// until <c>Experiments:Mail:MaxAttempts</c>; one refused for good (5xx), or refused after its data, is dropped with a
/// warning and never sent again.
/// </summary>
public sealed class ExperimentMailRetryTests
{
    /// <summary>Short waits, and attempts enough to outlast a slow restart of the SMTP server on a busy machine.</summary>
    private static readonly string[] Retrying =
    [
        "--Experiments:Mail:PollInterval=00:00:00.1",
        "--Experiments:Mail:RetryDelay=00:00:00.1",
        "--Experiments:Mail:MaxRetryDelay=00:00:01",
        "--Experiments:Mail:MaxAttempts=100",
    ];

    private const string WillRetry = "Could not give the mail server the mail telling the owner of experiment";

    [Fact]
    public async Task An_experiment_that_ends_while_the_mail_server_is_down_is_mailed_once_when_it_is_back()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var server = await RunningServer.StartAsync(Settings(smtp, Retrying));
        var user = await LiveFixture.SignUpAsync(server);
        await SetMailAsync(user, enabled: true);
        await smtp.StopAsync();

        var experiment = await CompleteNewAsync(user);
        await WaitForAttemptsAsync(server.Database, 2);
        await smtp.StartAgainAsync();

        AssertTells(await smtp.NextMessageAsync(), user, await EndOfAsync(user, experiment));
        await WaitUntilNoneQueuedAsync(server.Database);
        Assert.Empty(smtp.TakeReceived());
        var retry = server.Logs.Entries.First(entry => entry.Message.StartsWith($"{WillRetry} {experiment} that it is COMPLETED", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, retry.Level);
        Assert.Contains("attempt 1 of 100 (SocketException)", retry.Message, StringComparison.Ordinal);
        Assert.Single(server.Logs.Entries, entry => entry.Message.StartsWith("Mailed the owner of experiment", StringComparison.Ordinal));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task A_recipient_refused_for_now_gets_the_mail_once_the_server_accepts_it()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var server = await RunningServer.StartAsync(Settings(smtp, Retrying));
        var user = await LiveFixture.SignUpAsync(server);
        await SetMailAsync(user, enabled: true);
        smtp.RefuseRecipients("451 4.3.0 Mailbox busy, try again later");

        var experiment = await CompleteNewAsync(user);
        await WaitForAttemptsAsync(server.Database, 2);
        smtp.Accept();

        AssertTells(await smtp.NextMessageAsync(), user, await EndOfAsync(user, experiment));
        await WaitUntilNoneQueuedAsync(server.Database);
        Assert.Empty(smtp.TakeReceived());
        Assert.Contains(server.Logs.Entries, entry => entry.Message.StartsWith(WillRetry, StringComparison.Ordinal)
            && entry.Message.Contains("(SmtpCommandException): ", StringComparison.Ordinal)
            && entry.Message.Contains("Mailbox busy, try again later", StringComparison.Ordinal));
        Assert.Empty(server.Logs.Errors);
    }

    [Theory]
    [InlineData("recipient", "550 5.1.1 No such mailbox")]
    [InlineData("message", "451 4.3.0 Try again later")]
    public async Task A_mail_refused_for_good_or_after_its_data_is_dropped_with_a_warning_and_never_sent(string refused, string reply)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var server = await RunningServer.StartAsync(Settings(smtp, Retrying));
        var user = await LiveFixture.SignUpAsync(server);
        await SetMailAsync(user, enabled: true);
        if (refused == "recipient")
        {
            smtp.RefuseRecipients(reply);
        }
        else
        {
            smtp.RefuseMessages(reply);
        }

        var dropped = await CompleteNewAsync(user);
        var end = await EndOfAsync(user, dropped);
        var warning = await MailTests.WaitForLogAsync(
            server,
            $"Could not mail the owner of experiment {dropped} that it is COMPLETED (event {end.Id}), and will not try again (SmtpCommandException)");
        await WaitUntilNoneQueuedAsync(server.Database);
        smtp.Accept();

        // The next mail is the first to arrive: the one refused is not tried again.
        var later = await CompleteNewAsync(user);
        AssertTells(await smtp.NextMessageAsync(), user, await EndOfAsync(user, later));
        await WaitUntilNoneQueuedAsync(server.Database);
        Assert.Empty(smtp.TakeReceived());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.DoesNotContain(server.Logs.Entries, entry => entry.Message.StartsWith(WillRetry, StringComparison.Ordinal));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task A_mail_not_given_to_the_server_in_MaxAttempts_is_dropped_with_a_warning()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var server = await RunningServer.StartAsync(Settings(smtp, [.. Retrying, "--Experiments:Mail:MaxAttempts=3"]));
        var user = await LiveFixture.SignUpAsync(server);
        await SetMailAsync(user, enabled: true);
        await smtp.StopAsync();

        var dropped = await CompleteNewAsync(user);
        var end = await EndOfAsync(user, dropped);
        var warning = await MailTests.WaitForLogAsync(
            server,
            $"Gave up the mail telling the owner of experiment {dropped} that it is COMPLETED (event {end.Id}): the mail server was not given it in 3 attempts");
        await WaitUntilNoneQueuedAsync(server.Database);
        await smtp.StartAgainAsync();

        var later = await CompleteNewAsync(user);
        AssertTells(await smtp.NextMessageAsync(), user, await EndOfAsync(user, later));
        await WaitUntilNoneQueuedAsync(server.Database);
        Assert.Empty(smtp.TakeReceived());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(2, server.Logs.Entries.Count(entry => entry.Message.StartsWith($"{WillRetry} {dropped} ", StringComparison.Ordinal)));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task A_mail_waiting_to_be_tried_again_goes_out_once_after_a_restart()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("ipp-graph-mail-").FullName;
        await using var database = await TestDatabase.CreateAsync(folder);
        var settings = Settings(smtp, [.. Retrying, database.Setting, $"--UPLOAD_FOLDER={Path.Combine(folder, "uploads")}"]);
        await smtp.StopAsync();
        long experiment;
        // Tried once and given back for an hour, so the server stops between attempts, not during one.
        await using (var down = await RunningServer.StartAsync([.. settings, "--Experiments:Mail:RetryDelay=01:00:00", "--Experiments:Mail:MaxRetryDelay=01:00:00"]))
        {
            var user = await LiveFixture.SignUpAsync(down, "ada@example.org");
            await SetMailAsync(user, enabled: true);
            experiment = await CompleteNewAsync(user);
            await WaitForAttemptsAsync(database, 1);
        }

        Assert.Equal(1L, Convert.ToInt64(await database.ScalarAsync("SELECT COUNT(*) FROM experiment_mails WHERE attempts = 1 AND claimed_by IS NULL AND not_before IS NOT NULL"), CultureInfo.InvariantCulture));
        // The hour passes.
        await database.ExecuteAsync("UPDATE experiment_mails SET not_before = NULL");
        await smtp.StartAgainAsync();
        await using (var restarted = await RunningServer.StartAsync(settings))
        {
            var user = await LiveFixture.SignInAsync(restarted, "ada@example.org");
            AssertTells(await smtp.NextMessageAsync(), user, await EndOfAsync(user, experiment));
            await WaitUntilNoneQueuedAsync(database);
            Assert.DoesNotContain(restarted.Logs.Entries, entry => entry.Message.Contains("was being sent when this instance stopped", StringComparison.Ordinal));
            Assert.Empty(restarted.Logs.Errors);
        }

        Assert.Empty(smtp.TakeReceived());
        Directory.Delete(folder, recursive: true);
    }
}
