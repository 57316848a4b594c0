using Ipp.Graph.Applications;
using Ipp.Graph.Authorization;

namespace Ipp.Graph.Tests.Applications;

/// <summary>
/// Reading the catalogue's categories (the IPP portal's format) and who may see what they hold: the portal's real
/// files load, every shape error is refused with a message naming the category, and the visibility rule for an
/// application in a restricted and an open category.
/// </summary>
public sealed class ApplicationCategoriesTests
{
    private static readonly ApplicationCatalog Catalog = ApplicationCatalog.Parse(Ipp.Graph.Tests.Groups.GroupServers.Catalogue);

    private static readonly IReadOnlySet<string> NoGroups = new HashSet<string>();

    [Fact]
    public void The_portals_categories_load_with_its_catalogue_and_its_developers_category_is_restricted()
    {
        var catalog = ApplicationCatalog.Load(PortalCatalogFile.Path);
        var categories = ApplicationCategories.Load(Path.Combine(Path.GetDirectoryName(PortalCatalogFile.Path)!, "ipp-categories.json"), catalog);
        var visibility = new ApplicationVisibility(categories);

        Assert.Equal(
            ["development", "segmentation", "brats2020", "pipelines", "brats2018", "brats2019", "CaPTk", "analysis", "registration", "fets2020"],
            categories.All.Select(c => c.Key));
        var development = categories.All[0];
        Assert.Equal(("Development and Testing", true, 25), (development.Label, development.IsRestricted, development.Applications.Count));
        Assert.Equal(["cbica developers"], development.Groups);
        Assert.All(categories.All.Skip(1), c => Assert.False(c.IsRestricted));
        Assert.Equal(
            ["development/FeatureExtractionBranch", "segmentation/WMLS", "CaPTk/MultiSubjectFeatureExtractionBranch", "registration/DRAMMS-coregistration"],
            categories.UnknownApplications);

        var developers = new HashSet<string> { "cbica developers" };
        Assert.False(visibility.MaySee(catalog.Find("GLISTRboost")!, NoGroups));
        Assert.True(visibility.MaySee(catalog.Find("GLISTRboost")!, developers));
        Assert.True(visibility.MaySee(catalog.Find("LIBRA")!, NoGroups));
        // Applications in no category (BraTS 2017's) are open to everyone.
        Assert.Empty(categories.Of("BraTS17eval_testingPhase"));
        Assert.True(visibility.MaySee(catalog.Find("BraTS17eval_testingPhase")!, NoGroups));
        Assert.Equal(42, catalog.All.Count(a => visibility.MaySee(a, NoGroups)));
    }

    [Fact]
    public void An_application_in_a_restricted_and_an_open_category_is_restricted_to_the_groups_of_its_restricted_ones()
    {
        var categories = ApplicationCategories.Parse(
            """
            {"open": {"label": "Open", "apps": ["shared", "open"]},
             "a": {"label": "A", "apps": ["shared"], "groups": ["Team A"]},
             "b": {"label": "B", "apps": ["shared", "secret"], "groups": ["team b", " TEAM C "]}}
            """,
            Catalog);
        var visibility = new ApplicationVisibility(categories);
        var shared = Catalog.Find("shared")!;

        Assert.False(visibility.MaySee(shared, NoGroups));
        Assert.False(visibility.MaySee(shared, new HashSet<string> { "other" }));
        Assert.All(new[] { "team a", "team b", "team c" }, group => Assert.True(visibility.MaySee(shared, new HashSet<string> { group })));
        Assert.False(visibility.MaySee(Catalog.Find("secret")!, new HashSet<string> { "team a" }));
        Assert.True(visibility.MaySee(Catalog.Find("open")!, NoGroups));
        Assert.True(visibility.MaySee(categories.All[0], NoGroups));
        Assert.False(visibility.MaySee(categories.All[1], new HashSet<string> { "team b" }));
        Assert.Equal(["open", "a", "b"], categories.Of("shared").Select(c => c.Key));
    }

    public static TheoryData<string, string> BrokenFiles => new()
    {
        { "[]", "the file must be a JSON object of categories by key." },
        { "{\"a\": []}", "category 'a' must be a JSON object." },
        { "{\"a\": {\"apps\": []}}", "category 'a': label must be a non-empty string." },
        { "{\"a\": {\"label\": \"A\"}}", "category 'a': apps must be an array of non-empty strings." },
        { "{\"a\": {\"label\": \"A\", \"apps\": [1]}}", "category 'a': apps must be an array of non-empty strings." },
        { "{\"a\": {\"label\": \"A\", \"apps\": [], \"description\": 3}}", "category 'a': description must be a string." },
        { "{\"a\": {\"label\": \"A\", \"apps\": [], \"groups\": [\" \"]}}", "category 'a': groups must be an array of non-empty strings." },
        { "{\"a\": {\"label\": \"A\", \"apps\": []}, \"a\": {\"label\": \"B\", \"apps\": []}}", "the category 'a' is given twice." },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void A_file_out_of_shape_is_refused_naming_what_is_wrong(string json, string problem)
    {
        var error = Assert.Throws<ApplicationCatalogException>(() => ApplicationCategories.Parse(json, Catalog, "cats.json"));
        Assert.Equal($"The application categories cats.json are not valid: {problem}", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_json_or_cannot_be_read_is_refused()
    {
        Assert.StartsWith("The application categories cats.json are not valid JSON: ", Assert.Throws<ApplicationCatalogException>(() => ApplicationCategories.Parse("{", Catalog, "cats.json")).Message);
        var missing = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():n}.json");
        Assert.StartsWith($"The application categories {missing} cannot be read: ", Assert.Throws<ApplicationCatalogException>(() => ApplicationCategories.Load(missing, Catalog)).Message);
    }
}
