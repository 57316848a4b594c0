using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Authorization;

/// <summary>
/// Every root field of the contract, called over the real server: by an anonymous caller (AUTH_NOT_AUTHENTICATED unless
/// anyone may call it), by a signed-in caller without its permission (AUTH_NOT_AUTHORIZED), and by one holding it (it
/// works). A refusal leaves the field null and changes nothing: no row, no folder, no file. The cases cover each root
/// field, with the rule the served schema declares for it.
/// </summary>
public sealed class ContractAccessTests(AccessServers servers) : IClassFixture<AccessServers>
{
    /// <summary>What a case's operation may refer to: a draft of the caller's own, and the caller's user id.</summary>
    public sealed record Scene(string DraftId, string UserId, RunningServer Server, WriteUser Caller);

    /// <summary>
    /// One root field: its rule as the contract declares it, the role a holder of its permission needs on the
    /// default server (none: being signed in), its operation, and what makes a subscription send an event.
    /// </summary>
    public sealed record Case(
        string Rule,
        string? HolderRole,
        string Query,
        Func<Scene, object?>? Variables = null,
        Func<Scene, Task>? Trigger = null,
        string? AnonymousCode = null)
    {
        public bool IsSubscription => Query.StartsWith("subscription", StringComparison.Ordinal);
    }

    private const string ExperimentsRead = "experiments:read";

    private const string ExperimentsWrite = "experiments:write";

    private const string GroupsRead = "groups:read";

    private const string GroupsManage = "groups:manage";

    /// <summary>The global id of a group no test makes.</summary>
    private static readonly string NoGroup = Ipp.Graph.GraphQL.GlobalId.Encode("Group", long.MaxValue);

    /// <summary>The global id of a library entry no test makes.</summary>
    private static readonly string NoEntry = Ipp.Graph.GraphQL.GlobalId.Encode("LibraryEntry", long.MaxValue);

    /// <summary>The global id of a tag no test makes.</summary>
    private static readonly string NoTag = Ipp.Graph.GraphQL.GlobalId.Encode("Tag", long.MaxValue);

    /// <summary>The global id of a container image no test makes.</summary>
    private static readonly string NoImage = Ipp.Graph.GraphQL.GlobalId.Encode("ContainerImage", long.MaxValue);

    public static readonly Dictionary<string, Case> Cases = new(StringComparer.Ordinal)
    {
        ["Query.node"] = new(ContractRules.Anyone, null, "query($id: ID!) { node(id: $id) { id } }", s => new { id = s.UserId }),
        ["Query.nodes"] = new(ContractRules.Anyone, null, "query($id: ID!) { nodes(ids: [$id]) { id } }", s => new { id = s.UserId }),
        ["Query.me"] = new(ContractRules.Anyone, null, "{ me { email } }"),
        ["Query.applications"] = new(ContractRules.Anyone, null, "{ applications { key } }"),
        ["Query.application"] = new(ContractRules.Anyone, null, """{ application(key: "demo") { key } }"""),
        ["Query.experiments"] = new(ExperimentsRead, null, "{ experiments { totalCount nodes { id } } }"),
        ["Query.experiment"] = new(ExperimentsRead, null, "query($id: ID!) { experiment(id: $id) { id status } }", s => new { id = s.DraftId }),
        ["Query.roles"] = new("roles:read", "ADMIN", "{ roles { role permissions } }"),
        ["Query.categories"] = new(ContractRules.Anyone, null, "{ categories { key applications { key } } }"),
        ["Query.groups"] = new(GroupsRead, "ADMIN", "{ groups { id name } }"),
        ["Mutation.createUser"] = new(
            ContractRules.Anyone,
            null,
            """mutation($email: String!) { createUser(input: {email: $email, password: "correct horse battery"}) { user { email } } }""",
            _ => new { email = $"{Guid.NewGuid():n}@example.org" }),
        ["Mutation.authenticate"] = new(
            ContractRules.Anyone, null, """mutation { authenticate(input: {email: "nobody@example.org", password: "not it"}) { errors { __typename } } }"""),
        // Anyone may call it; without a session there is none to end, which it says.
        ["Mutation.logout"] = new(ContractRules.Anyone, null, "mutation { logout { loggedOut } }", AnonymousCode: "AUTH_NOT_AUTHENTICATED"),
        ["Mutation.updateProfile"] = new(
            ContractRules.SignedIn, null, """mutation { updateProfile(input: {firstName: "Refused?"}) { user { email } errors { __typename } } }"""),
        // The holder's password, which they keep (WriteFixture signs up with the tests' usual one).
        ["Mutation.changePassword"] = new(
            "credentials:manage",
            null,
            """mutation { changePassword(input: {currentPassword: "correct horse battery", newPassword: "correct horse battery"}) { user { email } errors { __typename } } }"""),
        // Anyone may ask; the default server sends no mail, which the payload says (MAIL_NOT_CONFIGURED).
        ["Mutation.requestPasswordReset"] = new(
            ContractRules.Anyone, null, """mutation { requestPasswordReset(input: {email: "nobody@example.org"}) { email errors { __typename } } }"""),
        ["Mutation.resetPassword"] = new(
            ContractRules.Anyone, null, """mutation { resetPassword(input: {token: "not a token", newPassword: "correct horse battery"}) { email errors { __typename } } }"""),
        ["Mutation.createExperiment"] = new(
            ExperimentsWrite, null, """mutation { createExperiment(input: {application: "demo", name: "Refused?"}) { experiment { id } errors { __typename } } }"""),
        ["Mutation.submitExperiment"] = new(
            ExperimentsWrite, null, "mutation($id: ID!) { submitExperiment(input: {id: $id}) { experiment { status } errors { __typename } } }", s => new { id = s.DraftId }),
        ["Mutation.deleteExperiment"] = new(
            ExperimentsWrite, null, "mutation($id: ID!) { deleteExperiment(input: {id: $id}) { deletedId errors { __typename } } }", s => new { id = s.DraftId }),
        ["Mutation.deleteExperiments"] = new(
            ExperimentsWrite, null, "mutation($id: ID!) { deleteExperiments(input: {ids: [$id]}) { results { deletedId } errors { __typename } } }", s => new { id = s.DraftId }),
        ["Mutation.tagExperiments"] = new(
            ExperimentsWrite, null, "mutation($id: ID!) { tagExperiments(input: {experiments: [$id], tags: []}) { results { id } errors { __typename } } }", s => new { id = s.DraftId }),
        ["Mutation.untagExperiments"] = new(
            ExperimentsWrite, null, "mutation($id: ID!) { untagExperiments(input: {experiments: [$id], tags: []}) { results { id } errors { __typename } } }", s => new { id = s.DraftId }),
        ["Mutation.editExperiment"] = new(
            ExperimentsWrite, null, "mutation($id: ID!) { editExperiment(input: {id: $id, name: \"Edited?\"}) { experiment { name } errors { __typename } } }", s => new { id = s.DraftId }),
        ["Mutation.cloneExperiment"] = new(
            ExperimentsWrite, null, "mutation($id: ID!) { cloneExperiment(input: {id: $id}) { experiment { status } errors { __typename } } }", s => new { id = s.DraftId }),
        // A draft can be neither cancelled nor retried: the caller holding the permission gets the payload saying so.
        ["Mutation.cancelExperiment"] = new(
            ExperimentsWrite, null, "mutation($id: ID!) { cancelExperiment(input: {id: $id}) { experiment { status } errors { __typename } } }", s => new { id = s.DraftId }),
        ["Mutation.retryExperiment"] = new(
            ExperimentsWrite, null, "mutation($id: ID!) { retryExperiment(input: {id: $id}) { experiment { status } errors { __typename } } }", s => new { id = s.DraftId }),
        ["Mutation.cancelExperiments"] = new(
            ExperimentsWrite, null, "mutation($id: ID!) { cancelExperiments(input: {ids: [$id]}) { results { id } errors { __typename } } }", s => new { id = s.DraftId }),
        ["Mutation.retryExperiments"] = new(
            ExperimentsWrite, null, "mutation($id: ID!) { retryExperiments(input: {ids: [$id]}) { results { id } errors { __typename } } }", s => new { id = s.DraftId }),
        ["Query.accessTokens"] = new(ContractRules.SignedIn, null, "{ accessTokens { id name } }"),
        ["Mutation.createAccessToken"] = new(
            "credentials:manage",
            null,
            "mutation($expiresAt: DateTime!) { createAccessToken(input: {name: \"Refused?\", expiresAt: $expiresAt}) { token errors { __typename } } }",
            _ => new { expiresAt = DateTimeOffset.UtcNow.AddDays(30) }),
        // An id of no token: the caller holding the permission gets the payload saying so.
        ["Mutation.revokeAccessToken"] = new(
            "credentials:manage",
            null,
            "mutation($id: ID!) { revokeAccessToken(input: {id: $id}) { revokedId errors { __typename } } }",
            _ => new { id = Ipp.Graph.GraphQL.GlobalId.Encode("AccessToken", 1) }),
        ["Mutation.createGroup"] = new(
            GroupsManage,
            "ADMIN",
            "mutation($name: String!) { createGroup(input: {name: $name}) { group { name } errors { __typename } } }",
            _ => new { name = $"Group {Guid.NewGuid():n}" }),
        // A group the holder names but that does not exist: the mutation runs and answers GROUP_NOT_FOUND in its payload.
        ["Mutation.renameGroup"] = new(
            GroupsManage, "ADMIN", "mutation($id: ID!) { renameGroup(input: {id: $id, name: \"Renamed\"}) { group { name } errors { __typename } } }", _ => new { id = NoGroup }),
        ["Mutation.deleteGroup"] = new(
            GroupsManage, "ADMIN", "mutation($id: ID!) { deleteGroup(input: {id: $id}) { deletedId errors { __typename } } }", _ => new { id = NoGroup }),
        ["Mutation.addGroupMembers"] = new(
            GroupsManage,
            "ADMIN",
            "mutation($id: ID!, $user: ID!) { addGroupMembers(input: {id: $id, userIds: [$user]}) { group { name } errors { __typename } } }",
            s => new { id = NoGroup, user = s.UserId }),
        ["Mutation.removeGroupMembers"] = new(
            GroupsManage,
            "ADMIN",
            "mutation($id: ID!, $user: ID!) { removeGroupMembers(input: {id: $id, userIds: [$user]}) { group { name } errors { __typename } } }",
            s => new { id = NoGroup, user = s.UserId }),
        ["Query.users"] = new("users:read", "ADMIN", "{ users { totalCount nodes { email } } }"),
        ["Query.auditLog"] = new("audit:read", "ADMIN", "{ auditLog { totalCount nodes { action } } }"),
        // The holder acts on themself (or on no one): the answer is a payload, its errors or the change.
        ["Mutation.approveUser"] = new("users:manage", "ADMIN", Administration("approveUser"), s => new { id = s.UserId }),
        ["Mutation.denyUser"] = new("users:manage", "ADMIN", Administration("denyUser"), _ => new { id = Nobody }),
        ["Mutation.disableUser"] = new("users:manage", "ADMIN", Administration("disableUser"), _ => new { id = Nobody }),
        ["Mutation.enableUser"] = new("users:manage", "ADMIN", Administration("enableUser"), s => new { id = s.UserId }),
        ["Mutation.endUserSession"] = new("users:manage", "ADMIN", Administration("endUserSession"), _ => new { id = Nobody }),
        ["Mutation.grantRole"] = new("roles:manage", "ADMIN", RoleChange("grantRole"), s => new { id = s.UserId }),
        ["Mutation.revokeRole"] = new("roles:manage", "ADMIN", RoleChange("revokeRole"), s => new { id = s.UserId }),
        // No file: the holder's upload stores nothing and answers no entries.
        ["Mutation.uploadFiles"] = new(
            "files:write", "DATA_ENGINEER", "mutation { uploadFiles(input: {files: []}) { entries { id } errors { __typename } } }"),
        // The files list, tags, rename, delete and tagging: ids of nothing, or no ids, answer in the payload.
        ["Query.files"] = new("files:read", "DATA_ENGINEER", "{ files { totalCount nodes { id name mine ownerEmail tags { name } } } }"),
        ["Query.tags"] = new("tags:read", "DATA_ENGINEER", "{ tags { id name kind } }"),
        ["Mutation.renameEntry"] = new(
            "files:write",
            "DATA_ENGINEER",
            "mutation($id: ID!) { renameEntry(input: {id: $id, name: \"renamed.txt\"}) { entry { id } errors { __typename } } }",
            _ => new { id = NoEntry }),
        ["Mutation.deleteEntries"] = new(
            "files:write", "DATA_ENGINEER", "mutation($id: ID!) { deleteEntries(input: {ids: [$id]}) { deletedIds errors { __typename } } }", _ => new { id = NoEntry }),
        ["Mutation.tagEntries"] = new(
            "files:write+tags:write", "DATA_ENGINEER", "mutation { tagEntries(input: {entryIds: [], tagIds: []}) { entries { id } errors { __typename } } }"),
        ["Mutation.untagEntries"] = new(
            "files:write+tags:write", "DATA_ENGINEER", "mutation { untagEntries(input: {entryIds: [], tagIds: []}) { entries { id } errors { __typename } } }"),
        ["Mutation.createTag"] = new(
            "tags:write",
            "DATA_ENGINEER",
            "mutation($name: String!) { createTag(input: {name: $name}) { tag { id } errors { __typename } } }",
            _ => new { name = $"tag {Guid.NewGuid():n}" }),
        ["Mutation.renameTag"] = new(
            "tags:write", "DATA_ENGINEER", "mutation($id: ID!) { renameTag(input: {id: $id, name: \"renamed\"}) { tag { id } errors { __typename } } }", _ => new { id = NoTag }),
        ["Mutation.deleteTag"] = new(
            "tags:write", "DATA_ENGINEER", "mutation($id: ID!) { deleteTag(input: {id: $id}) { deletedId errors { __typename } } }", _ => new { id = NoTag }),
        ["Mutation.createCustomTag"] = new(
            "tags:manage",
            "ADMIN",
            "mutation($name: String!) { createCustomTag(input: {name: $name}) { tag { id } errors { __typename } } }",
            _ => new { name = $"custom {Guid.NewGuid():n}" }),
        ["Mutation.renameCustomTag"] = new(
            "tags:manage", "ADMIN", "mutation($id: ID!) { renameCustomTag(input: {id: $id, name: \"renamed\"}) { tag { id } errors { __typename } } }", _ => new { id = NoTag }),
        ["Mutation.deleteCustomTag"] = new(
            "tags:manage", "ADMIN", "mutation($id: ID!) { deleteCustomTag(input: {id: $id}) { deletedId errors { __typename } } }", _ => new { id = NoTag }),
        // Downloads and sharing: the holder's grant of nothing (no such entry, tag or grant) answers a payload error.
        ["Query.libraryShares"] = new("files:read", "DATA_ENGINEER", "{ libraryShares { totalCount nodes { id } } }"),
        ["Mutation.shareEntry"] = new(
            "files:write",
            "DATA_ENGINEER",
            """mutation($id: ID!) { shareEntry(input: {entryId: $id, grantee: {email: "nobody@example.org"}}) { share { id } errors { __typename } } }""",
            s => new { id = s.DraftId }),
        ["Mutation.shareTag"] = new(
            "files:write",
            "DATA_ENGINEER",
            """mutation($id: ID!) { shareTag(input: {tagId: $id, grantee: {email: "nobody@example.org"}}) { share { id } errors { __typename } } }""",
            s => new { id = s.DraftId }),
        ["Mutation.revokeShare"] = new(
            "files:write", "DATA_ENGINEER", "mutation($id: ID!) { revokeShare(input: {id: $id}) { revokedId errors { __typename } } }", s => new { id = s.DraftId }),
        ["Subscription.accountPending"] = new(
            "users:manage", "ADMIN", "subscription { accountPending { user { email } } }", Trigger: s => AnnouncePendingAsync(s)),
        ["Subscription.sessionEnded"] = new(
            ContractRules.SignedIn, null, "subscription { sessionEnded { reason } }", Trigger: s => LogoutAsync(s)),
        ["Subscription.experimentStatusChanged"] = new(
            ExperimentsRead,
            null,
            "subscription($id: ID) { experimentStatusChanged(id: $id) { status } }",
            s => new { id = s.DraftId },
            s => SubmitAsync(s)),
        // A draft neither waits nor runs: its outputs and its log come at once, each as the last event.
        ["Subscription.experimentOutputs"] = new(
            ExperimentsRead, null, "subscription($id: ID!) { experimentOutputs(id: $id) { final } }", s => new { id = s.DraftId }),
        ["Subscription.experimentLog"] = new(
            ExperimentsRead, null, "subscription($id: ID!) { experimentLog(id: $id) { final } }", s => new { id = s.DraftId }),

        // The library's upload.
        ["Subscription.libraryEntryStored"] = new(
            "files:read", "DATA_ENGINEER", "subscription { libraryEntryStored { id } }", Trigger: s => StoreLibraryEntryAsync(s)),

        // Container images: the holder lists theirs, creates one of its own, or names an image no test makes (IMAGE_NOT_FOUND in the payload).
        ["Query.images"] = new("images:read", "DATA_ENGINEER", "{ images { totalCount nodes { id name path roles parameters { name } } } }"),
        ["Mutation.createImage"] = new(
            "images:manage",
            "MAINTAINER",
            "mutation($name: String!, $path: String!) { createImage(input: {name: $name, path: $path, roles: [DATA_ENGINEER]}) { image { id } errors { __typename } } }",
            _ => new { name = $"image {Guid.NewGuid():n}", path = $"docker://example.org/lab/{Guid.NewGuid():n}:1" }),
        ["Mutation.renameImage"] = new(
            "images:manage", "MAINTAINER", "mutation($id: ID!) { renameImage(input: {id: $id, name: \"renamed\"}) { image { id } errors { __typename } } }", _ => new { id = NoImage }),
        ["Mutation.setImageRoles"] = new(
            "images:manage", "MAINTAINER", "mutation($id: ID!) { setImageRoles(input: {id: $id, roles: []}) { image { id } errors { __typename } } }", _ => new { id = NoImage }),
        ["Mutation.setImageParameters"] = new(
            "images:manage", "MAINTAINER", "mutation($id: ID!) { setImageParameters(input: {id: $id, parameters: []}) { image { id } errors { __typename } } }", _ => new { id = NoImage }),
        ["Mutation.deleteImage"] = new(
            "images:manage", "MAINTAINER", "mutation($id: ID!) { deleteImage(input: {id: $id}) { deletedId errors { __typename } } }", _ => new { id = NoImage }),

        // Applications of both kinds: the caller's earlier parameter sets for one.
        ["Query.storedParameters"] = new(
            ExperimentsRead, null, """{ storedParameters(application: "demo") { totalCount nodes { parameters lastUsedAt experimentId } } }"""),

        // Mail when experiments end: turning it off needs no mail server, so the holder's call is answered in full.
        ["Mutation.setExperimentMail"] = new(
            ExperimentsWrite, null, "mutation { setExperimentMail(input: {enabled: false}) { user { email } errors { __typename } } }"),
        ["Mutation.setExperimentMailWhenDone"] = new(
            ExperimentsWrite,
            null,
            "mutation($id: ID!) { setExperimentMailWhenDone(input: {id: $id, mailWhenDone: false}) { experiment { id } errors { __typename } } }",
            s => new { id = s.DraftId }),
    };

    /// <summary>The global id of no user.</summary>
    private static readonly string Nobody = Ipp.Graph.GraphQL.GlobalId.Encode("User", 999_999_999);

    public static TheoryData<string> Fields => [.. Cases.Keys];

    private static string Administration(string name) =>
        $"mutation($id: ID!) {{ {name}(input: {{id: $id}}) {{ user {{ email }} errors {{ __typename }} }} }}";

    private static string RoleChange(string name) =>
        $"mutation($id: ID!) {{ {name}(input: {{userId: $id, role: MAINTAINER}}) {{ user {{ roles }} errors {{ __typename }} }} }}";

    /// <summary>
    /// Raises "an account awaits approval" where the server raises it (the default server approves new accounts;
    /// ApprovalTests sign one up with approval required).
    /// </summary>
    private static async Task AnnouncePendingAsync(Scene scene)
    {
        await Ipp.Graph.Tests.Administration.ApprovalTests.WaitForSubscriberAsync(scene.Server);
        await scene.Server.Services.GetRequiredService<Ipp.Graph.Administration.Approval.IAccountApprovalRequests>().AccountPendingAsync(
            new Ipp.Graph.Accounts.UserView(1, "pending@example.org", [], DateTimeOffset.UnixEpoch, Ipp.Graph.Accounts.ApprovalState.Pending, Disabled: false),
            CancellationToken.None);
    }

    /// <summary>Uploads a file to the caller's library once their subscription listens.</summary>
    private static async Task StoreLibraryEntryAsync(Scene scene)
    {
        await Ipp.Graph.Tests.Library.Upload.LibraryEntryStoredTests.WaitForSubscribersAsync(scene.Server, scene.Caller);
        var response = await Ipp.Graph.Tests.Library.LibraryUploads.UploadAsync(
            scene.Server, scene.Caller, Ipp.Graph.Tests.Library.LibraryUploads.FilePart.Text($"{Guid.NewGuid():n}.txt", "x"));
        Assert.Single(Ipp.Graph.Tests.Library.LibraryUploads.Entries(response));
    }

    public static TheoryData<string> AnyoneFields => [.. Cases.Where(c => c.Value.Rule == ContractRules.Anyone).Select(c => c.Key)];

    public static TheoryData<string> GuardedFields => [.. Cases.Where(c => c.Value.Rule != ContractRules.Anyone).Select(c => c.Key)];

    public static TheoryData<string> PermissionFields =>
        [.. Cases.Where(c => c.Value.Rule is not (ContractRules.Anyone or ContractRules.SignedIn)).Select(c => c.Key)];

    [Fact]
    public async Task The_cases_are_every_root_field_with_the_rule_the_served_schema_declares()
    {
        using var client = servers.Default.CreateClient();
        var rules = ContractRules.Read(await client.GetStringAsync("graphql?sdl"));

        var roots = rules.Where(rule => rule.Key.Split('.')[0] is "Query" or "Mutation" or "Subscription").ToDictionary();
        Assert.Equal(roots.Keys.Order(), Cases.Keys.Order());
        Assert.All(Cases, c => Assert.Equal(roots[c.Key], c.Value.Rule));
    }

    [Theory]
    [MemberData(nameof(GuardedFields))]
    public async Task An_anonymous_caller_is_refused_as_not_authenticated_and_nothing_changes(string field)
    {
        var server = servers.Default;
        var scene = await SceneAsync(server, await AccessServers.SignUpAsync(server));
        var before = await AccessServers.StateAsync(server);

        var response = await CallAsync(field, scene, token: null);

        AssertRefused(response, field, "AUTH_NOT_AUTHENTICATED");
        Assert.Equal(before, await AccessServers.StateAsync(server));
    }

    [Theory]
    [MemberData(nameof(PermissionFields))]
    public async Task A_signed_in_caller_without_the_permission_is_refused_as_not_authorized_and_nothing_changes(string field)
    {
        var server = servers.Bare;
        // A maintainer makes a draft on the bare server, then loses the role: their own draft, and no permission.
        var owner = await AccessServers.SignUpAsync(server, "MAINTAINER");
        var scene = await SceneAsync(server, owner);
        var withoutRole = await AccessServers.WithRolesAsync(server, owner);
        var before = await AccessServers.StateAsync(server);

        var response = await CallAsync(field, scene with { Caller = withoutRole }, withoutRole.Token);

        var error = AssertRefused(response, field, "AUTH_NOT_AUTHORIZED");
        // The server names the permissions missing in the order of Permission.
        var needed = Cases[field].Rule.Split('+').OrderBy(name => Ipp.Graph.Authorization.Permissions.TryParse(name, out var p) ? (int)p : -1).ToArray();
        var needs = needed.Length == 1 ? $"the permission {needed[0]}" : $"the permissions {string.Join(", ", needed)}";
        Assert.Equal($"Not allowed: this needs {needs}, which your roles do not give.", error.GetProperty("message").GetString());
        Assert.Equal(before, await AccessServers.StateAsync(server));
        Assert.Empty(server.Logs.Errors);
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task A_caller_holding_the_permission_gets_the_field(string field)
    {
        var server = servers.Default;
        var @case = Cases[field];
        var holder = await AccessServers.SignUpAsync(server, @case.HolderRole is { } role ? [role] : []);
        var scene = await SceneAsync(server, holder);

        var response = await CallAsync(field, scene, holder.Token, expectEvent: true);

        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        Assert.NotEqual(JsonValueKind.Null, response.GetProperty("data").GetProperty(field.Split('.')[1]).ValueKind);
        Assert.Empty(server.Logs.Errors);
    }

    [Theory]
    [MemberData(nameof(AnyoneFields))]
    public async Task A_field_anyone_may_call_serves_an_anonymous_caller(string field)
    {
        var @case = Cases[field];
        var server = servers.Default;
        var scene = await SceneAsync(server, await AccessServers.SignUpAsync(server));

        var response = await CallAsync(field, scene, token: null);

        if (@case.AnonymousCode is { } code)
        {
            AssertRefused(response, field, code);
        }
        else
        {
            Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        }
    }

    /// <summary>The caller's own draft, made over GraphQL by a caller who may (a refused caller had the role then).</summary>
    private static async Task<Scene> SceneAsync(RunningServer server, WriteUser caller)
    {
        using var http = new GraphQLHttp(server);
        var draft = await WriteFixture.CreateDraftAsync(http, caller);
        return new Scene(WriteFixture.IdOf(draft), Ipp.Graph.GraphQL.GlobalId.Encode("User", caller.Id), server, caller);
    }

    /// <summary>
    /// The field's operation as the caller (none: anonymous). For a subscription its first response; with
    /// <paramref name="expectEvent"/>, after the case's trigger made the event it waits for (a refused one answers at once).
    /// </summary>
    private static async Task<JsonElement> CallAsync(string field, Scene scene, string? token, bool expectEvent = false)
    {
        var @case = Cases[field];
        var variables = @case.Variables?.Invoke(scene);
        if (@case.IsSubscription)
        {
            var trigger = expectEvent && @case.Trigger is { } make ? () => make(scene) : (Func<Task>?)null;
            return await AccessServers.FirstEventAsync(scene.Server, @case.Query, variables, token, trigger);
        }

        using var http = new GraphQLHttp(scene.Server);
        return (await http.PostAsync(@case.Query, variables, token)).Body;
    }

    /// <summary>The response's one error: on the field, with the code; the field null (or the whole data, for a non-null field).</summary>
    private static JsonElement AssertRefused(JsonElement response, string field, string code)
    {
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        var name = field.Split('.')[1];
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal($"[\"{name}\"]", error.GetProperty("path").GetRawText());
        if (response.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null)
        {
            Assert.Equal(JsonValueKind.Null, data.GetProperty(name).ValueKind);
        }

        return error;
    }

    private static async Task LogoutAsync(Scene scene)
    {
        using var http = new GraphQLHttp(scene.Server);
        (await http.PostAsync(Operations.Logout, token: scene.Caller.Token)).Data("logout");
    }

    private static async Task SubmitAsync(Scene scene)
    {
        using var http = new GraphQLHttp(scene.Server);
        Assert.Equal("SUBMITTED", (await http.PostAsync(WriteFixture.Submit, new { id = scene.DraftId }, scene.Caller.Token))
            .Data("submitExperiment").GetProperty("experiment").GetProperty("status").GetString());
    }
}
