using System.Text.Json;
using Ipp.Graph.Accounts.PasswordReset;
using Ipp.Graph.Tests.Mail;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Accounts.PasswordReset;

/// <summary>
/// Password reset by email over the real server and a real SMTP server (<see cref="SmtpTestServer"/>): the mail
/// arrives with a link whose token sets the password once, ends the user's sessions, expires, is replaced by a newer
/// one; an unknown address gets the same answer and no mail; bad tokens get one code and change nothing.
/// </summary>
public sealed class PasswordResetTests : IAsyncLifetime
{
    private const string OldPassword = "correct horse battery";
    private const string NewPassword = "new staple horse";

    private readonly SettableClock _clock = new();
    private SmtpTestServer _smtp = null!;
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        _server = await AccountsServer.StartAsync(_clock, _smtp.Settings);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_mail_arrives_with_a_link_whose_token_sets_the_password_once()
    {
        using var http = new GraphQLHttp(_server);
        await http.CreateUserAsync("Ada@Example.org", OldPassword);

        await ResetMails.RequestAsync(http, "  ada@example.ORG ");
        var mail = await _smtp.NextMessageAsync();

        Assert.Equal("Ada@Example.org", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("noreply@ipp.example.org", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal("IPP Portal", Assert.Single(mail.From.Mailboxes).Name);
        Assert.Contains(ResetMails.LinkStart, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("within 30 minutes", mail.TextBody, StringComparison.Ordinal);
        var token = ResetMails.TokenOf(mail);

        var reset = (await http.PostAsync(ResetMails.Reset, new { token, password = NewPassword })).Data("resetPassword");
        Assert.Equal("Ada@Example.org", reset.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, reset.GetProperty("errors").ValueKind);
        await http.AuthenticateAsync("ada@example.org", NewPassword);
        Assert.Equal(
            "INVALID_CREDENTIALS",
            (await http.PostAsync(Operations.Authenticate, new { email = "ada@example.org", password = OldPassword })).PayloadErrorCode("authenticate"));

        var hashBefore = await PasswordHashAsync("ada@example.org");
        var again = await http.PostAsync(ResetMails.Reset, new { token, password = "third password here" });
        Assert.Equal(PasswordResetErrorCodes.TokenInvalid, again.PayloadErrorCode("resetPassword"));
        Assert.Equal(hashBefore, await PasswordHashAsync("ada@example.org"));
        Assert.Empty(_server.Logs.Errors);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        using var http = new GraphQLHttp(_server);
        await http.CreateUserAsync("ada@example.org");

        var unknown = await http.PostAsync(ResetMails.Request, new { email = "nobody@example.org" });
        var known = await http.PostAsync(ResetMails.Request, new { email = "ada@example.org" });

        Assert.Equal(
            unknown.Body.GetRawText().Replace("nobody@example.org", "ada@example.org", StringComparison.Ordinal),
            known.Body.GetRawText());
        Assert.Equal(unknown.Status, known.Status);
        // Requests are handled in order: once the known address's mail is here, the unknown one was handled before it.
        await ResetMails.NextTokenAsync(_smtp, "ada@example.org");
        Assert.Empty(_smtp.TakeReceived());
        Assert.Equal(1L, await _server.Database.ScalarAsync("SELECT COUNT(*) FROM password_reset_tokens"));
    }

    [Fact]
    public async Task A_denied_or_disabled_account_gets_the_same_answer_and_no_mail()
    {
        using var http = new GraphQLHttp(_server);
        await http.CreateUserAsync("denied@example.org");
        await http.CreateUserAsync("disabled@example.org");
        await http.CreateUserAsync("ada@example.org");
        await _server.Database.ExecuteAsync("UPDATE users SET approval = 'DENIED' WHERE email = 'denied@example.org'");
        await _server.Database.ExecuteAsync("UPDATE users SET disabled = TRUE WHERE email = 'disabled@example.org'");

        var denied = await http.PostAsync(ResetMails.Request, new { email = "denied@example.org" });
        var disabled = await http.PostAsync(ResetMails.Request, new { email = "disabled@example.org" });
        var unknown = await http.PostAsync(ResetMails.Request, new { email = "nobody@example.org" });

        Assert.Equal(unknown.Body.GetRawText().Replace("nobody@", "denied@", StringComparison.Ordinal), denied.Body.GetRawText());
        Assert.Equal(unknown.Body.GetRawText().Replace("nobody@", "disabled@", StringComparison.Ordinal), disabled.Body.GetRawText());
        // Requests are handled in order: once ada's mail is here, the two before it were handled.
        await ResetMails.RequestAsync(http, "ada@example.org");
        await ResetMails.NextTokenAsync(_smtp, "ada@example.org");
        Assert.Empty(_smtp.TakeReceived());
        Assert.Equal(1L, await _server.Database.ScalarAsync("SELECT COUNT(*) FROM password_reset_tokens"));
    }

    [Fact]
    public async Task The_token_is_stored_only_as_its_hash()
    {
        using var http = new GraphQLHttp(_server);
        await http.CreateUserAsync("ada@example.org");

        await ResetMails.RequestAsync(http, "ada@example.org");
        var token = await ResetMails.NextTokenAsync(_smtp, "ada@example.org");

        var stored = (byte[])(await _server.Database.ScalarAsync("SELECT token_hash FROM password_reset_tokens"))!;
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token)), stored);
    }

    [Fact]
    public async Task Resetting_ends_every_session_of_the_user_and_tells_its_subscribers()
    {
        using var http = new GraphQLHttp(_server);
        var graphql = new InProcessGraphQL(_server);
        var session = await http.CreateUserAsync("ada@example.org");
        var subscription = await graphql.SubscribeAsync("subscription { sessionEnded { reason } }", await graphql.CallerAsync(session));
        await using var events = subscription.Stream!.GetAsyncEnumerator();
        var next = events.MoveNextAsync();

        await ResetMails.RequestAsync(http, "ada@example.org");
        var token = await ResetMails.NextTokenAsync(_smtp, "ada@example.org");
        (await http.PostAsync(ResetMails.Reset, new { token, password = NewPassword })).Data("resetPassword");

        Assert.True(await next);
        Assert.Contains("\"reason\":\"PASSWORD_RESET\"", events.Current.ToJson(), StringComparison.Ordinal);
        Assert.Null(await http.MeAsync(session));
        Assert.Equal(0L, await _server.Database.ScalarAsync("SELECT COUNT(*) FROM sessions"));
        Assert.Equal(0L, await _server.Database.ScalarAsync("SELECT COUNT(*) FROM password_reset_tokens"));
    }

    [Fact]
    public async Task An_expired_token_is_refused_and_changes_nothing()
    {
        using var http = new GraphQLHttp(_server);
        var session = await http.CreateUserAsync("ada@example.org", OldPassword);
        await ResetMails.RequestAsync(http, "ada@example.org");
        var token = await ResetMails.NextTokenAsync(_smtp, "ada@example.org");
        var before = await _server.Database.RowsAsync();

        _clock.Advance(TimeSpan.FromMinutes(30));
        var response = await http.PostAsync(ResetMails.Reset, new { token, password = NewPassword });

        Assert.Equal(PasswordResetErrorCodes.TokenInvalid, response.PayloadErrorCode("resetPassword"));
        Assert.Equal(before, await _server.Database.RowsAsync());
        Assert.Equal("ada@example.org", await http.MeAsync(session));
    }

    [Fact]
    public async Task A_token_works_until_just_before_its_lifetime_ends()
    {
        using var http = new GraphQLHttp(_server);
        await http.CreateUserAsync("ada@example.org", OldPassword);
        await ResetMails.RequestAsync(http, "ada@example.org");
        var token = await ResetMails.NextTokenAsync(_smtp, "ada@example.org");

        _clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));

        (await http.PostAsync(ResetMails.Reset, new { token, password = NewPassword })).Data("resetPassword").GetProperty("email");
        await http.AuthenticateAsync("ada@example.org", NewPassword);
    }

    [Fact]
    public async Task A_new_request_replaces_the_older_link()
    {
        using var http = new GraphQLHttp(_server);
        await http.CreateUserAsync("ada@example.org", OldPassword);
        await ResetMails.RequestAsync(http, "ada@example.org");
        var first = await ResetMails.NextTokenAsync(_smtp, "ada@example.org");

        await ResetMails.RequestAsync(http, "ada@example.org");
        var second = await ResetMails.NextTokenAsync(_smtp, "ada@example.org");

        Assert.NotEqual(first, second);
        Assert.Equal(PasswordResetErrorCodes.TokenInvalid, (await http.PostAsync(ResetMails.Reset, new { token = first, password = NewPassword })).PayloadErrorCode("resetPassword"));
        (await http.PostAsync(ResetMails.Reset, new { token = second, password = NewPassword })).Data("resetPassword").GetProperty("email");
        await http.AuthenticateAsync("ada@example.org", NewPassword);
    }

    public static TheoryData<string> BadTokens =>
    [
        "",
        "not a token",
        new string('A', 43),
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        new string('x', 10_000),
    ];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Unknown_and_malformed_tokens_get_one_code_and_change_nothing(string token)
    {
        using var http = new GraphQLHttp(_server);
        await http.CreateUserAsync("ada@example.org", OldPassword);
        await ResetMails.RequestAsync(http, "ada@example.org");
        await ResetMails.NextTokenAsync(_smtp, "ada@example.org");
        var before = await _server.Database.RowsAsync();

        var response = await http.PostAsync(ResetMails.Reset, new { token, password = NewPassword });

        Assert.Equal(PasswordResetErrorCodes.TokenInvalid, response.PayloadErrorCode("resetPassword"));
        Assert.Equal(before, await _server.Database.RowsAsync());
        Assert.Empty(_server.Logs.Errors);
    }

    [Fact]
    public async Task A_bad_new_password_is_refused_and_the_token_still_works()
    {
        using var http = new GraphQLHttp(_server);
        await http.CreateUserAsync("ada@example.org", OldPassword);
        await ResetMails.RequestAsync(http, "ada@example.org");
        var token = await ResetMails.NextTokenAsync(_smtp, "ada@example.org");
        var before = await _server.Database.RowsAsync();

        var response = await http.PostAsync(ResetMails.Reset, new { token, password = "short" });

        Assert.Equal("INVALID_PASSWORD", response.PayloadErrorCode("resetPassword"));
        Assert.Equal(before, await _server.Database.RowsAsync());
        (await http.PostAsync(ResetMails.Reset, new { token, password = NewPassword })).Data("resetPassword").GetProperty("email");
    }

    [Fact]
    public async Task Changing_the_password_ends_a_pending_link()
    {
        using var http = new GraphQLHttp(_server);
        var session = await http.CreateUserAsync("ada@example.org", OldPassword);
        await ResetMails.RequestAsync(http, "ada@example.org");
        var token = await ResetMails.NextTokenAsync(_smtp, "ada@example.org");

        (await http.PostAsync(PasswordChangeOperations.Change, new { current = OldPassword, @new = NewPassword }, session)).Data("changePassword");

        Assert.Equal(PasswordResetErrorCodes.TokenInvalid, (await http.PostAsync(ResetMails.Reset, new { token, password = "third password here" })).PayloadErrorCode("resetPassword"));
        await http.AuthenticateAsync("ada@example.org", NewPassword);
    }

    private async Task<string?> PasswordHashAsync(string normalizedEmail) =>
        (string?)await _server.Database.ScalarAsync("SELECT password_hash FROM users WHERE normalized_email = @email", ("@email", normalizedEmail));
}
