using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using static Ipp.Graph.Tests.Experiments.ReadJson;

namespace Ipp.Graph.Tests.Experiments;

/// <summary><c>Experiment.inputs</c>/<c>outputs</c> and the download endpoint: ranges, owners, and paths kept inside.</summary>
public sealed class ReadFilesTests(ReadServer fixture) : IClassFixture<ReadServer>
{
    private const string Files =
        "query($id: ID!) { experiment(id: $id) { inputs { name parameter size downloadUrl } outputs { name parameter size downloadUrl } } }";

    private static ExperimentInput Input(string parameter, string storedName, long size) =>
        new() { Parameter = parameter, StoredName = storedName, OriginalName = "original " + storedName, Size = size };

    private async Task<(ReadUser User, Experiment Experiment, string Folder)> SeedAsync()
    {
        var user = await fixture.NewUserAsync();
        var experiment = await fixture.AddExperimentAsync(
            user, "with files", ExperimentStatus.Completed, inputs: [Input("genome", "reads.fastq", 10), Input("config", "my settings (2).txt", 3)]);
        var folder = fixture.FolderOf(experiment);
        Directory.CreateDirectory(Path.Combine(folder, "results", "deep"));
        await File.WriteAllTextAsync(Path.Combine(folder, "summary.csv"), "a,b\n1,2\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "results", "deep", "log ü#%.txt"), "0123456789abcdefghij");
        return (user, experiment, folder);
    }

    [Fact]
    public async Task Inputs_come_from_the_database_and_outputs_are_every_other_file()
    {
        var (user, experiment, _) = await SeedAsync();
        var found = (await fixture.Http.PostAsync(Files, new { id = GlobalIdOf(experiment) }, user.Token)).Data("experiment");
        var id = GlobalIdOf(experiment);

        var inputs = found.GetProperty("inputs").EnumerateArray().ToArray();
        Assert.Equal(["reads.fastq:genome:10", "my settings (2).txt:config:3"], inputs.Select(Describe));
        Assert.Equal($"/experiments/{id}/files/my%20settings%20%282%29.txt", inputs[1].GetProperty("downloadUrl").GetString());

        var outputs = found.GetProperty("outputs").EnumerateArray().ToArray();
        Assert.Equal(["results/deep/log ü#%.txt::20", "summary.csv::8"], outputs.Select(Describe));
        Assert.Equal(
            $"/experiments/{id}/files/results/deep/log%20%C3%BC%23%25.txt",
            outputs[0].GetProperty("downloadUrl").GetString());
    }

    [Fact]
    public async Task A_missing_folder_has_no_outputs()
    {
        var user = await fixture.NewUserAsync();
        var experiment = await fixture.AddExperimentAsync(user, "moved", ExperimentStatus.Running);
        Directory.Delete(fixture.FolderOf(experiment), recursive: true);
        var found = (await fixture.Http.PostAsync(Files, new { id = GlobalIdOf(experiment) }, user.Token)).Data("experiment");
        Assert.Equal(0, found.GetProperty("outputs").GetArrayLength());
        Assert.Empty(fixture.Server.Logs.Errors);
    }

    [Fact]
    public async Task Inputs_of_a_whole_page_are_loaded_in_one_query()
    {
        var user = await fixture.NewUserAsync();
        for (var i = 0; i < 4; i++)
        {
            await fixture.AddExperimentAsync(user, "x" + i, inputs: [Input("p", $"in{i}.txt", i)]);
        }

        JsonElement page = default;
        var sql = await fixture.CaptureSqlAsync(async () => page = (await fixture.Http.PostAsync(
            "{ experiments { nodes { name inputs { name size } } } }", token: user.Token)).Data("experiments"));
        Assert.Equal(["in3.txt", "in2.txt", "in1.txt", "in0.txt"], page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("inputs")[0].GetProperty("name").GetString()));
        Assert.Single(sql, command => command.Contains("-- Experiment.inputs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_owner_downloads_a_file_whole_or_by_range()
    {
        var (user, experiment, _) = await SeedAsync();
        var url = $"experiments/{GlobalIdOf(experiment)}/files/results/deep/log%20%C3%BC%23%25.txt";
        using var client = fixture.Server.CreateClient();

        using var whole = await SendAsync(client, url, user.Token);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("0123456789abcdefghij", await whole.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", whole.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("log ü#%.txt", whole.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("bytes", Assert.Single(whole.Headers.AcceptRanges));

        using var range = await SendAsync(client, url, user.Token, request => request.Headers.Range = new RangeHeaderValue(5, 9));
        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal("56789", await range.Content.ReadAsStringAsync());
        Assert.Equal("bytes 5-9/20", range.Content.Headers.ContentRange?.ToString());

        using var tail = await SendAsync(client, url, user.Token, request => request.Headers.Range = new RangeHeaderValue(null, 3));
        Assert.Equal("hij", await tail.Content.ReadAsStringAsync());

        using var unsatisfiable = await SendAsync(client, url, user.Token, request => request.Headers.Range = new RangeHeaderValue(100, 200));
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);

        using var head = await SendAsync(client, url, user.Token, request => request.Method = HttpMethod.Head);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(20, head.Content.Headers.ContentLength);

        using var csv = await SendAsync(client, $"experiments/{GlobalIdOf(experiment)}/files/summary.csv", user.Token);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        using var input = await SendAsync(client, $"experiments/{GlobalIdOf(experiment)}/files/reads.fastq", user.Token);
        Assert.Equal("application/octet-stream", input.Content.Headers.ContentType?.MediaType);
        Assert.Equal(10, (await input.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task The_session_cookie_authenticates_a_download_as_the_token_does()
    {
        var (user, experiment, _) = await SeedAsync();
        using var client = fixture.Server.CreateClient();
        using var response = await SendAsync(client, $"experiments/{GlobalIdOf(experiment)}/files/summary.csv", token: null,
            request => request.Headers.Add("Cookie", "ipp_session=" + user.Token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("a,b\n1,2\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Others_and_anonymous_callers_get_nothing()
    {
        var (_, experiment, _) = await SeedAsync();
        var stranger = await fixture.NewUserAsync();
        using var client = fixture.Server.CreateClient();
        var url = $"experiments/{GlobalIdOf(experiment)}/files/summary.csv";

        using var anonymous = await SendAsync(client, url, token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var badToken = await SendAsync(client, url, token: "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, badToken.StatusCode);
        using var other = await SendAsync(client, url, stranger.Token);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using var unknown = await SendAsync(client, $"experiments/{GlobalId.Encode("Experiment", 424242)}/files/summary.csv", stranger.Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var userId = await SendAsync(client, $"experiments/{GlobalId.Encode("User", stranger.Id)}/files/summary.csv", stranger.Token);
        Assert.Equal(HttpStatusCode.NotFound, userId.StatusCode);

        var (owner, mine, _) = await SeedAsync();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http.PostAsync("mutation { logout { loggedOut } }", token: owner.Token)).Status);
        using var afterLogout = await SendAsync(client, $"experiments/{GlobalIdOf(mine)}/files/summary.csv", owner.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
        Assert.Empty(fixture.Server.Logs.Errors);
    }

    [Theory]
    [InlineData("../../../etc/passwd")]
    [InlineData("..%2F..%2Fexperiment.json")]
    [InlineData("results%2Fdeep%2Flog.txt")]
    [InlineData("%2E%2E/%2E%2E/secret.txt")]
    [InlineData("results/./deep/x")]
    [InlineData("results//deep")]
    [InlineData("%2Fetc%2Fpasswd")]
    [InlineData("summary.csv%00.txt")]
    [InlineData("a%5C..%5Csecret.txt")]
    [InlineData("results")]
    [InlineData("nothing-here.txt")]
    [InlineData("link-out.txt")]
    [InlineData("dir-link/secret.txt")]
    [InlineData("link-to-dir-link.txt")]
    [InlineData("")]
    public async Task Paths_outside_the_folder_are_refused(string path)
    {
        var (user, experiment, folder) = await SeedAsync();
        var outside = Path.Combine(fixture.Server.Folder, "outside");
        Directory.CreateDirectory(outside);
        await File.WriteAllTextAsync(Path.Combine(outside, "secret.txt"), "TOP SECRET CONTENT");
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(folder)!, "secret.txt"), "NEIGHBOUR CONTENT");
        File.CreateSymbolicLink(Path.Combine(folder, "link-out.txt"), Path.Combine(outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "dir-link"), outside);
        File.CreateSymbolicLink(Path.Combine(folder, "link-to-dir-link.txt"), Path.Combine(folder, "dir-link", "secret.txt"));

        using var client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = fixture.Server.Address };
        // Sent as written: HttpClient would otherwise resolve the dot segments itself.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Server.Address + $"experiments/{GlobalIdOf(experiment)}/files/{path}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        using var response = await client.SendAsync(request);
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.NotFound });
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("CONTENT", body);
        Assert.Empty(fixture.Server.Logs.Errors);

        // The links are not outputs either; a link to a file inside is.
        File.CreateSymbolicLink(Path.Combine(folder, "link-in.csv"), Path.Combine(folder, "summary.csv"));
        var outputs = (await fixture.Http.PostAsync(Files, new { id = GlobalIdOf(experiment) }, user.Token)).Data("experiment").GetProperty("outputs");
        Assert.Equal(["link-in.csv", "results/deep/log ü#%.txt", "summary.csv"], outputs.EnumerateArray().Select(o => o.GetProperty("name").GetString()));
    }

    private static string Describe(JsonElement file) =>
        $"{file.GetProperty("name").GetString()}:{file.GetProperty("parameter").GetString()}:{file.GetProperty("size").GetInt64()}";

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, string? token, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        configure?.Invoke(request);
        return await client.SendAsync(request);
    }
}
