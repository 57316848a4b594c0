using System.Buffers.Text;
using System.Text.Json;
using Ipp.Graph.Accounts;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Transport;

namespace Ipp.Graph.Tests.Accounts;

/// <summary><c>createUser</c> over HTTP: the account, its first session, and every refusal with its code.</summary>
public sealed class CreateUserTests
{
    [Fact]
    public async Task CreatesTheAccountAndSignsItIn()
    {
        var clock = new SettableClock();
        await using var server = await AccountsServer.StartAsync(clock);
        using var http = new GraphQLHttp(server);
        var issuedAt = clock.GetUtcNow();

        var response = await http.PostAsync(Operations.CreateUser, new { email = "  Ada.Lovelace@Example.org\t", password = "correct horse battery" });

        var payload = response.Data("createUser");
        var token = payload.GetProperty("token").GetString()!;
        Assert.Equal(43, token.Length);
        Assert.Equal(32, Base64Url.DecodeFromChars(token).Length);
        Assert.Equal(Instants.Rfc3339(issuedAt.AddHours(24)), payload.GetProperty("expiresAt").GetString());
        var user = payload.GetProperty("user");
        Assert.Equal(GlobalId.Encode("User", 1), user.GetProperty("id").GetString());
        Assert.Equal("Ada.Lovelace@Example.org", user.GetProperty("email").GetString());
        Assert.Equal("[]", user.GetProperty("roles").GetRawText());
        Assert.Equal(Instants.Rfc3339(issuedAt), user.GetProperty("createdAt").GetString());
        Assert.Equal("Ada.Lovelace@Example.org", await http.MeAsync(token));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task StoresANormalisedEmailAndA2bHashAtTheConfiguredCost()
    {
        await using var server = await AccountsServer.StartAsync("--Accounts:BcryptCost=12");
        using var http = new GraphQLHttp(server);

        await http.CreateUserAsync(" Grace@Example.ORG ", "correct horse battery");

        await using var connection = await server.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT email, normalized_email, password_hash FROM users";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("Grace@Example.ORG", reader.GetString(0));
        Assert.Equal("grace@example.org", reader.GetString(1));
        Assert.StartsWith("$2b$12$", reader.GetString(2));
        Assert.Equal(60, reader.GetString(2).Length);
    }

    [Theory]
    [InlineData("ada@example.org")]
    [InlineData("ADA@EXAMPLE.ORG")]
    [InlineData("  Ada@Example.org  ")]
    public async Task AnEmailTakenInAnyCaseOrSpacingIsRefused(string second)
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        await http.CreateUserAsync("Ada@example.org");

        var response = await http.PostAsync(Operations.CreateUser, new { email = second, password = "another password" });

        var error = response.PayloadError("createUser");
        Assert.Equal("EmailTakenError", error.GetProperty("__typename").GetString());
        Assert.Equal(AccountsErrorCodes.EmailTaken, error.GetProperty("code").GetString());
        Assert.Equal("An account with this email already exists.", error.GetProperty("message").GetString());
        Assert.Empty(response.SetCookies);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task ConcurrentSignUpsWithOneEmailMakeOneAccountAndClearErrors()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);

        // The lookup before hashing cannot see the others: the unique index decides, and its refusal is EMAIL_TAKEN.
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            http.PostAsync(Operations.CreateUser, new { email = i % 2 == 0 ? "race@example.org" : "RACE@example.org", password = "password " + i })));

        static bool Refused(GraphQLResponse response) => response.Data("createUser").GetProperty("errors").ValueKind != JsonValueKind.Null;
        Assert.Single(responses, response => !Refused(response));
        Assert.All(responses.Where(Refused), response =>
        {
            Assert.Equal(AccountsErrorCodes.EmailTaken, response.PayloadErrorCode("createUser"));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        });
        Assert.Empty(server.Logs.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ada")]
    [InlineData("ada@")]
    [InlineData("@example.org")]
    [InlineData("ada@example")]
    [InlineData("ada@@example.org")]
    [InlineData("ada@exa mple.org")]
    [InlineData("a da@example.org")]
    [InlineData("ada@example..org")]
    [InlineData(".ada@example.org")]
    [InlineData("ada@-example.org")]
    [InlineData("Ada <ada@example.org>")]
    public async Task AnInvalidEmailIsRefused(string email)
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);

        var response = await http.PostAsync(Operations.CreateUser, new { email, password = "correct horse battery" });

        var error = response.PayloadError("createUser");
        Assert.Equal("InvalidEmailError", error.GetProperty("__typename").GetString());
        Assert.Equal(AccountsErrorCodes.InvalidEmail, error.GetProperty("code").GetString());
        Assert.Equal("The email address is not valid: write it as name@example.org.", error.GetProperty("message").GetString());
        Assert.Empty(server.Logs.Errors);
    }

    /// <summary>Characters that make an address look like another (or like nothing), sent as JSON escapes.</summary>
    [Theory]
    [InlineData("""ada\u200b@example.org""", "U+200B")]
    [InlineData("""ada\u202egro.elpmaxe@example.org""", "U+202E")]
    [InlineData("""ad\u00ADa@example.org""", "U+00AD")]
    [InlineData("""\ufeffada@example.org""", "U+FEFF")]
    [InlineData("""ada\u2060@example.org""", "U+2060")]
    [InlineData("""ada\ud834\udd73@example.org""", "U+1D173")]
    [InlineData("""ada\u0085@example.org""", "U+0085")]
    [InlineData("""ada\u00a0lovelace@example.org""", "U+00A0")]
    [InlineData("""ada\u3000lovelace@example.org""", "U+3000")]
    [InlineData("""ada\ue000@example.org""", "U+E000")]
    [InlineData("""ada\udb80\udc00@example.org""", "U+F0000")]
    [InlineData("""ada\u0378@example.org""", "U+0378")]
    [InlineData("""ada\u3164@example.org""", "U+3164")]
    [InlineData("""ada@exam\u3164ple.org""", "U+3164")]
    [InlineData("""ade\u0301@example.org""", "U+0301")]
    [InlineData("""ada\ufffd@example.org""", "U+FFFD")]
    public async Task AnEmailWithAnInvisibleFormattingOrUnassignedCharacterIsRefused(string escapedEmail, string character)
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);

        var response = await http.PostWithRawVariablesAsync(Operations.CreateUser, $$"""{"email":"{{escapedEmail}}","password":"correct horse battery"}""");

        var error = response.PayloadError("createUser");
        Assert.Equal(AccountsErrorCodes.InvalidEmail, error.GetProperty("code").GetString());
        Assert.Equal($"The email address is not valid: it contains {character}, which is not a visible character of its own (an invisible, formatting, control, private-use or unassigned code point, a lone surrogate or a combining mark).", error.GetProperty("message").GetString());
        Assert.Equal(0L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM users"));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task AnEmailLongerThan254CharactersIsRefused()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var email = "ada@" + string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".org";

        var response = await http.PostAsync(Operations.CreateUser, new { email, password = "correct horse battery" });

        Assert.True(email.Length > 254);
        Assert.Equal(AccountsErrorCodes.InvalidEmail, response.PayloadErrorCode("createUser"));
    }

    [Theory]
    [InlineData("short", "The password is too short: it must be at least 8 bytes long (UTF-8).")]
    [InlineData("", "The password is too short: it must be at least 8 bytes long (UTF-8).")]
    [InlineData("with\0nul", "The password must not contain the NUL character.")]
    public async Task APasswordBreakingARuleIsRefused(string password, string message)
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);

        var response = await http.PostAsync(Operations.CreateUser, new { email = "ada@example.org", password });

        var error = response.PayloadError("createUser");
        Assert.Equal("InvalidPasswordError", error.GetProperty("__typename").GetString());
        Assert.Equal(AccountsErrorCodes.InvalidPassword, error.GetProperty("code").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal(8, error.GetProperty("minBytes").GetInt32());
        Assert.Equal(72, error.GetProperty("maxBytes").GetInt32());
    }

    /// <summary>
    /// A lone surrogate has no UTF-8 form: hashed, it would be U+FFFD, as every other lone surrogate would. The JSON a
    /// client sends may hold none (I-JSON), so such a password never reaches the rules (which refuse it too,
    /// <see cref="PasswordRulesTests"/>): the request is refused as malformed.
    /// </summary>
    [Theory]
    [InlineData("""correct\ud800horse""")]
    [InlineData("""correct horse\udbff""")]
    [InlineData("""\udc00correct horse""")]
    [InlineData("""correct\udc00\ud800horse""")]
    public async Task APasswordWithALoneSurrogateIsRefused(string escapedPassword)
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);

        var response = await http.PostWithRawVariablesAsync(Operations.CreateUser, $$"""{"email":"ada@example.org","password":"{{escapedPassword}}"}""");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(TransportErrorCodes.BadRequest, response.ErrorCode);
        Assert.Equal(0L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM users"));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task APasswordWithASurrogatePairIsAccepted()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);

        var created = await http.PostWithRawVariablesAsync(Operations.CreateUser, """{"email":"ada@example.org","password":"key \ud83d\udd11 correct"}""");

        Assert.Equal(43, created.Data("createUser").GetProperty("token").GetString()!.Length);
        Assert.NotNull(await http.AuthenticateAsync("ada@example.org", "key \U0001F511 correct"));
    }

    [Fact]
    public async Task APasswordOver72BytesIsRefusedNotTruncated()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var fits = new string('é', 36);
        var tooLong = fits + "x";

        var refused = await http.PostAsync(Operations.CreateUser, new { email = "ada@example.org", password = tooLong });
        var accepted = await http.PostAsync(Operations.CreateUser, new { email = "ada@example.org", password = fits });

        Assert.Equal(AccountsErrorCodes.InvalidPassword, refused.PayloadErrorCode("createUser"));
        Assert.Equal("The password is too long: it must be at most 72 bytes long (UTF-8); this one has 73.", refused.PayloadError("createUser").GetProperty("message").GetString());
        Assert.Equal(43, accepted.Data("createUser").GetProperty("token").GetString()!.Length);
    }

    [Fact]
    public async Task TheMinimumLengthIsASetting()
    {
        await using var server = await AccountsServer.StartAsync("--Accounts:MinPasswordLength=12");
        using var http = new GraphQLHttp(server);

        var response = await http.PostAsync(Operations.CreateUser, new { email = "ada@example.org", password = "elevenbytes" });

        var error = response.PayloadError("createUser");
        Assert.Equal("The password is too short: it must be at least 12 bytes long (UTF-8).", error.GetProperty("message").GetString());
        Assert.Equal(12, error.GetProperty("minBytes").GetInt32());
    }
}
