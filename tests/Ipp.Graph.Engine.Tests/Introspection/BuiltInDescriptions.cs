using System.Text.Json.Nodes;

namespace Ipp.Graph.Engine.Tests.Introspection;

/// <summary>
/// Blanks, in an introspection result, the descriptions we write ourselves rather than copy from graphql-js: those of
/// the introspection types (<c>__*</c>), the specified scalars and the specified directives, with their fields,
/// arguments and enum values. Everything else must match graphql-js exactly.
/// </summary>
internal static class BuiltInDescriptions
{
    private static readonly HashSet<string> SpecifiedScalars = ["Int", "Float", "String", "Boolean", "ID"];

    private static readonly HashSet<string> SpecifiedDirectives = ["include", "skip", "deprecated", "specifiedBy", "oneOf"];

    /// <summary>The response JSON with those descriptions set to null (where they were asked for), indented.</summary>
    public static string Blank(string responseJson)
    {
        var response = JsonNode.Parse(responseJson)!;
        if (response["data"]?["__schema"] is JsonObject schema)
        {
            foreach (var type in Items(schema["types"]))
            {
                var name = type["name"]?.GetValue<string>();
                if (name is not null && (name.StartsWith("__", StringComparison.Ordinal) || SpecifiedScalars.Contains(name)))
                {
                    BlankDescription(type);
                    foreach (var field in Items(type["fields"]))
                    {
                        BlankDescription(field);
                        BlankDescriptions(field["args"]);
                    }

                    BlankDescriptions(type["inputFields"]);
                    BlankDescriptions(type["enumValues"]);
                }
            }

            foreach (var directive in Items(schema["directives"]))
            {
                if (directive["name"]?.GetValue<string>() is { } name && SpecifiedDirectives.Contains(name))
                {
                    BlankDescription(directive);
                    BlankDescriptions(directive["args"]);
                }
            }
        }

        return response.ToJsonString(new() { WriteIndented = true });
    }

    private static IEnumerable<JsonObject> Items(JsonNode? list) =>
        list is JsonArray array ? array.OfType<JsonObject>() : [];

    private static void BlankDescriptions(JsonNode? list)
    {
        foreach (var item in Items(list))
        {
            BlankDescription(item);
        }
    }

    private static void BlankDescription(JsonObject item)
    {
        if (item.ContainsKey("description"))
        {
            item["description"] = null;
        }
    }
}
