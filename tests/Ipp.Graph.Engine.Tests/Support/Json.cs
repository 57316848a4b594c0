using System.Text.Json;

namespace Ipp.Graph.Engine.Tests.Support;

/// <summary>JSON text as the <see cref="JsonElement"/> the HTTP layer hands the engine.</summary>
public static class Json
{
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
