using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Experiments.Write;

namespace Ipp.Graph.Tests.Groups;

/// <summary>
/// The group mutations in the audit log, over the real server: each change leaves one entry (actor, action, the group
/// as target, details) that <c>auditLog(where:)</c> finds by target kind and action, and a refused mutation none.
/// </summary>
public sealed class GroupAuditTests(GroupServers servers) : IClassFixture<GroupServers>
{
    private const string AuditLog =
        "query($where: AuditEntryFilterInput) { auditLog(where: $where, first: 100) { totalCount nodes { actorId actorLabel action targetKind targetId targetLabel details } } }";

    [Fact]
    public async Task Each_group_mutation_leaves_one_entry_naming_actor_action_group_and_details()
    {
        var admin = await servers.SignUpAsync("ADMIN");
        var ann = await servers.SignUpAsync();
        var bob = await servers.SignUpAsync();
        var name = $"Audited {Guid.NewGuid():n}";
        var renamed = name.ToUpperInvariant();

        var id = await servers.CreateGroupAsync(admin, name);
        Assert.Equal(JsonValueKind.Null, (await servers.PostAsync(GroupOperations.Rename, new { id, name = renamed }, admin)).Data("renameGroup").GetProperty("errors").ValueKind);
        await servers.AddAsync(admin, id, bob, ann);
        await servers.RemoveAsync(admin, id, bob);
        Assert.Equal(id, (await servers.PostAsync(GroupOperations.Delete, new { id }, admin)).Data("deleteGroup").GetProperty("deletedId").GetString());

        var entries = await EntriesAsync(admin, $$$"""{"targetKind": {"eq": "Group"}, "targetLabel": {"in": ["{{{name}}}", "{{{renamed}}}"]}}""");
        var actor = $"{GroupServers.UserId(admin)} {admin.Email} Group {id}";
        var (first, second) = ann.Id < bob.Id ? (ann, bob) : (bob, ann);
        Assert.Equal(
            [
                $"{actor} group.add-members {renamed} {{\"userIds\":[\"{GroupServers.UserId(first)}\",\"{GroupServers.UserId(second)}\"]}}",
                $"{actor} group.create {name} null",
                $"{actor} group.delete {renamed} {{\"userIds\":[\"{GroupServers.UserId(ann)}\"]}}",
                $"{actor} group.remove-members {renamed} {{\"userIds\":[\"{GroupServers.UserId(bob)}\"]}}",
                $"{actor} group.rename {renamed} {{\"oldName\":\"{name}\"}}",
            ],
            entries.Order(StringComparer.Ordinal));

        var byAction = await EntriesAsync(admin, $$$"""{"targetKind": {"eq": "Group"}, "action": {"eq": "group.rename"}, "targetLabel": {"eq": "{{{renamed}}}"}}""");
        Assert.Equal($"{actor} group.rename {renamed} {{\"oldName\":\"{name}\"}}", Assert.Single(byAction));
        Assert.Empty(servers.Server.Logs.Errors);
    }

    [Fact]
    public async Task A_refused_group_mutation_leaves_no_entry()
    {
        var admin = await servers.SignUpAsync("ADMIN");
        var member = await servers.SignUpAsync();
        var outsider = await servers.SignUpAsync();
        var taken = $"Taken {Guid.NewGuid():n}";
        var id = await servers.CreateGroupAsync(admin, taken);
        var other = await servers.CreateGroupAsync(admin, $"Other {Guid.NewGuid():n}");
        await servers.AddAsync(admin, id, member);
        var before = await CountAsync(admin);

        (string Operation, object Variables, WriteUser User, string Code)[] refused =
        [
            (GroupOperations.Create, new { name = taken.ToLowerInvariant() }, admin, "GROUP_NAME_TAKEN"),
            (GroupOperations.Create, new { name = " " }, admin, "INVALID_GROUP_NAME"),
            (GroupOperations.Rename, new { id = other, name = taken }, admin, "GROUP_NAME_TAKEN"),
            (GroupOperations.Rename, new { id = "R3JvdXA6OTk5OTk5", name = "Nowhere" }, admin, "GROUP_NOT_FOUND"),
            (GroupOperations.Add, new { id, userIds = new[] { GroupServers.UserId(member) } }, admin, "ALREADY_GROUP_MEMBER"),
            (GroupOperations.Add, new { id, userIds = new[] { GroupServers.UserId(outsider), "VXNlcjo5OTk5OTk5" } }, admin, "GROUP_USER_NOT_FOUND"),
            (GroupOperations.Remove, new { id, userIds = new[] { GroupServers.UserId(outsider) } }, admin, "NOT_GROUP_MEMBER"),
            (GroupOperations.Delete, new { id = "R3JvdXA6OTk5OTk5" }, admin, "GROUP_NOT_FOUND"),
            (GroupOperations.Delete, new { id }, member, "AUTH_NOT_AUTHORIZED"),
        ];
        foreach (var (operation, variables, user, code) in refused)
        {
            var response = await servers.PostAsync(operation, variables, user);
            Assert.Equal(code, Code(response));
        }

        Assert.Equal(before, await CountAsync(admin));
        Assert.Empty(servers.Server.Logs.Errors);
    }

    /// <summary>The code of a refusal: the response's error's, or the payload's only error's.</summary>
    private static string? Code(GraphQLResponse response) =>
        response.Body.TryGetProperty("errors", out _)
            ? response.ErrorCode
            : response.PayloadErrorCode(response.Body.GetProperty("data").EnumerateObject().Single().Name);

    private async Task<int> CountAsync(WriteUser admin) =>
        (await servers.PostAsync(AuditLog, new { where = (JsonElement?)null }, admin)).Data("auditLog").GetProperty("totalCount").GetInt32();

    /// <summary>The entries the filter keeps: actor id and label, target kind and id, action, target label, details.</summary>
    private async Task<List<string>> EntriesAsync(WriteUser admin, string where)
    {
        var response = await servers.PostAsync(AuditLog, new { where = JsonDocument.Parse(where).RootElement }, admin);
        return [.. response.Data("auditLog").GetProperty("nodes").EnumerateArray().Select(entry =>
            $"{entry.GetProperty("actorId").GetString()} {entry.GetProperty("actorLabel").GetString()} {entry.GetProperty("targetKind").GetString()} "
            + $"{entry.GetProperty("targetId").GetString()} {entry.GetProperty("action").GetString()} {entry.GetProperty("targetLabel").GetString()} "
            + entry.GetProperty("details").GetRawText())];
    }
}
