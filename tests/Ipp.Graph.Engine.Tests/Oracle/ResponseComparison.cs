using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>
/// Compares a response of ours with graphql-js's: whether each has data, the data (deep, with object keys in
/// order, numbers by value), and the errors as a multiset of message, locations and path (execution order may
/// differ; extensions are ours alone). Descriptions of built-in schema elements are normalised away in both first.
/// </summary>
internal static class ResponseComparison
{
    private const string BuiltInDescription = "(description of a built-in)";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The names of the schema elements whose descriptions are each engine's own text: the introspection types,
    /// the specified scalars and the specified directives.
    /// </summary>
    private static readonly HashSet<string> BuiltInNames = new(StringComparer.Ordinal)
    {
        "__Schema", "__Type", "__Field", "__InputValue", "__EnumValue", "__Directive", "__TypeKind", "__DirectiveLocation",
        "String", "Int", "Float", "Boolean", "ID",
        "include", "skip", "deprecated", "specifiedBy", "oneOf",
    };

    /// <summary>The ways the two responses differ; empty when they agree.</summary>
    public static IReadOnlyList<string> Differences(JsonObject reference, JsonObject ours)
    {
        var differences = new List<string>();
        var referenceHasData = reference.ContainsKey("data");
        var oursHasData = ours.ContainsKey("data");
        if (referenceHasData != oursHasData)
        {
            differences.Add(referenceHasData ? "graphql-js has data, we have none" : "we have data, graphql-js has none");
        }
        else if (referenceHasData && FirstDifference(Normalise(reference["data"]), Normalise(ours["data"]), "data") is { } where)
        {
            differences.Add("the data differ, first at " + where);
        }

        var referenceErrors = ErrorKeys(reference);
        var ourErrors = ErrorKeys(ours);
        if (referenceErrors.Count > 0 != ourErrors.Count > 0)
        {
            differences.Add(referenceErrors.Count > 0 ? "graphql-js reports errors, we report none" : "we report errors, graphql-js reports none");
        }
        else if (!referenceErrors.SequenceEqual(ourErrors))
        {
            foreach (var missing in referenceErrors.Except(ourErrors))
            {
                differences.Add("graphql-js reports an error we do not: " + missing);
            }

            foreach (var extra in ourErrors.Except(referenceErrors))
            {
                differences.Add("we report an error graphql-js does not: " + extra);
            }

            if (differences.Count == 0)
            {
                differences.Add("the same errors, reported a different number of times");
            }
        }

        return differences;
    }

    /// <summary>Each error as one comparable text (message, locations, path), sorted.</summary>
    private static List<string> ErrorKeys(JsonObject response)
    {
        var keys = new List<string>();
        if (response["errors"] is JsonArray errors)
        {
            foreach (var error in errors)
            {
                keys.Add(ErrorKey(error));
            }
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    /// <summary>An error as plain values in a fixed shape, so that equal errors give equal texts.</summary>
    private static string ErrorKey(JsonNode? error)
    {
        var message = error?["message"] is JsonValue text && text.GetValueKind() == JsonValueKind.String ? text.GetValue<string>() : null;
        var locations = error?["locations"] is JsonArray places
            ? places.Select(place => new[] { Number(place?["line"]), Number(place?["column"]) }).ToArray()
            : null;
        var path = error?["path"] is JsonArray segments
            ? segments.Select(segment => segment?.GetValueKind() == JsonValueKind.Number ? (object?)Number(segment) : segment?.ToString()).ToArray()
            : null;
        return JsonSerializer.Serialize(new object?[] { message, locations, path }, Readable);
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;

    /// <summary>A copy in which every description under a built-in element (one named like it) reads the same.</summary>
    private static JsonNode? Normalise(JsonNode? node) => Normalise(node, insideBuiltIn: false);

    private static JsonNode? Normalise(JsonNode? node, bool insideBuiltIn)
    {
        switch (node)
        {
            case JsonObject map:
                var builtIn = insideBuiltIn ||
                    (map["name"] is JsonValue name && name.TryGetValue<string>(out var text) && BuiltInNames.Contains(text));
                var copy = new JsonObject();
                foreach (var (key, value) in map)
                {
                    copy[key] = builtIn && key == "description" ? BuiltInDescription : Normalise(value, builtIn);
                }

                return copy;
            case JsonArray list:
                var items = new JsonArray();
                foreach (var item in list)
                {
                    items.Add(Normalise(item, insideBuiltIn));
                }

                return items;
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>
    /// Where two values first differ (a path such as <c>data.a[0].b</c>), or null when they are equal: deep equality
    /// with object keys compared in order and numbers compared by value.
    /// </summary>
    private static string? FirstDifference(JsonNode? a, JsonNode? b, string path)
    {
        switch (a)
        {
            case null:
                return b is null ? null : path;
            case JsonObject mapA:
                if (b is not JsonObject mapB)
                {
                    return path;
                }

                var keysA = mapA.Select(pair => pair.Key).ToArray();
                var keysB = mapB.Select(pair => pair.Key).ToArray();
                for (var i = 0; i < Math.Max(keysA.Length, keysB.Length); i++)
                {
                    if (i >= keysA.Length || i >= keysB.Length || keysA[i] != keysB[i])
                    {
                        var key = i < keysA.Length ? keysA[i] : keysB[i];
                        return $"{path}.{key} (keys: [{string.Join(", ", keysA)}] and [{string.Join(", ", keysB)}])";
                    }

                    if (FirstDifference(mapA[keysA[i]], mapB[keysB[i]], path + "." + keysA[i]) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonArray listA:
                if (b is not JsonArray listB)
                {
                    return path;
                }

                for (var i = 0; i < Math.Min(listA.Count, listB.Count); i++)
                {
                    if (FirstDifference(listA[i], listB[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return listA.Count == listB.Count ? null : $"{path} (lengths {listA.Count} and {listB.Count})";
            default:
                if (b is not JsonValue || a.GetValueKind() != b.GetValueKind())
                {
                    return path;
                }

                var same = a.GetValueKind() switch
                {
                    JsonValueKind.Number => a.GetValue<double>() == b.GetValue<double>(),
                    JsonValueKind.String => a.GetValue<string>() == b.GetValue<string>(),
                    _ => true,
                };
                return same ? null : $"{path}: {a.ToJsonString(Readable)} and {b.ToJsonString(Readable)}";
        }
    }
}
