using System.Text.Json;
using Ipp.Graph.Tests.Images;

namespace Ipp.Graph.Tests.Applications;

/// <summary>
/// <c>applications</c>, <c>application(key:)</c> and <c>Experiment.application</c> with both kinds, over the real
/// server: the catalogue's entries, then the images the caller may use as <c>images</c> shows them (the roles'
/// images for a data engineer, every image for a maintainer, none without a role or signed out), each saying what it
/// is and how it runs; an image out of reach answers as a missing one; the images are read in one query per request.
/// </summary>
public sealed class ApplicationKindsTests(ApplicationServers servers) : IClassFixture<ApplicationServers>
{
    private const string Shape = "key label kind runsThrough image { id name } fields { name type } categories { key }";

    private const string List = "{ applications { " + Shape + " } images(first: 100) { nodes { id name } } }";

    private const string One = "query($key: String!) { application(key: $key) { " + Shape + " } }";

    private const string ExperimentApplication =
        "query($id: ID!) { node(id: $id) { ... on Experiment { applicationKey application { key kind runsThrough image { id } } } } }";

    [Fact]
    public async Task A_user_sees_the_catalogue_then_only_the_images_their_roles_allow_each_saying_what_it_is()
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var engineer = await servers.SignUpAsync("DATA_ENGINEER");
        var tag = Guid.NewGuid().ToString("n");
        var theirs = await servers.CreateImageAsync(maintainer, $"{tag} b theirs", "DATA_ENGINEER");
        var alsoTheirs = await servers.CreateImageAsync(maintainer, $"{tag} a also theirs", "AI_RESEARCHER", "DATA_ENGINEER");
        var researchers = await servers.CreateImageAsync(maintainer, $"{tag} c researchers", "AI_RESEARCHER");
        var unlinked = await servers.CreateImageAsync(maintainer, $"{tag} d unlinked");

        var response = (await servers.PostAsync(List, user: engineer)).Body.GetProperty("data");

        var applications = response.GetProperty("applications").EnumerateArray().ToArray();
        var catalogue = applications.TakeWhile(a => a.GetProperty("kind").GetString() == "CATALOGUE").ToArray();
        Assert.Equal(
            """{"key":"demo","label":"Demo","kind":"CATALOGUE","runsThrough":"FOLDER_CONTRACT","image":null,"fields":[{"name":"threshold","type":"INTEGER"},{"name":"mode","type":"SELECT"},{"name":"ratio","type":"FLOAT"},{"name":"notes","type":"STRING"},{"name":"images","type":"ATTACHMENT"},{"name":"t1","type":"ATTACHMENT"},{"name":"flair","type":"ATTACHMENT"}],"categories":[]}""",
            Assert.Single(catalogue).GetRawText());
        var images = applications.Skip(catalogue.Length).ToArray();
        // The images part is exactly the images the caller may use, in the images' own order (by name).
        Assert.Equal(Ids(response.GetProperty("images").GetProperty("nodes")), Keys(images));
        string[] made = [theirs, alsoTheirs, researchers, unlinked];
        Assert.Equal([alsoTheirs, theirs], Keys(images).Where(made.Contains));
        var image = images.Single(a => a.GetProperty("key").GetString() == theirs);
        Assert.Equal(
            $$"""{"key":"{{theirs}}","label":"{{tag}} b theirs","kind":"IMAGE","runsThrough":"TOKEN_POOL","image":{"id":"{{theirs}}","name":"{{tag}} b theirs"},"fields":[{"name":"steps","type":"INTEGER"}],"categories":[]}""",
            image.GetRawText());
        Assert.Empty(servers.Server.Logs.Errors);
    }

    [Fact]
    public async Task A_maintainer_sees_every_image_and_a_user_without_a_role_or_signed_out_sees_the_catalogue_alone()
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var roleless = await servers.SignUpAsync();
        var unlinked = await servers.CreateImageAsync(maintainer, ImageServers.Unique("Unlinked"));

        var seen = (await servers.PostAsync(List, user: maintainer)).Body.GetProperty("data");
        var keys = Keys(seen.GetProperty("applications"));
        Assert.Equal(["demo", .. Ids(seen.GetProperty("images").GetProperty("nodes"))], keys);
        Assert.Contains(unlinked, keys);

        foreach (var caller in new[] { roleless, null })
        {
            var applications = (await servers.PostAsync("{ applications { key kind image { id } } }", user: caller)).Data("applications");
            Assert.Equal("""[{"key":"demo","kind":"CATALOGUE","image":null}]""", applications.GetRawText());
            Assert.Equal(JsonValueKind.Null, (await servers.PostAsync(One, new { key = unlinked }, caller)).Data("application").ValueKind);
        }
    }

    [Fact]
    public async Task Application_by_an_images_id_answers_it_when_the_caller_may_use_it_and_null_otherwise()
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var researcher = await servers.SignUpAsync("AI_RESEARCHER");
        var usable = await servers.CreateImageAsync(maintainer, ImageServers.Unique("Usable"), "AI_RESEARCHER");
        var hidden = await servers.CreateImageAsync(maintainer, ImageServers.Unique("Hidden"), "DATA_ENGINEER");

        var found = (await servers.PostAsync(One, new { key = usable }, researcher)).Data("application");
        Assert.Equal(usable, found.GetProperty("key").GetString());
        Assert.Equal("IMAGE", found.GetProperty("kind").GetString());
        Assert.Equal("TOKEN_POOL", found.GetProperty("runsThrough").GetString());
        Assert.Equal(usable, found.GetProperty("image").GetProperty("id").GetString());

        var gone = Ipp.Graph.GraphQL.GlobalId.Encode("ContainerImage", long.MaxValue);
        foreach (var key in new[] { hidden, gone, Ipp.Graph.GraphQL.GlobalId.Encode("Experiment", 1), "no-such-app" })
        {
            Assert.Equal(JsonValueKind.Null, (await servers.PostAsync(One, new { key }, researcher)).Data("application").ValueKind);
        }

        Assert.Equal(hidden, (await servers.PostAsync(One, new { key = hidden }, maintainer)).Data("application").GetProperty("key").GetString());
        var demo = (await servers.PostAsync(One, new { key = "demo" }, researcher)).Data("application");
        Assert.Equal(("CATALOGUE", "FOLDER_CONTRACT"), (demo.GetProperty("kind").GetString(), demo.GetProperty("runsThrough").GetString()));
        Assert.Empty(servers.Server.Logs.Errors);
    }

    [Fact]
    public async Task An_experiment_on_an_image_shows_it_until_the_image_is_deleted_or_out_of_the_callers_reach()
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var engineer = await servers.SignUpAsync("DATA_ENGINEER");
        var image = await servers.CreateImageAsync(maintainer, ImageServers.Unique("Run on"), "DATA_ENGINEER");
        var unlinkedLater = await servers.CreateImageAsync(maintainer, ImageServers.Unique("Unlinked later"), "DATA_ENGINEER");
        var onImage = await servers.AddExperimentAsync(engineer, image);
        var onUnlinked = await servers.AddExperimentAsync(engineer, unlinkedLater);

        var shown = (await servers.PostAsync(ExperimentApplication, new { id = onImage }, engineer)).Data("node");
        Assert.Equal(
            $$$$"""{"applicationKey":"{{{{image}}}}","application":{"key":"{{{{image}}}}","kind":"IMAGE","runsThrough":"TOKEN_POOL","image":{"id":"{{{{image}}}}"}}}""",
            shown.GetRawText());

        await servers.DeleteImageAsync(maintainer, image);
        await servers.PostAsync(ImageOperations.SetRoles, new { id = unlinkedLater, roles = Array.Empty<string>() }, maintainer);

        Assert.Equal(
            $$"""{"applicationKey":"{{image}}","application":null}""",
            (await servers.PostAsync(ExperimentApplication, new { id = onImage }, engineer)).Data("node").GetRawText());
        Assert.Equal(
            $$"""{"applicationKey":"{{unlinkedLater}}","application":null}""",
            (await servers.PostAsync(ExperimentApplication, new { id = onUnlinked }, engineer)).Data("node").GetRawText());
        Assert.Empty(servers.Server.Logs.Errors);
    }

    [Fact]
    public async Task A_request_reads_the_images_once_however_many_experiments_and_fields_ask_for_applications()
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var engineer = await servers.SignUpAsync("DATA_ENGINEER");
        var images = new[]
        {
            await servers.CreateImageAsync(maintainer, ImageServers.Unique("One"), "DATA_ENGINEER"),
            await servers.CreateImageAsync(maintainer, ImageServers.Unique("Two"), "DATA_ENGINEER"),
        };
        for (var i = 0; i < 10; i++)
        {
            await servers.AddExperimentAsync(engineer, i % 3 == 0 ? "demo" : images[i % 2]);
        }

        JsonElement data = default;
        var commands = await servers.CaptureSqlAsync(async () => data = (await servers.PostAsync(
            "query($key: String!) { experiments(first: 20) { nodes { application { key kind image { id } } } } applications { key } application(key: $key) { key } }",
            new { key = images[1] },
            engineer)).Body.GetProperty("data"));

        var shown = data.GetProperty("experiments").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("application").GetProperty("key").GetString()).ToArray();
        Assert.Equal(10, shown.Length);
        Assert.Equal(6, shown.Count(key => images.Contains(key)));
        Assert.Equal(images[1], data.GetProperty("application").GetProperty("key").GetString());
        Assert.Single(commands, c => c.Contains("applications: images", StringComparison.Ordinal));
        Assert.DoesNotContain(commands, c => c.Contains("container_images", StringComparison.Ordinal) && !c.Contains("applications: images", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_about_catalogue_entries_alone_reads_no_image()
    {
        var engineer = await servers.SignUpAsync("DATA_ENGINEER");
        await servers.AddExperimentAsync(engineer, "demo");

        var commands = await servers.CaptureSqlAsync(async () =>
            Assert.Equal("demo", (await servers.PostAsync("{ experiments { nodes { application { key } } } application(key: \"demo\") { key } }", user: engineer))
                .Data("application").GetProperty("key").GetString()));

        Assert.DoesNotContain(commands, c => c.Contains("container_images", StringComparison.Ordinal));
    }

    private static string[] Keys(JsonElement applications) => Keys(applications.EnumerateArray());

    private static string[] Keys(IEnumerable<JsonElement> applications) => [.. applications.Select(a => a.GetProperty("key").GetString()!)];

    private static string[] Ids(JsonElement nodes) => [.. nodes.EnumerateArray().Select(n => n.GetProperty("id").GetString()!)];
}
