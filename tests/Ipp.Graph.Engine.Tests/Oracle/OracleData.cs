using Ipp.Graph.Engine.Tests.Support;

namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>The oracle's data (data.json) as the JSON-shaped values resolvers return (see <see cref="Json.ToValue(string)"/>).</summary>
internal static class OracleData
{
    private static readonly Lazy<IReadOnlyDictionary<string, object?>> LoadedRoot =
        new(() => (IReadOnlyDictionary<string, object?>)Json.ToValue(File.ReadAllText(OracleFiles.Data))!);

    /// <summary>The root object: the values of the query type's data-backed fields.</summary>
    public static IReadOnlyDictionary<string, object?> Root => LoadedRoot.Value;
}
