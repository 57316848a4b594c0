using System.Text.Json;
using Ipp.Graph.Applications;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Applications;

/// <summary><c>applications</c> and <c>application(key:)</c> over HTTP on the real server, with no one signed in.</summary>
public sealed class ApplicationsServerTests
{
    private const string FieldParts = "name type label help required group default min max choices { value label }";

    private const string FieldsQuery =
        "query($key: String!) { application(key: $key) { key label description nameField { " + FieldParts + " } descriptionField { " + FieldParts + " } fields { " + FieldParts + " } } }";

    [Fact]
    public async Task The_portal_catalogue_lists_67_applications_and_answers_a_fields_choices_and_bounds()
    {
        await using var server = await RunningServer.StartAsync($"--{ApplicationsServiceCollectionExtensions.CatalogPathSetting}={PortalCatalogFile.Path}");
        using var http = new GraphQLHttp(server);

        var list = (await http.PostAsync("{ applications { key } }")).Data("applications");
        Assert.Equal(67, list.GetArrayLength());
        Assert.Equal("BraTS17_data_request_registration", list[0].GetProperty("key").GetString());

        var libra = (await http.PostAsync(FieldsQuery, new { key = "LIBRA" })).Data("application");
        Assert.Equal("LIBRA: Breast Density Estimation", libra.GetProperty("label").GetString());
        // The catalogue's experimentName and experimentDescription describe createExperiment's name and description,
        // limited to what the database holds; the fields are what parameters and files take.
        Assert.Equal(
            """{"name":"name","type":"STRING","label":"Experiment Name","help":null,"required":true,"group":"Required Fields","default":null,"min":null,"max":200,"choices":null}""",
            libra.GetProperty("nameField").GetRawText());
        Assert.Equal(
            """{"name":"description","type":"STRING","label":"Description (optional)","help":null,"required":false,"group":"Required Fields","default":null,"min":null,"max":4000,"choices":null}""",
            libra.GetProperty("descriptionField").GetRawText());
        var fields = libra.GetProperty("fields");
        Assert.Equal(2, fields.GetArrayLength());
        Assert.Equal(
            """{"name":"mammograms","type":"ATTACHMENT","label":"Input digital mammogram(s)","help":"Digital mammogram(s), type DICOM","required":true,"group":"Required Fields","default":null,"min":1,"max":100,"choices":null}""",
            fields[0].GetRawText());
        Assert.Equal(
            """{"name":"saveIntermediateFiles","type":"SELECT","label":"To save intermediate files","help":"Additional files for visualization, debugging and understanding the algorithm step-by-step.","required":false,"group":"Options","default":null,"min":null,"max":null,"choices":[{"value":"0","label":"NO"},{"value":"1","label":"YES"}]}""",
            fields[1].GetRawText());

        var glistr = (await http.PostAsync(FieldsQuery, new { key = "GLISTR" })).Data("application").GetProperty("fields");
        Assert.Equal(
            """{"name":"numOmpThreads","type":"INTEGER","label":"Number of OpenMP threads","help":null,"required":false,"group":"Options","default":3,"min":1,"max":3,"choices":null}""",
            glistr[4].GetRawText());

        var unknown = await http.PostAsync(FieldsQuery, new { key = "NoSuchApp" });
        Assert.Equal(JsonValueKind.Null, unknown.Data("application").ValueKind);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Without_a_setting_the_server_serves_its_shipped_catalogue()
    {
        await using var server = await RunningServer.StartAsync();
        using var http = new GraphQLHttp(server);

        var list = (await http.PostAsync("{ applications { key fields { name } } }")).Data("applications");
        Assert.Equal(ApplicationCatalog.LoadShipped().All.Select(a => a.Key), list.EnumerateArray().Select(a => a.GetProperty("key").GetString()));
        var threshold = (await http.PostAsync(FieldsQuery, new { key = "threshold-segmentation" })).Data("application").GetProperty("fields");
        Assert.Equal(
            """{"name":"connectivity","type":"SELECT","label":"Neighbourhood","help":null,"required":false,"group":"Options","default":"26","min":null,"max":null,"choices":[{"value":"6","label":"Faces (6 neighbours)"},{"value":"18","label":"Faces and edges (18 neighbours)"},{"value":"26","label":"Faces, edges and corners (26 neighbours)"}]}""",
            threshold[2].GetRawText());
    }

    [Fact]
    public void A_missing_catalogue_stops_the_server_at_start_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", Guid.NewGuid().ToString("n"), "apps.json");
        var error = Assert.Throws<ApplicationCatalogException>(() => IppGraphApp.Create([$"--{ApplicationsServiceCollectionExtensions.CatalogPathSetting}={path}"]));
        Assert.StartsWith($"The application catalogue {path} cannot be read: ", error.Message);
    }

    [Fact]
    public void A_malformed_catalogue_stops_the_server_at_start_saying_what_is_wrong()
    {
        var path = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", Guid.NewGuid().ToString("n") + ".json");
        File.WriteAllText(path, """[{"appKey": "a", "label": "A", "fieldGroups": {}}, {"appKey": "a", "label": "A again", "fieldGroups": {}}]""");
        try
        {
            var error = Assert.Throws<ApplicationCatalogException>(() => IppGraphApp.Create([$"--{ApplicationsServiceCollectionExtensions.CatalogPathSetting}={path}"]));
            Assert.Equal($"The application catalogue {path} is not valid: application #2: the key 'a' is used twice.", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
