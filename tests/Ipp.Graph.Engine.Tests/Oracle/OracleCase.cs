using System.Text.Json;

namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>One document of the corpus, run on both engines: the query text, its variables and the operation to run.</summary>
internal sealed record OracleCase(string Name, string Query, JsonElement? Variables, string? OperationName, string File);

/// <summary>The corpus: every case of every <c>corpus/*.json</c> file, in file-name order (as run.mjs reads them).</summary>
internal static class OracleCorpus
{
    private static readonly Lazy<IReadOnlyList<OracleCase>> LoadedCases = new(Load);

    /// <summary>Every case, duplicates included (the corpus tests check names are unique).</summary>
    public static IReadOnlyList<OracleCase> Cases => LoadedCases.Value;

    /// <summary>The case of that name.</summary>
    public static OracleCase Get(string name) => Cases.First(c => c.Name == name);

    private static IReadOnlyList<OracleCase> Load()
    {
        var cases = new List<OracleCase>();
        var files = Directory.GetFiles(OracleFiles.Corpus, "*.json");
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                cases.Add(Read(entry, Path.GetFileName(file)));
            }
        }

        return cases;
    }

    private static OracleCase Read(JsonElement entry, string file)
    {
        var name = entry.GetProperty("name").GetString() ?? throw new InvalidDataException($"a case of {file} has no name");
        var query = entry.GetProperty("query").GetString() ?? throw new InvalidDataException($"{name} has no query");
        JsonElement? variables = entry.TryGetProperty("variables", out var given) ? given.Clone() : null;
        var operationName = entry.TryGetProperty("operationName", out var operation) ? operation.GetString() : null;
        return new OracleCase(name, query, variables, operationName, file);
    }
}
