using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Groups;

/// <summary>
/// The server enforces the catalogue's categories naming groups (<see cref="GroupServers"/>: <c>secret</c> and
/// <c>shared</c> are the group <c>Lab Members</c>'s): members see and run them, everyone else (anonymous callers
/// and administrators included) gets exactly what an application the catalogue lacks gets, and a change of
/// membership holds from the next request. Each test has a server of its own (group names are the server's).
/// </summary>
public sealed class GroupVisibilityTests : IAsyncLifetime
{
    private const string Catalogue = "{ applications { key categories { key } } categories { key label description applications { key } } }";

    private const string OpenOnly =
        """{"applications":[{"key":"open","categories":[{"key":"general"}]}],"categories":[{"key":"general","label":"General","description":"For everyone","applications":[{"key":"open"}]}]}""";

    private const string Everything =
        """{"applications":[{"key":"open","categories":[{"key":"general"}]},{"key":"secret","categories":[{"key":"lab"}]},{"key":"shared","categories":[{"key":"general"},{"key":"lab"}]}],"""
        + "\"categories\":" + """[{"key":"general","label":"General","description":"For everyone","applications":[{"key":"open"},{"key":"shared"}]},"""
        + """{"key":"lab","label":"Lab","description":"Only for the lab","applications":[{"key":"secret"},{"key":"shared"}]}]}""";

    private const string ByKey = "query($key: String!) { application(key: $key) { key } }";

    private readonly GroupServers _servers = new();

    public Task InitializeAsync() => _servers.InitializeAsync();

    public Task DisposeAsync() => _servers.DisposeAsync();

    [Fact]
    public async Task Anonymous_callers_and_non_members_see_only_the_open_applications_and_categories()
    {
        var user = await _servers.SignUpAsync();
        var admin = await _servers.SignUpAsync("ADMIN");

        foreach (var caller in new[] { null, user, admin })
        {
            Assert.Equal(OpenOnly, (await _servers.PostAsync(Catalogue, user: caller)).Body.GetProperty("data").GetRawText());
            foreach (var key in new[] { "secret", "shared", "ghost" })
            {
                Assert.Equal(JsonValueKind.Null, (await _servers.PostAsync(ByKey, new { key }, caller)).Data("application").ValueKind);
            }
        }
    }

    [Fact]
    public async Task A_non_member_running_a_hidden_application_gets_the_answer_of_an_unknown_one_and_nothing_changes()
    {
        var user = await _servers.SignUpAsync();

        foreach (var key in new[] { "secret", "shared" })
        {
            var hidden = await Create(user, key, draft: false);
            var unknown = await Create(user, "nosuch", draft: false);

            Assert.Equal(
                unknown.Body.GetRawText().Replace("nosuch", key, StringComparison.Ordinal),
                hidden.Body.GetRawText());
            Assert.Equal("APPLICATION_UNKNOWN", hidden.PayloadErrorCode("createExperiment"));
        }

        // Both count against the creation rate limit alike; neither stores anything.
        Assert.Empty(await WriteFixture.RowsAsync(_servers.Server));
        Assert.Empty(WriteFixture.ExperimentFolders(_servers.Server.UploadFolder));
    }

    [Fact]
    public async Task A_member_of_a_group_named_in_any_case_sees_and_runs_its_applications()
    {
        var admin = await _servers.SignUpAsync("ADMIN");
        var member = await _servers.SignUpAsync();
        var group = await _servers.CreateGroupAsync(admin, "lab MEMBERS");
        await _servers.AddAsync(admin, group, member);

        Assert.Equal(Everything, (await _servers.PostAsync(Catalogue, user: member)).Body.GetProperty("data").GetRawText());
        Assert.Equal(OpenOnly, (await _servers.PostAsync(Catalogue, user: admin)).Body.GetProperty("data").GetRawText());
        foreach (var key in new[] { "secret", "shared" })
        {
            var created = (await Create(member, key, draft: false)).Data("createExperiment").GetProperty("experiment");
            Assert.Equal(("SUBMITTED", key), (created.GetProperty("status").GetString(), created.GetProperty("applicationKey").GetString()));
        }
    }

    [Fact]
    public async Task A_change_of_membership_holds_from_the_next_request_for_seeing_creating_and_submitting()
    {
        var admin = await _servers.SignUpAsync("ADMIN");
        var member = await _servers.SignUpAsync();
        var group = await _servers.CreateGroupAsync(admin, "Lab Members");
        await _servers.AddAsync(admin, group, member);
        var draft = WriteFixture.IdOf(WriteFixture.EidOf((await Create(member, "secret", draft: true)).Data("createExperiment").GetProperty("experiment")));

        await _servers.RemoveAsync(admin, group, member);

        Assert.Equal(OpenOnly, (await _servers.PostAsync(Catalogue, user: member)).Body.GetProperty("data").GetRawText());
        Assert.Equal("APPLICATION_UNKNOWN", (await Create(member, "secret", draft: true)).PayloadErrorCode("createExperiment"));
        var refused = (await _servers.PostAsync(WriteFixture.Submit.Replace("ExperimentNotEditableError { status }", "ExperimentNotEditableError { status } ... on ApplicationUnknownError { application }"), new { id = draft }, member))
            .PayloadError("submitExperiment");
        Assert.Equal("""{"__typename":"ApplicationUnknownError","code":"APPLICATION_UNKNOWN","message":"No application has the key 'secret'.","application":"secret"}""", refused.GetRawText());
        var kept = (await _servers.PostAsync("query($id: ID!) { experiment(id: $id) { status applicationKey application { key } } }", new { id = draft }, member)).Data("experiment");
        Assert.Equal("""{"status":"EDITING","applicationKey":"secret","application":null}""", kept.GetRawText());

        await _servers.AddAsync(admin, group, member);

        var submitted = (await _servers.PostAsync(WriteFixture.Submit, new { id = draft }, member)).Data("submitExperiment");
        Assert.Equal("SUBMITTED", submitted.GetProperty("experiment").GetProperty("status").GetString());
        Assert.Empty(_servers.Server.Logs.Errors);
    }

    [Fact]
    public async Task Deleting_the_group_ends_its_memberships_and_hides_its_applications_again()
    {
        var admin = await _servers.SignUpAsync("ADMIN");
        var member = await _servers.SignUpAsync();
        var group = await _servers.CreateGroupAsync(admin, "Lab Members");
        await _servers.AddAsync(admin, group, member);
        Assert.Equal(Everything, (await _servers.PostAsync(Catalogue, user: member)).Body.GetProperty("data").GetRawText());

        (await _servers.PostAsync(GroupOperations.Delete, new { id = group }, admin)).Data("deleteGroup");

        Assert.Equal(OpenOnly, (await _servers.PostAsync(Catalogue, user: member)).Body.GetProperty("data").GetRawText());
        Assert.Equal("""{"groups":[]}""", (await _servers.PostAsync("{ me { groups { id } } }", user: member)).Data("me").GetRawText());

        // A new group of the same name shows nothing until members are added to it.
        await _servers.CreateGroupAsync(admin, "Lab Members");
        Assert.Equal(OpenOnly, (await _servers.PostAsync(Catalogue, user: member)).Body.GetProperty("data").GetRawText());
    }

    [Fact]
    public void An_application_the_catalogue_lacks_is_left_out_of_its_category_with_a_warning_at_start()
    {
        var warning = Assert.Single(_servers.Server.Logs.Entries, entry => entry.Message.Contains("categories name", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal("The application categories name 1 applications the catalogue does not have, left out: general/ghost", warning.Message);
    }

    [PostgreSqlFact]
    public async Task A_change_of_membership_made_through_one_instance_holds_at_once_on_another()
    {
        await using var other = await AccountsServer.StartAsync([.. _servers.Settings, _servers.Server.Database.Setting]);
        var admin = await _servers.SignUpAsync("ADMIN");
        var member = await _servers.SignUpAsync();
        using var onOther = new GraphQLHttp(other);
        Assert.Equal(OpenOnly, (await onOther.PostAsync(Catalogue, token: member.Token)).Body.GetProperty("data").GetRawText());

        var group = await _servers.CreateGroupAsync(admin, "Lab Members");
        await _servers.AddAsync(admin, group, member);
        Assert.Equal(Everything, (await onOther.PostAsync(Catalogue, token: member.Token)).Body.GetProperty("data").GetRawText());

        await _servers.RemoveAsync(admin, group, member);
        Assert.Equal(OpenOnly, (await onOther.PostAsync(Catalogue, token: member.Token)).Body.GetProperty("data").GetRawText());
    }

    private Task<GraphQLResponse> Create(WriteUser user, string application, bool draft) =>
        _servers.PostAsync(WriteFixture.Create, new { input = new { application, name = "Run", draft } }, user);
}
