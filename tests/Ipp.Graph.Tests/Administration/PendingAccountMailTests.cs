using Ipp.Graph.Administration.Approval;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Accounts.PasswordReset;
using Ipp.Graph.Tests.Mail;
using Ipp.Graph.Tests.Support;
using MimeKit;

namespace Ipp.Graph.Tests.Administration;

/// <summary>
/// The mail telling administrators of a pending account (<c>Accounts:RequireApproval</c>), over the real server and a
/// real SMTP server (<see cref="SmtpTestServer"/>): each approved, enabled holder of <c>users:manage</c> by the
/// permission table gets one, naming the account and linking to the users page; nobody else does; none without
/// approval required or without mail; a mail server that is down is logged and createUser answers as ever. Mail goes
/// out in the order queued, so a password reset mail asked for afterwards arriving means everything before it was
/// handled (the mails <see cref="MailsUntilResetAsync"/> returns are all there were).
/// </summary>
public sealed class PendingAccountMailTests : IAsyncLifetime
{
    private SmtpTestServer _smtp = null!;

    public async Task InitializeAsync() => _smtp = await SmtpTestServer.StartAsync();

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task Each_approving_administrator_gets_one_mail_naming_the_account_and_linking_to_the_users_page()
    {
        await using var server = await Admins.StartAsync(_smtp.Settings);
        await Admins.SignUpAsync(server, "maintainer@example.org", "MAINTAINER");
        var member = await Admins.ApprovedAsync(server);
        var disabled = await Admins.SignUpAsync(server, "disabled@example.org", "ADMIN");
        await server.Database.ExecuteAsync("UPDATE users SET disabled = TRUE WHERE id = @id", ("@id", disabled.Id));
        var first = await Admins.SignUpAsync(server, "first@example.org", "ADMIN");
        var second = await Admins.SignUpAsync(server, "second@example.org", "ADMIN");
        await MailsUntilResetAsync(server, member.Email);

        using var http = new GraphQLHttp(server);
        await http.CreateUserAsync("New.Comer@Example.org");
        var mails = await MailsUntilResetAsync(server, member.Email);

        Assert.Equal([first.Email, second.Email], mails.Select(mail => Assert.Single(mail.To.Mailboxes).Address));
        foreach (var mail in mails)
        {
            Assert.Equal(PendingAccountMail.Subject, mail.Subject);
            Assert.Equal("noreply@ipp.example.org", Assert.Single(mail.From.Mailboxes).Address);
            Assert.Contains("New.Comer@Example.org", mail.TextBody, StringComparison.Ordinal);
            Assert.Matches(@"(?m)^https://portal\.example\.org/app/users\r?$", mail.TextBody);
        }

        Assert.Empty(server.Logs.ServerWarnings);
    }

    [Fact]
    public async Task The_permission_table_decides_who_is_told_not_the_role_name()
    {
        await using var server = await Admins.StartAsync([
            .. _smtp.Settings, "--Permissions:Roles:MAINTAINER:0=users:manage", "--Permissions:Roles:ADMIN:0=users:read"]);
        var maintainer = await Admins.SignUpAsync(server, "maintainer@example.org", "MAINTAINER");
        await Admins.SignUpAsync(server, "admin@example.org", "ADMIN");
        var member = await Admins.ApprovedAsync(server);
        await MailsUntilResetAsync(server, member.Email);

        using var http = new GraphQLHttp(server);
        await http.CreateUserAsync("newcomer@example.org");

        var mail = Assert.Single(await MailsUntilResetAsync(server, member.Email));
        Assert.Equal(maintainer.Email, Assert.Single(mail.To.Mailboxes).Address);
    }

    [Fact]
    public async Task Without_approval_required_no_administrator_is_mailed()
    {
        await using var server = await AccountsServer.StartAsync(_smtp.Settings);
        await Admins.SignUpAsync(server, "admin@example.org", "ADMIN");
        var member = await Admins.SignUpAsync(server);

        using var http = new GraphQLHttp(server);
        await http.CreateUserAsync("newcomer@example.org");

        Assert.Empty(await MailsUntilResetAsync(server, member.Email));
        Assert.Equal("APPROVED", await server.Database.ScalarAsync("SELECT approval FROM users WHERE email = 'newcomer@example.org'"));
    }

    [Fact]
    public async Task Without_mail_the_account_is_created_pending_and_nothing_is_sent_or_logged()
    {
        await using var server = await Admins.StartAsync();
        await Admins.SignUpAsync(server, "admin@example.org", "ADMIN");

        using var http = new GraphQLHttp(server);
        var token = await http.CreateUserAsync("newcomer@example.org");

        Assert.Equal("newcomer@example.org", await http.MeAsync(token));
        Assert.Equal("PENDING", await server.Database.ScalarAsync("SELECT approval FROM users WHERE email = 'newcomer@example.org'"));
        Assert.Empty(server.Logs.ServerWarnings);
    }

    [Fact]
    public async Task A_mail_server_that_is_down_is_logged_and_createUser_answers_as_ever()
    {
        var down = _smtp.Settings.Select(setting => setting.StartsWith("--Mail:Port=", StringComparison.Ordinal) ? $"--Mail:Port={FreePort.Take()}" : setting).ToArray();
        await using var server = await Admins.StartAsync(down);
        await Admins.SignUpAsync(server, "admin@example.org", "ADMIN");

        using var http = new GraphQLHttp(server);
        var token = await http.CreateUserAsync("newcomer@example.org");

        Assert.Equal("newcomer@example.org", await http.MeAsync(token));
        var warning = await MailTests.WaitForLogAsync(server, "Could not send a pending account mail");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Empty(server.Logs.Errors);
        Assert.Equal("PENDING", await server.Database.ScalarAsync("SELECT approval FROM users WHERE email = 'newcomer@example.org'"));
    }

    /// <summary>
    /// Asks for a password reset of <paramref name="email"/> and returns the mails that arrive before it: since mail
    /// goes out in order, every mail queued earlier.
    /// </summary>
    private async Task<List<MimeMessage>> MailsUntilResetAsync(RunningServer server, string email)
    {
        using var http = new GraphQLHttp(server);
        await ResetMails.RequestAsync(http, email);
        var before = new List<MimeMessage>();
        while (await _smtp.NextMessageAsync() is var mail && mail.Subject != "Reset your password")
        {
            before.Add(mail);
        }

        return before;
    }
}
