using System.Text.Json;

namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>
/// The corpus cases on which our engine is known to disagree with graphql-js, each with the reason
/// (known-failures.json: an object from case name to reason). They run as skipped tests that show the reason.
/// </summary>
internal static class KnownFailures
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Loaded = new(Load);

    public static IReadOnlyDictionary<string, string> Reasons => Loaded.Value;

    private static IReadOnlyDictionary<string, string> Load()
    {
        if (!File.Exists(OracleFiles.KnownFailures))
        {
            return new Dictionary<string, string>();
        }

        return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(OracleFiles.KnownFailures))
            ?? new Dictionary<string, string>();
    }
}
