using System.Net;
using System.Text.Json;
using Ipp.Graph.Accounts;
using Ipp.Graph.Accounts.Passwords;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.RateLimiting;
using Ipp.Graph.Transport;

namespace Ipp.Graph.Tests.Accounts;

/// <summary><c>authenticate</c> over HTTP: one session per user, one answer for every failure, older hashes, limits.</summary>
public sealed class AuthenticateTests
{
    [Theory]
    [InlineData(10000)]
    [InlineData(0)]
    public async Task SignsInWhateverTheEmailsCaseAndSpacingAndReplacesTheSession(int sessionCacheSize)
    {
        var clock = new SettableClock();
        await using var server = await AccountsServer.StartAsync(clock, $"--Accounts:SessionCacheSize={sessionCacheSize}");
        using var http = new GraphQLHttp(server);
        var first = await http.CreateUserAsync("Ada@Example.org");
        Assert.Equal("Ada@Example.org", await http.MeAsync(first));
        clock.Advance(TimeSpan.FromMinutes(5));

        var response = await http.PostAsync(Operations.Authenticate, new { email = "  ada@EXAMPLE.ORG ", password = "correct horse battery" });

        var payload = response.Data("authenticate");
        var second = payload.GetProperty("token").GetString()!;
        Assert.NotEqual(first, second);
        Assert.Equal(Instants.Rfc3339(clock.GetUtcNow().AddHours(24)), payload.GetProperty("expiresAt").GetString());
        Assert.Equal("""{"id":"VXNlcjox","email":"Ada@Example.org","roles":[],"createdAt":""" + $"\"{Instants.Rfc3339(clock.GetUtcNow().AddMinutes(-5))}\"}}", payload.GetProperty("user").GetRawText());
        Assert.Null(await http.MeAsync(first));
        Assert.Equal("Ada@Example.org", await http.MeAsync(second));
        Assert.Equal(1L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM sessions"));
    }

    [Fact]
    public async Task ConcurrentSignInsOfOneUserLeaveOneSessionWhoseTokenAloneWorks()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var first = await http.CreateUserAsync("ada@example.org");

        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => http.AuthenticateAsync("ada@example.org")));

        Assert.Equal(1L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM sessions"));
        var working = new List<string>();
        foreach (var token in tokens.Append(first))
        {
            if (await http.MeAsync(token) is not null)
            {
                working.Add(token);
            }
        }

        Assert.Single(working);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownEmailGetTheSameAnswerAfterTheSameWork()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        await http.CreateUserAsync("ada@example.org");
        var hasher = server.Services.GetRequiredService<PasswordHasher>();

        var before = hasher.Verifications;
        var wrongPassword = await http.PostAsync(Operations.Authenticate, new { email = "ada@example.org", password = "wrong password" });
        var afterWrongPassword = hasher.Verifications;
        var unknownEmail = await http.PostAsync(Operations.Authenticate, new { email = "nobody@example.org", password = "correct horse battery" });
        var afterUnknownEmail = hasher.Verifications;
        var notAnEmail = await http.PostAsync(Operations.Authenticate, new { email = "", password = "" });

        foreach (var response in new[] { wrongPassword, unknownEmail, notAnEmail })
        {
            var error = response.PayloadError("authenticate");
            Assert.Equal("InvalidCredentialsError", error.GetProperty("__typename").GetString());
            Assert.Equal(AccountsErrorCodes.InvalidCredentials, error.GetProperty("code").GetString());
            Assert.Equal("The email or password is incorrect.", error.GetProperty("message").GetString());
            Assert.Empty(response.SetCookies);
        }

        // One bcrypt verification each: against the account's hash, then against the dummy hash.
        Assert.Equal(before + 1, afterWrongPassword);
        Assert.Equal(afterWrongPassword + 1, afterUnknownEmail);
        Assert.Equal(afterUnknownEmail + 1, hasher.Verifications);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task APasswordOver72BytesNeverSignsInEvenWhenItsFirst72Match()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var password = new string('p', 72);
        await http.CreateUserAsync("ada@example.org", password);
        var hasher = server.Services.GetRequiredService<PasswordHasher>();
        var before = hasher.Verifications;

        var longer = await http.PostAsync(Operations.Authenticate, new { email = "ada@example.org", password = password + "and more" });
        var withNul = await http.PostAsync(Operations.Authenticate, new { email = "ada@example.org", password = "ppp\0" });

        Assert.Equal(AccountsErrorCodes.InvalidCredentials, longer.PayloadErrorCode("authenticate"));
        Assert.Equal(AccountsErrorCodes.InvalidCredentials, withNul.PayloadErrorCode("authenticate"));
        Assert.Equal(before + 2, hasher.Verifications);
        Assert.NotNull(await http.AuthenticateAsync("ada@example.org", password));
    }

    /// <summary>
    /// Weakness 5: a lone surrogate has no UTF-8 form, so bcrypt was given U+FFFD for every one of them, and two
    /// different passwords opened the same account. Neither now gets past the JSON a client sends (I-JSON).
    /// </summary>
    [Fact]
    public async Task PasswordsDifferingInALoneSurrogateNeverShareAnAccount()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var hasher = server.Services.GetRequiredService<PasswordHasher>();
        var before = hasher.Verifications;

        var created = await http.PostWithRawVariablesAsync(Operations.CreateUser, """{"email":"ada@example.org","password":"correct\ud800horse"}""");
        var signedIn = await http.PostWithRawVariablesAsync(Operations.Authenticate, """{"email":"ada@example.org","password":"correct\udbffhorse"}""");

        Assert.Equal((HttpStatusCode.BadRequest, TransportErrorCodes.BadRequest), (created.Status, created.ErrorCode));
        Assert.Equal((HttpStatusCode.BadRequest, TransportErrorCodes.BadRequest), (signedIn.Status, signedIn.ErrorCode));
        Assert.Equal(0L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM users"));
        Assert.Equal(before, hasher.Verifications);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task APasswordWithALoneSurrogateNeverSignsInEvenWhereItsReplacementWould()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var hasher = server.Services.GetRequiredService<PasswordHasher>();
        // An account whose password holds U+FFFD itself, as one made before lone surrogates were refused holds.
        var hash = await hasher.HashAsync("correct\ufffdhorse", CancellationToken.None);
        await server.Database.ExecuteAsync(
            "INSERT INTO users (email, normalized_email, password_hash, created_at) VALUES ('ada@example.org', 'ada@example.org', @hash, '2021-07-01 12:00:00');",
            ("@hash", hash));
        var before = hasher.Verifications;

        var surrogate = await http.PostWithRawVariablesAsync(Operations.Authenticate, """{"email":"ada@example.org","password":"correct\ud800horse"}""");
        var unknownEmail = await http.PostWithRawVariablesAsync(Operations.Authenticate, """{"email":"nobody@example.org","password":"correct\ud800horse"}""");

        Assert.Equal(TransportErrorCodes.BadRequest, surrogate.ErrorCode);
        Assert.Equal(TransportErrorCodes.BadRequest, unknownEmail.ErrorCode);
        Assert.Equal(before, hasher.Verifications);
        Assert.Empty(server.Logs.Errors);
        var replacement = await http.PostWithRawVariablesAsync(Operations.Authenticate, """{"email":"ada@example.org","password":"correct\ufffdhorse"}""");
        Assert.Equal("ada@example.org", replacement.Data("authenticate").GetProperty("user").GetProperty("email").GetString());
    }

    /// <summary>Weakness 5: an address with an invisible or formatting character looked like another account's.</summary>
    [Theory]
    [InlineData("""ada\u200b@example.org""")]
    [InlineData("""ad\u00ada@example.org""")]
    [InlineData("""\ufeffada@example.org""")]
    [InlineData("""ada\u202e@example.org""")]
    [InlineData("""ada\u3164@example.org""")]
    public async Task ALookAlikeOfAnEmailCanNeitherBeCreatedNorSignIn(string escapedLookAlike)
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        await http.CreateUserAsync("ada@example.org", "correct horse battery");

        var created = await http.PostWithRawVariablesAsync(Operations.CreateUser, $$"""{"email":"{{escapedLookAlike}}","password":"look-alike password"}""");
        var withItsPassword = await http.PostWithRawVariablesAsync(Operations.Authenticate, $$"""{"email":"{{escapedLookAlike}}","password":"look-alike password"}""");
        var withAdasPassword = await http.PostWithRawVariablesAsync(Operations.Authenticate, $$"""{"email":"{{escapedLookAlike}}","password":"correct horse battery"}""");

        Assert.Equal(AccountsErrorCodes.InvalidEmail, created.PayloadErrorCode("createUser"));
        Assert.Equal(AccountsErrorCodes.InvalidCredentials, withItsPassword.PayloadErrorCode("authenticate"));
        Assert.Equal(AccountsErrorCodes.InvalidCredentials, withAdasPassword.PayloadErrorCode("authenticate"));
        Assert.Equal(1L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM users"));
        Assert.Empty(server.Logs.Errors);
    }

    [Theory]
    [InlineData("2a")]
    [InlineData("2y")]
    public async Task AnAccountWithAHashFromAnotherLibrarySignsInAndItsHashIsUpgraded(string variant)
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        const string password = "py-bcrypt wrote this ✓";
        var legacyHash = NodeRunner.Run("accounts/bcrypt-hash.js", JsonSerializer.Serialize(new[] { new { password, variant, cost = 5 } })).Trim();
        Assert.StartsWith($"${variant}$05$", legacyHash);
        await server.Database.ExecuteAsync(
            "INSERT INTO users (email, normalized_email, password_hash, created_at) VALUES ('Old@Example.org', 'old@example.org', @hash, '2021-07-01 12:00:00');",
            ("@hash", legacyHash));

        var wrong = await http.PostAsync(Operations.Authenticate, new { email = "old@example.org", password = "not it" });
        var response = await http.PostAsync(Operations.Authenticate, new { email = "old@example.org", password });

        Assert.Equal(AccountsErrorCodes.InvalidCredentials, wrong.PayloadErrorCode("authenticate"));
        var user = response.Data("authenticate").GetProperty("user");
        Assert.Equal("Old@Example.org", user.GetProperty("email").GetString());
        Assert.Equal("2021-07-01T12:00:00.000Z", user.GetProperty("createdAt").GetString());
        var upgraded = (string)(await server.Database.ScalarAsync("SELECT password_hash FROM users"))!;
        Assert.StartsWith("$2b$04$", upgraded);
        Assert.NotNull(await http.AuthenticateAsync("old@example.org", password));
    }

    [Fact]
    public async Task SignUpsAndSignInsAreLimitedPerClientAddress()
    {
        await using var server = await AccountsServer.StartAsync("--Accounts:RateLimit:PermitLimit=3", "--Accounts:RateLimit:Window=00:10:00");
        using var http = new GraphQLHttp(server);
        await http.CreateUserAsync("ada@example.org");
        var wrong = await http.PostAsync(Operations.Authenticate, new { email = "ada@example.org", password = "wrong password" });
        Assert.Equal(AccountsErrorCodes.InvalidCredentials, wrong.PayloadErrorCode("authenticate"));
        var token = await http.AuthenticateAsync("ada@example.org");
        var hasher = server.Services.GetRequiredService<PasswordHasher>();
        var verifications = hasher.Verifications;

        var signIn = await http.PostAsync(Operations.Authenticate, new { email = "ada@example.org", password = "correct horse battery" });
        var signUp = await http.PostAsync(Operations.CreateUser, new { email = "grace@example.org", password = "correct horse battery" });

        foreach (var (refused, field) in new[] { (signIn, "authenticate"), (signUp, "createUser") })
        {
            var error = refused.PayloadError(field);
            Assert.Equal("RateLimitedError", error.GetProperty("__typename").GetString());
            Assert.Equal(RateLimitErrorCodes.RateLimited, error.GetProperty("code").GetString());
            var retryAfter = error.GetProperty("retryAfter").GetInt32();
            Assert.InRange(retryAfter, 1, 600);
            Assert.Equal($"Too many attempts from this address: try again in {retryAfter} seconds.", error.GetProperty("message").GetString());
        }

        // Refused before any password work; other fields are not limited.
        Assert.Equal(verifications, hasher.Verifications);
        Assert.Equal(0L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM users WHERE normalized_email = 'grace@example.org'"));
        Assert.Equal("ada@example.org", await http.MeAsync(token));
        Assert.Empty(server.Logs.Errors);
    }
}
