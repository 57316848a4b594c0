using System.Text.Json;
using Ipp.Graph.Tests.Experiments.Write;

namespace Ipp.Graph.Tests.Images;

/// <summary>
/// The image mutations over the real server, by a maintainer (<c>images:manage</c>): create, read, rename, roles,
/// parameters and delete, each change raising the version once; and every bad input (hostile paths, bad parameter
/// definitions, bad, taken or racing names and paths, unknown images) answered with its code while the database stays
/// as it was, with no error logged (never a 500).
/// </summary>
public sealed class ImageMutationTests(ImageServers servers) : IClassFixture<ImageServers>
{
    private static readonly object[] Parameters =
    [
        new { name = "epochs", type = "INTEGER", label = "Epochs", required = true, @default = 10, min = 1, max = 1000 },
        new { name = "model", type = "SELECT", choices = new[] { new { value = "small", label = (string?)"Small" }, new { value = "large", label = (string?)null } }, @default = "small" },
        new { name = "note", type = "STRING", help = "Free text,\nseveral lines.", group = "Extra", max = 20 },
        new { name = "images", type = "ATTACHMENT", min = 1, max = 4 },
    ];

    [Fact]
    public async Task A_maintainer_creates_reads_renames_sets_roles_and_parameters_and_deletes_an_image()
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var name = ImageServers.Unique("Lolcow");
        var path = ImageServers.UniquePath();

        var created = await servers.CreateAsync(maintainer, "  " + name + " ", path, ["DATA_ENGINEER", "AI_RESEARCHER", "DATA_ENGINEER"], Parameters);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(name, created.GetProperty("name").GetString());
        Assert.Equal(path, created.GetProperty("path").GetString());
        Assert.Equal("""["DATA_ENGINEER","AI_RESEARCHER"]""", created.GetProperty("roles").GetRawText());
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        Assert.Equal(created.GetProperty("createdAt").GetString(), created.GetProperty("updatedAt").GetString());
        Assert.Equal(
            """[{"name":"epochs","type":"INTEGER","label":"Epochs","help":null,"required":true,"group":"Parameters","default":10,"min":1,"max":1000,"choices":null},"""
            + """{"name":"model","type":"SELECT","label":"model","help":null,"required":false,"group":"Parameters","default":"small","min":null,"max":null,"choices":[{"value":"small","label":"Small"},{"value":"large","label":"large"}]},"""
            + """{"name":"note","type":"STRING","label":"note","help":"Free text,\nseveral lines.","required":false,"group":"Extra","default":null,"min":null,"max":20,"choices":null},"""
            + """{"name":"images","type":"ATTACHMENT","label":"images","help":null,"required":false,"group":"Parameters","default":null,"min":1,"max":4,"choices":null}]""",
            created.GetProperty("parameters").GetRawText());
        Assert.Equal(created.GetRawText(), (await servers.PostAsync(ImageOperations.Node, new { id }, maintainer)).Data("node").GetRawText());

        var renamed = (await servers.PostAsync(ImageOperations.Rename, new { id, name = name.ToUpperInvariant() }, maintainer)).Data("renameImage").GetProperty("image");
        Assert.Equal(name.ToUpperInvariant(), renamed.GetProperty("name").GetString());
        Assert.Equal(2, renamed.GetProperty("version").GetInt32());

        var roles = (await servers.PostAsync(ImageOperations.SetRoles, new { id, roles = new[] { "MAINTAINER" } }, maintainer)).Data("setImageRoles").GetProperty("image");
        Assert.Equal("""["MAINTAINER"]""", roles.GetProperty("roles").GetRawText());
        Assert.Equal(3, roles.GetProperty("version").GetInt32());

        var parameters = (await servers.PostAsync(ImageOperations.SetParameters, new { id, parameters = new[] { new { name = "seed", type = "FLOAT", @default = 0.5 } } }, maintainer))
            .Data("setImageParameters").GetProperty("image");
        Assert.Equal(
            """[{"name":"seed","type":"FLOAT","label":"seed","help":null,"required":false,"group":"Parameters","default":0.5,"min":null,"max":null,"choices":null}]""",
            parameters.GetProperty("parameters").GetRawText());
        Assert.Equal(4, parameters.GetProperty("version").GetInt32());
        Assert.Equal(created.GetProperty("createdAt").GetString(), parameters.GetProperty("createdAt").GetString());
        Assert.True(parameters.GetProperty("updatedAt").GetDateTimeOffset() >= created.GetProperty("updatedAt").GetDateTimeOffset());
        Assert.Equal(parameters.GetRawText(), (await servers.PostAsync(ImageOperations.Node, new { id }, maintainer)).Data("node").GetRawText());

        var deleted = (await servers.PostAsync(ImageOperations.Delete, new { id }, maintainer)).Data("deleteImage");
        Assert.Equal(id, deleted.GetProperty("deletedId").GetString());
        Assert.Equal(JsonValueKind.Null, (await servers.PostAsync(ImageOperations.Node, new { id }, maintainer)).Data("node").ValueKind);
        Assert.True(Ipp.Graph.GraphQL.GlobalId.TryDecode(id, "ContainerImage", out var key));
        Assert.Equal(0L, Convert.ToInt64(await servers.Server.Database.ScalarAsync("SELECT COUNT(*) FROM container_image_roles WHERE image_id = @id", ("@id", key))));
        Assert.Empty(servers.Server.Logs.Errors);
    }

    [Fact]
    public async Task Setting_what_an_image_already_has_changes_nothing_and_keeps_its_version()
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var name = ImageServers.Unique("Same");
        var created = await servers.CreateAsync(maintainer, name, ImageServers.UniquePath(), ["AI_RESEARCHER"], [Parameters[0]]);
        var id = created.GetProperty("id").GetString()!;
        var before = await servers.Server.Database.RowsAsync();

        var renamed = (await servers.PostAsync(ImageOperations.Rename, new { id, name = " " + name }, maintainer)).Data("renameImage").GetProperty("image");
        var roles = (await servers.PostAsync(ImageOperations.SetRoles, new { id, roles = new[] { "AI_RESEARCHER", "AI_RESEARCHER" } }, maintainer)).Data("setImageRoles").GetProperty("image");
        var parameters = (await servers.PostAsync(ImageOperations.SetParameters, new { id, parameters = new[] { Parameters[0] } }, maintainer)).Data("setImageParameters").GetProperty("image");

        Assert.All(new[] { renamed, roles, parameters }, image => Assert.Equal(created.GetRawText(), image.GetRawText()));
        Assert.Equal(before, await servers.Server.Database.RowsAsync());
    }

    public static TheoryData<string> HostilePaths => new()
    {
        "; rm -rf /",
        "docker://alpine; rm -rf /",
        "docker://alpine$(reboot)",
        "docker://alpine`reboot`",
        "docker://alpine'x'",
        "docker://alpine\"x\"",
        "docker://alpine latest",
        "docker://alpine\nrm -rf /",
        "docker://alpine\t",
        " docker://alpine",
        "docker://alpine|sh",
        "docker://alpine&&sh",
        "docker://alpine>out",
        "docker://a/*",
        "docker://~root/x",
        "docker://alpine\\x",
        "docker://alpiné",
        "library://../../etc/passwd",
        "docker://-rf/x",
        "docker://",
        "docker://a//b",
        "http://example.org/x.sif",
        "alpine:latest",
        "relative/x.sif",
        "/srv/images/x.img",
        "/srv/images/../x.sif",
        "/.sif",
        "",
    };

    [Theory]
    [MemberData(nameof(HostilePaths))]
    public async Task A_hostile_or_unknown_path_is_refused_and_nothing_is_written(string path)
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var before = await servers.Server.Database.RowsAsync();

        var error = (await servers.PostAsync(ImageOperations.Create, new { name = ImageServers.Unique("Hostile"), path, roles = Array.Empty<string>(), parameters = Array.Empty<object>() }, maintainer))
            .PayloadError("createImage");

        Assert.Equal("InvalidImagePathError", error.GetProperty("__typename").GetString());
        Assert.Equal("INVALID_IMAGE_PATH", error.GetProperty("code").GetString());
        Assert.Equal("""["library://","docker://","oras://","shub://"]""", error.GetProperty("schemes").GetRawText());
        Assert.Equal(500, error.GetProperty("maxLength").GetInt32());
        Assert.Equal(before, await servers.Server.Database.RowsAsync());
        Assert.Empty(servers.Server.Logs.Errors);
    }

    [Fact]
    public async Task A_path_longer_than_the_setting_is_refused_with_the_limit_in_words()
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var path = "docker://example.org/" + new string('a', 480);

        var error = (await servers.PostAsync(ImageOperations.Create, new { name = ImageServers.Unique("Long"), path, roles = Array.Empty<string>(), parameters = Array.Empty<object>() }, maintainer))
            .PayloadError("createImage");

        Assert.Equal("An image's path has at most 500 characters; this one has 501.", error.GetProperty("message").GetString());
    }

    public static TheoryData<string, string> BadParameters => new()
    {
        // The definitions as JSON, and the problems expected: parameter:code, in order.
        { """[{"name": "1st", "type": "STRING"}]""", "1st:INVALID_PARAMETER_KEY" },
        { """[{"name": "a-b", "type": "STRING"}]""", "a-b:INVALID_PARAMETER_KEY" },
        { """[{"name": "x; rm -rf /", "type": "STRING"}]""", "x; rm -rf /:INVALID_PARAMETER_KEY" },
        { """[{"name": "", "type": "STRING"}]""", ":INVALID_PARAMETER_KEY" },
        { """[{"name": "experimentName", "type": "STRING"}]""", "experimentName:INVALID_PARAMETER_KEY" },
        { """[{"name": "k", "type": "STRING"}, {"name": "K", "type": "INTEGER"}]""", "K:DUPLICATE_PARAMETER_KEY" },
        { """[{"name": "k", "type": "INTEGER", "default": 11, "min": 1, "max": 10}]""", "k:INVALID_PARAMETER_DEFAULT" },
        { """[{"name": "k", "type": "INTEGER", "default": 1.5}]""", "k:INVALID_PARAMETER_DEFAULT" },
        { """[{"name": "k", "type": "INTEGER", "default": "5"}]""", "k:INVALID_PARAMETER_DEFAULT" },
        { """[{"name": "k", "type": "STRING", "default": "toolong", "max": 3}]""", "k:INVALID_PARAMETER_DEFAULT" },
        { """[{"name": "k", "type": "SELECT", "choices": [{"value": "a"}], "default": "b"}]""", "k:INVALID_PARAMETER_DEFAULT" },
        { """[{"name": "k", "type": "FLOAT", "default": true}]""", "k:INVALID_PARAMETER_DEFAULT" },
        { """[{"name": "k", "type": "ATTACHMENT", "default": "x"}]""", "k:INVALID_PARAMETER_DEFAULT" },
        { """[{"name": "k", "type": "FLOAT", "min": 2, "max": 1}]""", "k:INVALID_PARAMETER_RANGE" },
        { """[{"name": "k", "type": "STRING", "min": 0.5}]""", "k:INVALID_PARAMETER_RANGE" },
        { """[{"name": "k", "type": "ATTACHMENT", "min": -1}]""", "k:INVALID_PARAMETER_RANGE" },
        { """[{"name": "k", "type": "SELECT", "choices": [{"value": "a"}], "max": 3}]""", "k:INVALID_PARAMETER_RANGE" },
        { """[{"name": "k", "type": "SELECT"}]""", "k:INVALID_PARAMETER_CHOICES" },
        { """[{"name": "k", "type": "SELECT", "choices": []}]""", "k:INVALID_PARAMETER_CHOICES" },
        { """[{"name": "k", "type": "SELECT", "choices": [{"value": "a"}, {"value": "a"}]}]""", "k:INVALID_PARAMETER_CHOICES" },
        { """[{"name": "k", "type": "STRING", "choices": [{"value": "a"}]}]""", "k:INVALID_PARAMETER_CHOICES" },
        { """[{"name": "k", "type": "STRING", "label": "two\nlines"}]""", "k:INVALID_PARAMETER_TEXT" },
        { """[{"name": "a", "type": "STRING"}, {"name": "b", "type": "STRING"}, {"name": "c", "type": "STRING"}, {"name": "d", "type": "STRING"}, {"name": "e", "type": "STRING"}, {"name": "f", "type": "STRING"}]""", ":TOO_MANY_IMAGE_PARAMETERS" },
        // Every problem at once, in the order of the parameters.
        { """[{"name": "ok", "type": "STRING"}, {"name": "9", "type": "STRING"}, {"name": "OK", "type": "STRING"}, {"name": "n", "type": "INTEGER", "default": 0, "min": 1}]""",
            "9:INVALID_PARAMETER_KEY OK:DUPLICATE_PARAMETER_KEY n:INVALID_PARAMETER_DEFAULT" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task Bad_parameter_definitions_are_refused_with_each_problem_and_nothing_is_written(string definitions, string expected)
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var image = await servers.CreateAsync(maintainer, ImageServers.Unique("Parameters"), ImageServers.UniquePath());
        var parameters = JsonSerializer.Deserialize<JsonElement>(definitions);
        var before = await servers.Server.Database.RowsAsync();

        var created = (await servers.PostAsync(
            ImageOperations.Create, new { name = ImageServers.Unique("Refused"), path = ImageServers.UniquePath(), roles = Array.Empty<string>(), parameters }, maintainer))
            .PayloadError("createImage");
        var set = (await servers.PostAsync(ImageOperations.SetParameters, new { id = image.GetProperty("id").GetString(), parameters }, maintainer))
            .PayloadError("setImageParameters");

        foreach (var error in new[] { created, set })
        {
            Assert.Equal("InvalidImageParametersError", error.GetProperty("__typename").GetString());
            Assert.Equal("INVALID_IMAGE_PARAMETERS", error.GetProperty("code").GetString());
            var problems = error.GetProperty("problems").EnumerateArray().ToList();
            Assert.Equal(expected, string.Join(' ', problems.Select(p => $"{p.GetProperty("parameter").GetString()}:{p.GetProperty("code").GetString()}")));
            Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("message").GetString())));
        }

        Assert.Equal(before, await servers.Server.Database.RowsAsync());
        Assert.Empty(servers.Server.Logs.Errors);
    }

    [Fact]
    public async Task A_default_out_of_range_says_so_in_the_catalogues_words()
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var parameters = new[] { new { name = "k", type = "INTEGER", @default = 11, min = 1, max = 10 } };

        var error = (await servers.PostAsync(ImageOperations.Create, new { name = ImageServers.Unique("Range"), path = ImageServers.UniquePath(), roles = Array.Empty<string>(), parameters }, maintainer))
            .PayloadError("createImage");

        Assert.Equal("the default of 'k' must be an integer from 1 to 10.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unknown_parameter_type_is_refused_by_the_contract_and_nothing_is_written()
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var before = await servers.Server.Database.RowsAsync();

        var response = await servers.PostAsync(
            ImageOperations.Create,
            new { name = ImageServers.Unique("Typed"), path = ImageServers.UniquePath(), roles = Array.Empty<string>(), parameters = new[] { new { name = "k", type = "DATE" } } },
            maintainer);

        Assert.False(response.Body.TryGetProperty("data", out _));
        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        Assert.Contains("DATE", response.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(before, await servers.Server.Database.RowsAsync());
    }

    public static TheoryData<string, string> BadNames => new()
    {
        { "", "An image's name cannot be empty." },
        { "   ", "An image's name cannot be empty." },
        { new string('n', 101), "An image's name has at most 100 characters; this one has 101." },
        { "two\nlines", "An image's name cannot hold control characters (line breaks, tabs and the like)." },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task A_bad_name_is_refused_on_create_and_rename_and_nothing_is_written(string name, string message)
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var image = await servers.CreateAsync(maintainer, ImageServers.Unique("Named"), ImageServers.UniquePath());
        var before = await servers.Server.Database.RowsAsync();

        var created = (await servers.PostAsync(ImageOperations.Create, new { name, path = ImageServers.UniquePath(), roles = Array.Empty<string>(), parameters = Array.Empty<object>() }, maintainer))
            .PayloadError("createImage");
        var renamed = (await servers.PostAsync(ImageOperations.Rename, new { id = image.GetProperty("id").GetString(), name }, maintainer)).PayloadError("renameImage");

        foreach (var error in new[] { created, renamed })
        {
            Assert.Equal(
                Json(new { __typename = "InvalidImageNameError", code = "INVALID_IMAGE_NAME", message, maxLength = 100 }),
                error.GetRawText());
        }

        Assert.Equal(before, await servers.Server.Database.RowsAsync());
    }

    [Fact]
    public async Task A_taken_name_without_regard_to_case_or_a_taken_path_is_refused_and_nothing_is_written()
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var name = ImageServers.Unique("Taken");
        var path = ImageServers.UniquePath();
        await servers.CreateAsync(maintainer, name, path);
        var other = await servers.CreateAsync(maintainer, ImageServers.Unique("Other"), ImageServers.UniquePath());
        var before = await servers.Server.Database.RowsAsync();

        var sameName = (await servers.PostAsync(
            ImageOperations.Create, new { name = name.ToUpperInvariant(), path = ImageServers.UniquePath(), roles = Array.Empty<string>(), parameters = Array.Empty<object>() }, maintainer))
            .PayloadError("createImage");
        var samePath = (await servers.PostAsync(
            ImageOperations.Create, new { name = ImageServers.Unique("New"), path, roles = Array.Empty<string>(), parameters = Array.Empty<object>() }, maintainer))
            .PayloadError("createImage");
        var renamed = (await servers.PostAsync(ImageOperations.Rename, new { id = other.GetProperty("id").GetString(), name = " " + name.ToLowerInvariant() }, maintainer))
            .PayloadError("renameImage");

        Assert.Equal(
            Json(new { __typename = "ImageNameTakenError", code = "IMAGE_NAME_TAKEN", message = $"Another image is named '{name.ToUpperInvariant()}'." }),
            sameName.GetRawText());
        Assert.Equal(
            Json(new { __typename = "ImagePathTakenError", code = "IMAGE_PATH_TAKEN", message = $"Another image has the path '{path}'." }),
            samePath.GetRawText());
        Assert.Equal("IMAGE_NAME_TAKEN", renamed.GetProperty("code").GetString());
        Assert.Equal(before, await servers.Server.Database.RowsAsync());
        Assert.Empty(servers.Server.Logs.Errors);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("path")]
    public async Task Creations_racing_for_one_name_or_path_make_one_image_and_the_others_get_the_typed_error(string contested)
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var name = ImageServers.Unique("Race");
        var path = ImageServers.UniquePath();
        const int Racers = 8;

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => servers.PostAsync(
            ImageOperations.Create,
            new
            {
                name = contested == "name" ? (i % 2 == 0 ? name : name.ToUpperInvariant()) : $"{name} {i}",
                path = contested == "path" ? path : $"{path}-{i}",
                roles = new[] { "DATA_ENGINEER" },
                parameters = Array.Empty<object>(),
            },
            maintainer)));

        var payloads = responses.Select(r => r.Data("createImage")).ToList();
        Assert.Single(payloads, p => p.GetProperty("image").ValueKind == JsonValueKind.Object);
        var refused = payloads.Where(p => p.GetProperty("image").ValueKind == JsonValueKind.Null).Select(p => Assert.Single(p.GetProperty("errors").EnumerateArray())).ToList();
        Assert.Equal(Racers - 1, refused.Count);
        Assert.All(refused, error => Assert.Equal(contested == "name" ? "IMAGE_NAME_TAKEN" : "IMAGE_PATH_TAKEN", error.GetProperty("code").GetString()));
        var column = contested == "name" ? "normalized_name" : "path";
        Assert.Equal(1L, Convert.ToInt64(await servers.Server.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM container_images WHERE {column} = @value", ("@value", contested == "name" ? name.ToLowerInvariant() : path))));
        Assert.Equal(1L, Convert.ToInt64(await servers.Server.Database.ScalarAsync(
            "SELECT COUNT(*) FROM container_image_roles r JOIN container_images i ON i.id = r.image_id WHERE i.name LIKE @prefix OR i.name LIKE @upper",
            ("@prefix", name + "%"), ("@upper", name.ToUpperInvariant() + "%"))));
        Assert.Empty(servers.Server.Logs.Errors);
    }

    public static TheoryData<string> UnknownImageIds => new()
    {
        Ipp.Graph.GraphQL.GlobalId.Encode("ContainerImage", long.MaxValue),
        Ipp.Graph.GraphQL.GlobalId.Encode("Group", 1),
        "not an id",
    };

    [Theory]
    [MemberData(nameof(UnknownImageIds))]
    public async Task An_unknown_image_is_refused_by_every_mutation_and_nothing_is_written(string id)
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var before = await servers.Server.Database.RowsAsync();

        var errors = new[]
        {
            (await servers.PostAsync(ImageOperations.Rename, new { id, name = ImageServers.Unique("New") }, maintainer)).PayloadError("renameImage"),
            (await servers.PostAsync(ImageOperations.SetRoles, new { id, roles = new[] { "ADMIN" } }, maintainer)).PayloadError("setImageRoles"),
            (await servers.PostAsync(ImageOperations.SetParameters, new { id, parameters = Array.Empty<object>() }, maintainer)).PayloadError("setImageParameters"),
            (await servers.PostAsync(ImageOperations.Delete, new { id }, maintainer)).PayloadError("deleteImage"),
        };

        Assert.All(errors, error => Assert.Equal(
            Json(new { __typename = "ImageNotFoundError", code = "IMAGE_NOT_FOUND", message = $"No image has the id '{id}'.", id }),
            error.GetRawText()));
        Assert.Equal(before, await servers.Server.Database.RowsAsync());
    }

    [Fact]
    public async Task A_deleted_image_is_missing_to_every_later_mutation()
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var id = (await servers.CreateAsync(maintainer, ImageServers.Unique("Gone"), ImageServers.UniquePath())).GetProperty("id").GetString()!;
        Assert.Equal(id, (await servers.PostAsync(ImageOperations.Delete, new { id }, maintainer)).Data("deleteImage").GetProperty("deletedId").GetString());

        Assert.Equal("IMAGE_NOT_FOUND", (await servers.PostAsync(ImageOperations.Delete, new { id }, maintainer)).PayloadErrorCode("deleteImage"));
        Assert.Equal("IMAGE_NOT_FOUND", (await servers.PostAsync(ImageOperations.Rename, new { id, name = ImageServers.Unique("Back") }, maintainer)).PayloadErrorCode("renameImage"));
    }

    /// <summary>A value as the server writes JSON (quotes and apostrophes as they are).</summary>
    private static string Json(object value) =>
        JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
