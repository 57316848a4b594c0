using System.Text;

namespace Ipp.Graph.Tests.Transport.Multipart;

/// <summary>
/// End to end through the feature that keeps files: createExperiment receives the uploads the transport stored,
/// moves them into the experiment's folder, and the bytes there are the bytes sent.
/// </summary>
public sealed class MultipartExperimentTests(UploadServerFixture fixture) : IClassFixture<UploadServerFixture>
{
    [Fact]
    public async Task A_file_sent_to_createExperiment_arrives_whole_in_the_experiments_folder()
    {
        var sent = Part.Pattern(3 * 1024 * 1024 + 17);
        var operations = """
            {"query":"mutation ($input: CreateExperimentInput!) { createExperiment(input: $input) { experiment { id status } } }",
             "variables":{"input":{"application":"threshold-segmentation","name":"scan upload","parameters":{"threshold":0.5},"draft":true,
               "files":[{"parameter":"scan","file":null}]}}}
            """;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(operations, Encoding.UTF8, "application/json"), "operations");
        content.Add(new StringContent("""{"0":["variables.input.files.0.file"]}""", Encoding.UTF8, "application/json"), "map");
        content.Add(new ByteArrayContent(sent), "0", "volume.raw");

        var answer = await fixture.Client.PostContentAsync(content, fixture.Token);

        Assert.True(answer.Status == 200, answer.ToString());
        Assert.False(answer.Json.TryGetProperty("errors", out _), answer.ToString());
        Assert.Equal("EDITING", answer.Json.GetProperty("data").GetProperty("createExperiment").GetProperty("experiment").GetProperty("status").GetString());
        var stored = Directory.EnumerateFiles(fixture.Server.UploadFolder, "volume.raw", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(fixture.Server.UploadFolder, path).StartsWith('.'))
            .ToList();
        var segments = Path.GetRelativePath(fixture.Server.UploadFolder, stored.Single()).Split(Path.DirectorySeparatorChar);
        Assert.Equal(4, segments.Length);
        Assert.Equal("editing", segments[1]);
        Assert.Equal(sent, await File.ReadAllBytesAsync(stored.Single()));
        await fixture.Server.AssertIncomingEmptiesAsync();
        Assert.Empty(fixture.Server.Logs.Errors);
    }
}
