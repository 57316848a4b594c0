using System.Text.Json;

namespace Ipp.Graph.Engine.Tests.Introspection;

/// <summary>Turns JSON text into the values resolvers return: dictionaries, lists, strings, longs, doubles, booleans.</summary>
internal static class JsonValues
{
    public static object? FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromElement(document.RootElement);
    }

    private static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => (object?)element.EnumerateObject().ToDictionary(property => property.Name, property => FromElement(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(FromElement).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? integer : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
