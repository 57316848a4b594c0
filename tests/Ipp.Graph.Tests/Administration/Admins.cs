using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Administration;

/// <summary>A signed-up user of an administration test: their email, latest token and database id.</summary>
public sealed record Member(string Email, string Token, long Id)
{
    /// <summary>The user's global id.</summary>
    public string GlobalId => Ipp.Graph.GraphQL.GlobalId.Encode("User", Id);
}

/// <summary>
/// What the administration tests share: servers with approval required (or not), users made and given roles as the
/// operator would, and the administration's mutations and lists called over HTTP.
/// </summary>
public static class Admins
{
    /// <summary>Every field of an administration mutation's payload and of its errors (<paramref name="roleErrors"/>: those of grantRole or revokeRole).</summary>
    public static string PayloadFields(string roleErrors) =>
        $"user {{ id email roles approval disabled }} errors {{ __typename ... on Error {{ code message }} ... on UserNotFoundError {{ id }} {roleErrors} }}";

    public static Task<RunningServer> StartAsync(params string[] settings) =>
        AccountsServer.StartAsync(["--Accounts:RequireApproval=true", .. settings]);

    /// <summary>
    /// Signs up a user (a fresh email unless given); with <paramref name="roles"/> they are also approved and given the
    /// roles in the database, as the operator's command does, then signed in again (a sign-in reads both).
    /// </summary>
    public static async Task<Member> SignUpAsync(RunningServer server, string? email = null, params string[] roles)
    {
        using var http = new GraphQLHttp(server);
        email ??= $"{Guid.NewGuid():n}@example.org";
        var token = await http.CreateUserAsync(email);
        var id = Convert.ToInt64(await server.Database.ScalarAsync("SELECT id FROM users WHERE email = @email", ("@email", email)), System.Globalization.CultureInfo.InvariantCulture);
        if (roles.Length > 0)
        {
            await server.Database.ExecuteAsync("UPDATE users SET approval = 'APPROVED' WHERE id = @id", ("@id", id));
            foreach (var role in roles)
            {
                await server.Database.ExecuteAsync("INSERT INTO user_roles (user_id, role) VALUES (@id, @role)", ("@id", id), ("@role", role));
            }

            token = await http.AuthenticateAsync(email);
        }

        return new Member(email, token, id);
    }

    /// <summary>An approved user without roles.</summary>
    public static async Task<Member> ApprovedAsync(RunningServer server)
    {
        var member = await SignUpAsync(server);
        await server.Database.ExecuteAsync("UPDATE users SET approval = 'APPROVED' WHERE id = @id", ("@id", member.Id));
        using var http = new GraphQLHttp(server);
        return member with { Token = await http.AuthenticateAsync(member.Email) };
    }

    /// <summary>Calls the administration mutation <paramref name="name"/> on <paramref name="target"/> (with <paramref name="role"/> for grantRole and revokeRole).</summary>
    public static async Task<GraphQLResponse> MutateAsync(RunningServer server, string token, string name, string target, string? role = null)
    {
        var type = char.ToUpperInvariant(name[0]) + name[1..] + "Input";
        var input = role is null ? (object)new { id = target } : new { userId = target, role };
        using var http = new GraphQLHttp(server);
        var roleErrors = name switch
        {
            "grantRole" => "... on RoleAlreadyHeldError { role }",
            "revokeRole" => "... on RoleNotHeldError { role }",
            _ => "",
        };
        return await http.PostAsync($"mutation($input: {type}!) {{ {name}(input: $input) {{ {PayloadFields(roleErrors)} }} }}", new { input }, token);
    }

    /// <summary>The mutation's payload when it succeeded: its user.</summary>
    public static JsonElement ChangedUser(GraphQLResponse response, string name)
    {
        var payload = response.Data(name);
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("errors").ValueKind);
        return payload.GetProperty("user");
    }

    /// <summary>The audit log as an administrator reads it, newest first: one line per entry.</summary>
    public static async Task<List<string>> AuditLinesAsync(RunningServer server, string token, string? where = null)
    {
        using var http = new GraphQLHttp(server);
        var response = await http.PostAsync(
            "query($where: AuditEntryFilterInput) { auditLog(where: $where, first: 100) { nodes { actorId actorLabel action targetKind targetId targetLabel details } } }",
            new { where = where is null ? (JsonElement?)null : JsonDocument.Parse(where).RootElement },
            token);
        return [.. response.Data("auditLog").GetProperty("nodes").EnumerateArray().Select(entry =>
            $"{entry.GetProperty("actorLabel").GetString()} {entry.GetProperty("action").GetString()} {entry.GetProperty("targetKind").GetString()} "
            + $"{entry.GetProperty("targetLabel").GetString()} {entry.GetProperty("details").GetRawText()}")];
    }
}
