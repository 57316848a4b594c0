using System.Text.Json;

namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>
/// The oracle's data (data.json) as the JSON-shaped values resolvers return: dictionaries, lists, strings, booleans,
/// and numbers as <see cref="long"/> when integral in the text, else <see cref="double"/>.
/// </summary>
internal static class OracleData
{
    private static readonly Lazy<IReadOnlyDictionary<string, object?>> LoadedRoot = new(Load);

    /// <summary>The root object: the values of the query type's data-backed fields.</summary>
    public static IReadOnlyDictionary<string, object?> Root => LoadedRoot.Value;

    private static IReadOnlyDictionary<string, object?> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(OracleFiles.Data));
        return (IReadOnlyDictionary<string, object?>)ToValue(document.RootElement)!;
    }

    private static object? ToValue(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = ToValue(property.Value);
                }

                return map;
            case JsonValueKind.Array:
                var list = new List<object?>();
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(ToValue(item));
                }

                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetInt64(out var integer) ? integer : element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}
