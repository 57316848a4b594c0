using System.Text.Json;

namespace Ipp.Graph.Engine.Tests.Support;

/// <summary>JSON text as the engine receives it (<see cref="Parse"/>) or as resolvers return it (<see cref="ToValue(string)"/>).</summary>
public static class Json
{
    /// <summary>JSON text as the <see cref="JsonElement"/> the HTTP layer hands the engine.</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// JSON text as the values resolvers return: string-keyed dictionaries, lists, strings, booleans, null, and
    /// numbers as <see cref="int"/> when they fit, else <see cref="long"/>, else <see cref="double"/>.
    /// </summary>
    public static object? ToValue(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ToValue(document.RootElement);
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
                return element.TryGetInt32(out var small) ? small : element.TryGetInt64(out var large) ? large : (object)element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}
