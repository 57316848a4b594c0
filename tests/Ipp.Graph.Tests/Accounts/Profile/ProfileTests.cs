using System.Text.Json;
using System.Text.Json.Nodes;
using Ipp.Graph.Accounts.Profile;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Accounts.Profile;

/// <summary>
/// The profile over the real server: set at <c>createUser</c> or by <c>updateProfile</c>, read on <c>User</c> by the
/// user and by holders of <c>users:read</c>; a field breaking a rule is refused with <c>INVALID_PROFILE</c> and
/// changes nothing.
/// </summary>
public sealed class ProfileTests
{
    private const string ProfileFields = "profile { firstName lastName institution intendedUse referral }";

    private const string CreateWithProfile =
        "mutation($email: String!, $profile: ProfileInput) { createUser(input: {email: $email, password: \"correct horse battery\", profile: $profile}) { token "
        + "errors { __typename ... on Error { code message } ... on InvalidProfileError { field maxLength } } } }";

    private const string Update =
        "mutation($firstName: String, $lastName: String, $institution: String, $intendedUse: String, $referral: String) { "
        + "updateProfile(input: {firstName: $firstName, lastName: $lastName, institution: $institution, intendedUse: $intendedUse, referral: $referral}) { "
        + "user { email " + ProfileFields + " } errors { __typename ... on Error { code message } ... on InvalidProfileError { field maxLength } } } }";

    [Fact]
    public async Task A_profile_given_at_sign_up_is_read_back_and_replaced_by_updateProfile()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var created = (await http.PostAsync(CreateWithProfile, new
        {
            email = "ada@example.org",
            profile = new { firstName = "  Ada ", lastName = "Lovelace", institution = "Analytical Engines Ltd", intendedUse = "Segmenting\nbrain scans\tdaily", referral = "A colleague" },
        })).Data("createUser");
        var token = created.GetProperty("token").GetString()!;

        Assert.Equal(
            """{"firstName":"Ada","lastName":"Lovelace","institution":"Analytical Engines Ltd","intendedUse":"Segmenting\nbrain scans\tdaily","referral":"A colleague"}""",
            await ProfileOfMeAsync(http, token));

        var updated = (await http.PostAsync(Update, new { firstName = "Augusta Ada", institution = "  ", referral = "Ünïcode 👩‍🔬 referral" }, token)).Data("updateProfile");

        var expected = JsonNode.Parse("""{"firstName":"Augusta Ada","lastName":null,"institution":null,"intendedUse":null,"referral":"Ünïcode 👩‍🔬 referral"}""");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(updated.GetProperty("user").GetProperty("profile").GetRawText())), updated.GetRawText());
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(await ProfileOfMeAsync(http, token))));
    }

    [Fact]
    public async Task A_user_who_set_nothing_has_an_empty_profile()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var token = await http.CreateUserAsync("ada@example.org");

        Assert.Equal("""{"firstName":null,"lastName":null,"institution":null,"intendedUse":null,"referral":null}""", await ProfileOfMeAsync(http, token));
        Assert.Equal(0L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM user_profiles"));
    }

    [Fact]
    public async Task Another_user_s_profile_is_read_with_users_read_only()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await AccessServers.SignUpAsync(server);
        (await http.PostAsync(Update, new { firstName = "Ada" }, ada.Token)).Data("updateProfile");
        var admin = await AccessServers.SignUpAsync(server, "ADMIN");
        var other = await AccessServers.SignUpAsync(server);
        var query = "query($id: ID!) { node(id: $id) { ... on User { profile { firstName } } } }";
        var id = Ipp.Graph.GraphQL.GlobalId.Encode("User", ada.Id);

        Assert.Equal("""{"profile":{"firstName":"Ada"}}""", (await http.PostAsync(query, new { id }, admin.Token)).Data("node").GetRawText());
        Assert.Equal(JsonValueKind.Null, (await http.PostAsync(query, new { id }, other.Token)).Data("node").ValueKind);
    }

    public static TheoryData<string, string, int> BadFields => new()
    {
        { "firstName", new string('a', 10_000), ProfileLimits.FirstName },
        { "lastName", new string('b', ProfileLimits.LastName + 1), ProfileLimits.LastName },
        { "institution", new string('c', ProfileLimits.Institution + 1), ProfileLimits.Institution },
        { "intendedUse", new string('d', ProfileLimits.IntendedUse + 1), ProfileLimits.IntendedUse },
        { "referral", new string('e', ProfileLimits.Referral + 1), ProfileLimits.Referral },
        { "firstName", "Ada\u0000", ProfileLimits.FirstName },
        { "lastName", "Love\u001blace", ProfileLimits.LastName },
        { "institution", "Line\nbreak", ProfileLimits.Institution },
        { "intendedUse", "Bell\u0007", ProfileLimits.IntendedUse },
        { "referral", "next\u0085line", ProfileLimits.Referral },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_field_breaking_a_rule_is_refused_by_updateProfile_and_changes_nothing(string field, string value, int maxLength)
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var token = await http.CreateUserAsync("ada@example.org");
        (await http.PostAsync(Update, new { firstName = "Ada", lastName = "Lovelace" }, token)).Data("updateProfile");
        var before = await server.Database.RowsAsync();

        var response = await http.PostAsync(Update, new Dictionary<string, string> { [field] = value }, token);

        var error = response.PayloadError("updateProfile");
        Assert.Equal(ProfileErrorCodes.InvalidProfile, error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Equal(maxLength, error.GetProperty("maxLength").GetInt32());
        Assert.Equal(before, await server.Database.RowsAsync());
        Assert.Empty(server.Logs.Errors);
    }

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_field_breaking_a_rule_is_refused_by_createUser_which_creates_nothing(string field, string value, int maxLength)
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);

        var response = await http.PostAsync(CreateWithProfile, new { email = "ada@example.org", profile = new Dictionary<string, string> { [field] = value } });

        var error = response.PayloadError("createUser");
        Assert.Equal(ProfileErrorCodes.InvalidProfile, error.GetProperty("code").GetString());
        Assert.Equal(maxLength, error.GetProperty("maxLength").GetInt32());
        Assert.Equal(0L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM users"));
    }

    /// <summary>
    /// A lone surrogate cannot reach the profile: the transports refuse its escape in JSON (400), the parser in the
    /// document. <see cref="ProfileRules"/> refuses it too, should another way in appear.
    /// </summary>
    [Fact]
    public async Task A_lone_surrogate_is_refused_before_anything_is_stored()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);

        var inVariables = await http.PostWithRawVariablesAsync(CreateWithProfile, """{"email":"ada@example.org","profile":{"firstName":"Ada\ud800"}}""");
        var inDocument = await http.PostAsync("mutation { createUser(input: {email: \"ada@example.org\", password: \"correct horse battery\", profile: {firstName: \"Ada\\ud800\"}}) { token } }");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, inVariables.Status);
        Assert.Equal("GRAPHQL_PARSE_FAILED", inDocument.ErrorCode);
        Assert.Equal(0L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM users"));
        Assert.Equal(ProfileErrorCodes.InvalidProfile, Assert.Throws<Ipp.Graph.GraphQL.Mutations.MutationException>(
            () => ProfileRules.Check(new ProfileInput("Ada\ud800", null, null, null, null))).Error.Code);
    }

    [Fact]
    public async Task A_field_at_its_limit_counted_in_characters_is_kept()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var token = await http.CreateUserAsync("ada@example.org");
        // 100 characters outside the Basic Multilingual Plane: 200 UTF-16 units, each stored whole.
        var name = string.Concat(Enumerable.Repeat("𝔄", ProfileLimits.FirstName));

        var updated = (await http.PostAsync(Update, new { firstName = name }, token)).Data("updateProfile");

        Assert.Equal(name, updated.GetProperty("user").GetProperty("profile").GetProperty("firstName").GetString());
        Assert.Equal(name, await server.Database.ScalarAsync("SELECT first_name FROM user_profiles"));
    }

    private static async Task<string> ProfileOfMeAsync(GraphQLHttp http, string token) =>
        (await http.PostAsync("{ me { " + ProfileFields + " } }", token: token)).Data("me").GetProperty("profile").GetRawText();
}
