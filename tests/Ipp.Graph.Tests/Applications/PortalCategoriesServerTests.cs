using Ipp.Graph.Applications;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Groups;

namespace Ipp.Graph.Tests.Applications;

/// <summary>
/// The server started with the IPP portal's real catalogue and categories: its "Development and Testing" category,
/// which names the group <c>CBICA Developers</c>, is seen with its 25 applications by that group's members only.
/// </summary>
public sealed class PortalCategoriesServerTests
{
    private const string Query = "{ applications { key } categories { key applications { key } } }";

    [Fact]
    public async Task The_portals_development_category_shows_only_to_cbica_developers()
    {
        var categories = Path.Combine(Path.GetDirectoryName(PortalCatalogFile.Path)!, "ipp-categories.json");
        await using var server = await AccountsServer.StartAsync(
            $"--{ApplicationsServiceCollectionExtensions.CatalogPathSetting}={PortalCatalogFile.Path}",
            $"--{ApplicationsServiceCollectionExtensions.CategoriesPathSetting}={categories}");
        var admin = await AccessServers.SignUpAsync(server, "ADMIN");
        var developer = await AccessServers.SignUpAsync(server);
        using var http = new GraphQLHttp(server);
        var group = (await http.PostAsync(GroupOperations.Create, new { name = "CBICA Developers" }, admin.Token))
            .Data("createGroup").GetProperty("group").GetProperty("id").GetString();
        (await http.PostAsync(GroupOperations.Add, new { id = group, userIds = new[] { GroupServers.UserId(developer) } }, admin.Token)).Data("addGroupMembers");

        var anonymous = (await http.PostAsync(Query)).Body.GetProperty("data");
        var asDeveloper = (await http.PostAsync(Query, token: developer.Token)).Body.GetProperty("data");

        Assert.Equal(42, anonymous.GetProperty("applications").GetArrayLength());
        Assert.Equal(67, asDeveloper.GetProperty("applications").GetArrayLength());
        Assert.DoesNotContain(anonymous.GetProperty("categories").EnumerateArray(), c => c.GetProperty("key").GetString() == "development");
        var development = Assert.Single(asDeveloper.GetProperty("categories").EnumerateArray(), c => c.GetProperty("key").GetString() == "development");
        Assert.Equal(25, development.GetProperty("applications").GetArrayLength());
        Assert.Equal(9, anonymous.GetProperty("categories").GetArrayLength());
    }
}
