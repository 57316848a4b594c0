using Ipp.Graph.Mail;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Accounts.PasswordReset;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Mail;

/// <summary>
/// Mail over a real SMTP server (<see cref="SmtpTestServer"/>): what the server sends arrives as written; without
/// <c>Mail:Host</c> the server says so once at start and password reset answers <c>MAIL_NOT_CONFIGURED</c>; bad
/// settings stop the start; a mail server that is down loses nothing and is logged; a failure before the mail was
/// handed over is told apart from one after it, or a permanent refusal.
/// </summary>
public sealed class MailTests
{
    private const string NotConfiguredNotice = "Mail is not configured (Mail:Host is empty)";

    [Fact]
    public async Task A_mail_goes_out_through_the_SMTP_server_as_written()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var server = await AccountsServer.StartAsync(smtp.Settings);
        var sender = server.Services.GetRequiredService<IMailSender>();

        await sender.SendAsync(new OutgoingMail("grace@example.org", "Grüße aus dem Portal", "First line\n.A line starting with a dot\nÜmlauts: äöü"), CancellationToken.None);
        var mail = await smtp.NextMessageAsync();

        Assert.Equal("grace@example.org", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("noreply@ipp.example.org", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal("Grüße aus dem Portal", mail.Subject);
        Assert.Equal("First line\n.A line starting with a dot\nÜmlauts: äöü", mail.TextBody?.ReplaceLineEndings("\n").TrimEnd('\n'));
        Assert.Equal("https://portal.example.org/app/reset-password", sender.LinkTo("reset-password"));
        Assert.DoesNotContain(server.Logs.Entries, entry => entry.Message.Contains(NotConfiguredNotice, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failure_before_the_mail_was_handed_over_is_told_apart_from_one_after_it_or_for_good()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var server = await AccountsServer.StartAsync(smtp.Settings);
        var sender = server.Services.GetRequiredService<IMailSender>();
        var mail = new OutgoingMail("grace@example.org", "Hello", "Text");

        smtp.RefuseSenders("450 4.7.1 Sender address rejected, try again later");
        var senderBusy = await Assert.ThrowsAsync<MailNotHandedOverException>(() => sender.SendAsync(mail, CancellationToken.None));
        smtp.RefuseSenders("553 5.7.1 Sender not allowed");
        var senderRefused = await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(mail, CancellationToken.None));
        smtp.Accept();
        smtp.RefuseRecipients("451 4.3.0 Try again later");
        var busy = await Assert.ThrowsAsync<MailNotHandedOverException>(() => sender.SendAsync(mail, CancellationToken.None));
        smtp.RefuseRecipients("550 5.1.1 No such mailbox");
        var unknown = await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(mail, CancellationToken.None));
        smtp.Accept();
        smtp.RefuseMessages("451 4.3.0 Try again later");
        var afterData = await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(mail, CancellationToken.None));
        smtp.Accept();
        await smtp.StopAsync();
        var down = await Assert.ThrowsAsync<MailNotHandedOverException>(() => sender.SendAsync(mail, CancellationToken.None));
        await smtp.StartAgainAsync();
        await sender.SendAsync(mail, CancellationToken.None);

        Assert.Equal(MailKit.Net.Smtp.SmtpErrorCode.SenderNotAccepted, Assert.IsType<MailKit.Net.Smtp.SmtpCommandException>(senderBusy.InnerException).ErrorCode);
        Assert.IsNotType<MailNotHandedOverException>(senderRefused);
        Assert.Contains("Nothing was given to the mail server (SmtpCommandException: ", busy.Message, StringComparison.Ordinal);
        Assert.IsNotType<MailNotHandedOverException>(unknown);
        Assert.IsNotType<MailNotHandedOverException>(afterData);
        Assert.IsType<System.Net.Sockets.SocketException>(down.InnerException);
        Assert.Equal("Hello", (await smtp.NextMessageAsync()).Subject);
        Assert.Empty(smtp.TakeReceived());
    }

    [Fact]
    public async Task Without_a_host_the_server_says_so_once_and_password_reset_answers_MAIL_NOT_CONFIGURED()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        await http.CreateUserAsync("ada@example.org");
        var before = await server.Database.RowsAsync();

        var response = await http.PostAsync(ResetMails.Request, new { email = "ada@example.org" });

        Assert.Equal(MailErrorCodes.MailNotConfigured, response.PayloadErrorCode("requestPasswordReset"));
        Assert.Single(server.Logs.Entries, entry => entry.Message.Contains(NotConfiguredNotice, StringComparison.Ordinal));
        Assert.False(server.Services.GetRequiredService<IMailSender>().IsConfigured);
        Assert.Equal(before, await server.Database.RowsAsync());
    }

    [Theory]
    [InlineData(new[] { "--Mail:Host=127.0.0.1", "--Mail:LinkBase=https://portal.example.org/" }, "Mail:Sender must be an address")]
    [InlineData(new[] { "--Mail:Host=127.0.0.1", "--Mail:Sender=not an address", "--Mail:LinkBase=https://portal.example.org/" }, "Mail:Sender must be an address")]
    [InlineData(new[] { "--Mail:Host=127.0.0.1", "--Mail:Sender=noreply@example.org" }, "Mail:LinkBase must be the frontend's absolute http or https address")]
    [InlineData(new[] { "--Mail:Host=127.0.0.1", "--Mail:Sender=noreply@example.org", "--Mail:LinkBase=ftp://portal.example.org/" }, "Mail:LinkBase must be")]
    [InlineData(new[] { "--Mail:Host=127.0.0.1", "--Mail:Sender=noreply@example.org", "--Mail:LinkBase=/app/" }, "Mail:LinkBase must be")]
    [InlineData(new[] { "--Mail:Host=127.0.0.1", "--Mail:Sender=noreply@example.org", "--Mail:LinkBase=https://portal.example.org/?a=b" }, "Mail:LinkBase must be")]
    [InlineData(new[] { "--Mail:Host=127.0.0.1", "--Mail:Sender=noreply@example.org", "--Mail:LinkBase=https://portal.example.org/", "--Mail:Port=0" }, "Mail:Port must be between 1 and 65535")]
    [InlineData(new[] { "--Mail:Host=127.0.0.1", "--Mail:Sender=noreply@example.org", "--Mail:LinkBase=https://portal.example.org/", "--Mail:Tls=None", "--Mail:UserName=u", "--Mail:Password=p" }, "Mail:UserName needs Mail:Tls StartTls or Implicit")]
    [InlineData(new[] { "--Mail:Host=127.0.0.1", "--Mail:Sender=noreply@example.org", "--Mail:LinkBase=https://portal.example.org/", "--Mail:UserName=u" }, "Mail:UserName and Mail:Password go together")]
    [InlineData(new[] { "--Accounts:PasswordReset:Lifetime=00:00:00" }, "Accounts:PasswordReset:Lifetime must be positive")]
    [InlineData(new[] { "--Accounts:PasswordReset:LinkPath=reset#x" }, "Accounts:PasswordReset:LinkPath must be a relative path")]
    [InlineData(new[] { "--Accounts:PasswordReset:RateLimit:PermitLimit=0" }, "Accounts:PasswordReset:RateLimit:PermitLimit must be 1 or more")]
    [InlineData(new[] { "--Mail:QueueLength=0" }, "Mail:QueueLength must be 1 or more")]
    [InlineData(new[] { "--Administration:UsersLinkPath=users?x" }, "Administration:UsersLinkPath must be a relative path")]
    public async Task A_bad_setting_stops_the_server_saying_which(string[] settings, string message)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AccountsServer.StartAsync(settings));

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_server_that_is_down_is_logged_and_the_request_is_answered_as_ever()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var down = smtp.Settings.Select(setting => setting.StartsWith("--Mail:Port=", StringComparison.Ordinal) ? $"--Mail:Port={FreePort.Take()}" : setting).ToArray();
        await using var server = await AccountsServer.StartAsync(down);
        using var http = new GraphQLHttp(server);
        var session = await http.CreateUserAsync("ada@example.org");
        var hash = await server.Database.ScalarAsync("SELECT password_hash FROM users");

        var known = await http.PostAsync(ResetMails.Request, new { email = "ada@example.org" });
        var unknown = await http.PostAsync(ResetMails.Request, new { email = "nobody@example.org" });

        Assert.Equal(
            unknown.Body.GetRawText().Replace("nobody@example.org", "ada@example.org", StringComparison.Ordinal),
            known.Body.GetRawText());
        var warning = await WaitForLogAsync(server, "Could not send a password reset mail");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Empty(server.Logs.Errors);
        Assert.Equal(hash, await server.Database.ScalarAsync("SELECT password_hash FROM users"));
        Assert.Equal("ada@example.org", await http.MeAsync(session));
    }

    /// <summary>The first entry of the server's log holding <paramref name="text"/>, waiting for it as long as for a mail.</summary>
    internal static async Task<LogEntry> WaitForLogAsync(RunningServer server, string text)
    {
        var deadline = DateTime.UtcNow + SmtpTestServer.ArrivalTimeout;
        while (true)
        {
            if (server.Logs.Entries.FirstOrDefault(entry => entry.Message.Contains(text, StringComparison.Ordinal)) is { } entry)
            {
                return entry;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The server never logged \"{text}\".");
            await Task.Delay(50);
        }
    }
}
