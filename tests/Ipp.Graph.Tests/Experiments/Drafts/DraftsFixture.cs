using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Experiments.Write;

namespace Ipp.Graph.Tests.Experiments.Drafts;

/// <summary>What the tests of editExperiment and cloneExperiment share: their documents, a multipart edit, a folder's exact state.</summary>
public static class DraftsFixture
{
    public const string ExperimentFields =
        "id name description status parameters applicationKey inputs { name parameter size libraryEntry { name } } tags { name } "
        + "ranApplication { key kind label description version path fields { name type default } }";

    private const string CommonErrors =
        "__typename ... on Error { code message } ... on InvalidParametersError { problems { field message } } "
        + "... on ExperimentNotFoundError { id } ... on QuotaExceededError { maxBytes usedBytes requestedBytes }";

    private const string Errors = "errors { " + CommonErrors + " ... on ExperimentNotEditableError { status } ... on UploadNotAcceptedError { parameter } }";

    private const string CloneErrors = "errors { " + CommonErrors + " ... on ExperimentLimitReachedError { maxExperiments } }";

    public const string Edit =
        "mutation($input: EditExperimentInput!) { editExperiment(input: $input) { experiment { " + ExperimentFields + " } " + Errors + " } }";

    public const string Clone =
        "mutation($input: CloneExperimentInput!) { cloneExperiment(input: $input) { experiment { " + ExperimentFields + " } " + CloneErrors + " } }";

    public const string Read = "query($id: ID!) { node(id: $id) { ... on Experiment { " + ExperimentFields + " } } }";

    /// <summary>editExperiment as a GraphQL multipart request whose files are uploads for <c>addFiles</c>.</summary>
    public static async Task<GraphQLResponse> EditWithUploadsAsync(HttpClient client, string token, object input, params WriteMultipart.FilePart[] files)
    {
        using var body = new MemoryStream();
        body.Write(EditHead(input, [.. files.Select(f => f.Parameter)]));
        for (var i = 0; i < files.Length; i++)
        {
            body.Write(WriteMultipart.FileHeader(i, files[i].FileName));
            body.Write(files[i].Content);
            body.Write(WriteMultipart.PartEnd);
        }

        body.Write(WriteMultipart.Close);
        using var content = new ByteArrayContent(body.ToArray());
        using var response = await client.SendAsync(WriteMultipart.Request(token, content));
        return new GraphQLResponse(response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(), []);
    }

    /// <summary>The parts of a multipart editExperiment before its files: one upload for each of <paramref name="parameters"/>, in <c>addFiles</c>.</summary>
    public static byte[] EditHead(object input, IReadOnlyList<string> parameters)
    {
        var merged = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(input))!;
        merged["addFiles"] = parameters.Select(parameter => new Dictionary<string, object?> { ["parameter"] = parameter, ["file"] = null }).ToList();
        var operations = JsonSerializer.Serialize(new { query = Edit, variables = new { input = merged } });
        var map = "{" + string.Join(',', parameters.Select((_, i) => $"\"{i}\":[\"variables.input.addFiles.{i}.file\"]")) + "}";
        return Encoding.UTF8.GetBytes(Field("operations", operations) + Field("map", map));
    }

    /// <summary>Every file under <paramref name="folder"/>: its path and the SHA-256 of its bytes, sorted; to compare a folder with itself later.</summary>
    public static List<string> StateOf(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(folder, file).Replace('\\', '/') + " " + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))))
            .Order(StringComparer.Ordinal)];

    /// <summary>The experiment.json of a folder, parsed.</summary>
    public static JsonElement ManifestOf(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "experiment.json"))).RootElement.Clone();

    /// <summary>The names of an experiment's inputs as the API lists them.</summary>
    public static string[] InputNames(JsonElement experiment) =>
        [.. experiment.GetProperty("inputs").EnumerateArray().Select(input => input.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];

    private static string Field(string name, string json) =>
        $"--{WriteMultipart.Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\nContent-Type: application/json\r\n\r\n{json}\r\n";
}
