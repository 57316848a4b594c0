using System.Text.RegularExpressions;
using Ipp.Graph.Accounts.PasswordChange;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Accounts.PasswordChange;

/// <summary>
/// <c>changePassword</c> over the real server: it needs the current password (a wrong one changes nothing and counts
/// against the sign-in rate limit), checks the new one, and keeps the session asking.
/// </summary>
public sealed class ChangePasswordTests
{
    private const string OldPassword = "correct horse battery";
    private const string NewPassword = "new staple horse";

    [Fact]
    public async Task It_sets_the_new_password_and_keeps_the_current_session()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var session = await http.CreateUserAsync("ada@example.org", OldPassword);

        var payload = (await http.PostAsync(PasswordChangeOperations.Change, new { current = OldPassword, @new = NewPassword }, session)).Data("changePassword");

        Assert.Equal("ada@example.org", payload.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal("ada@example.org", await http.MeAsync(session));
        Assert.Equal(1L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM sessions"));
        Assert.Equal(
            "INVALID_CREDENTIALS",
            (await http.PostAsync(Operations.Authenticate, new { email = "ada@example.org", password = OldPassword })).PayloadErrorCode("authenticate"));
        await http.AuthenticateAsync("ada@example.org", NewPassword);
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_and_changes_nothing()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var session = await http.CreateUserAsync("ada@example.org", OldPassword);
        var before = await RowsButRateLimitsAsync(server);

        var response = await http.PostAsync(PasswordChangeOperations.Change, new { current = "not the password", @new = NewPassword }, session);

        Assert.Equal(PasswordChangeErrorCodes.CurrentPasswordIncorrect, response.PayloadErrorCode("changePassword"));
        Assert.Equal(before, await RowsButRateLimitsAsync(server));
        await http.AuthenticateAsync("ada@example.org", OldPassword);
    }

    [Theory]
    [InlineData("short", "INVALID_PASSWORD")]
    [InlineData("a password that is longer than seventy-two bytes, which bcrypt would cut short", "INVALID_PASSWORD")]
    public async Task A_bad_new_password_is_refused_and_changes_nothing(string newPassword, string code)
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var session = await http.CreateUserAsync("ada@example.org", OldPassword);
        var before = await RowsButRateLimitsAsync(server);

        var response = await http.PostAsync(PasswordChangeOperations.Change, new { current = OldPassword, @new = newPassword }, session);

        Assert.Equal(code, response.PayloadErrorCode("changePassword"));
        Assert.Equal(before, await RowsButRateLimitsAsync(server));
    }

    [Fact]
    public async Task Attempts_count_against_the_sign_in_rate_limit()
    {
        await using var server = await AccountsServer.StartAsync("--Accounts:RateLimit:PermitLimit=3", "--Accounts:RateLimit:Window=01:00:00");
        using var http = new GraphQLHttp(server);
        var session = await http.CreateUserAsync("ada@example.org", OldPassword);
        var guesses = new[] { "guess number one", "guess number two" };
        foreach (var guess in guesses)
        {
            Assert.Equal(
                PasswordChangeErrorCodes.CurrentPasswordIncorrect,
                (await http.PostAsync(PasswordChangeOperations.Change, new { current = guess, @new = NewPassword }, session)).PayloadErrorCode("changePassword"));
        }

        var limited = await http.PostAsync(PasswordChangeOperations.Change, new { current = OldPassword, @new = NewPassword }, session);

        Assert.Equal("RATE_LIMITED", limited.PayloadErrorCode("changePassword"));
        Assert.Equal("RATE_LIMITED", (await http.PostAsync(Operations.Authenticate, new { email = "ada@example.org", password = OldPassword })).PayloadErrorCode("authenticate"));
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);

        var response = await http.PostAsync(PasswordChangeOperations.Change, new { current = OldPassword, @new = NewPassword });

        Assert.Equal("AUTH_NOT_AUTHENTICATED", response.ErrorCode);
    }

    /// <summary>
    /// Every row but the rate limit's counts, which each attempt changes by design (rows of <c>rate_limit_windows</c>
    /// on PostgreSQL; in memory on SQLite).
    /// </summary>
    private static async Task<string> RowsButRateLimitsAsync(RunningServer server) =>
        Regex.Replace(await server.Database.RowsAsync(), "^rate_limit_windows:\n(?:[^\n]*\\|[^\n]*\n)*", "", RegexOptions.Multiline);
}
