using System.Text.Json;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.JavaScript;

namespace Ipp.Graph.Transport;

/// <summary>
/// Reads a GraphQL request from its JSON form, <c>{"query", "operationName"?, "variables"?, "extensions"?}</c>, as
/// every transport receives it (an HTTP POST body, a WebSocket <c>subscribe</c> payload, a Server-Sent Events
/// request). A member given as null counts as absent; members of other names are ignored (reserved by the spec).
/// </summary>
public static class GraphQLRequestJson
{
    /// <summary>
    /// The request <paramref name="json"/> holds, or the reason it is not a well-formed GraphQL request (a message for
    /// the client). The variables are handed to the engine as the <see cref="JsonElement"/> they are, so the document
    /// that owns <paramref name="json"/> must outlive the request's execution (the extensions' values too). With
    /// <paramref name="texts"/>, a document sent before is the string read then.
    /// </summary>
    public static bool TryRead(JsonElement json, out GraphQLRequest? request, out string? problem, QueryTexts? texts = null)
    {
        request = null;
        if (json.ValueKind != JsonValueKind.Object)
        {
            problem = $"A GraphQL request must be a JSON object, not {Describe(json.ValueKind)}.";
            return false;
        }

        string? query = null;
        string? operationName = null;
        JsonElement? variables = null;
        JsonElement? extensions = null;
        foreach (var member in json.EnumerateObject())
        {
            var value = member.Value;
            switch (member.Name)
            {
                case "query" when value.ValueKind is JsonValueKind.String:
                    query = texts is null ? JsonStrings.GetString(value) : texts.Get(value);
                    break;
                case "operationName" when value.ValueKind is JsonValueKind.String:
                    operationName = JsonStrings.GetString(value);
                    break;
                case "operationName" when value.ValueKind is JsonValueKind.Null:
                    operationName = null;
                    break;
                case "variables" or "extensions" when value.ValueKind is JsonValueKind.Null:
                    break;
                case "variables" when value.ValueKind is JsonValueKind.Object:
                    variables = value;
                    break;
                case "extensions" when value.ValueKind is JsonValueKind.Object:
                    extensions = value;
                    break;
                case "query" when value.ValueKind is JsonValueKind.Null:
                    break;
                case "query" or "operationName":
                    problem = $"The \"{member.Name}\" parameter must be a string, not {Describe(value.ValueKind)}.";
                    return false;
                case "variables" or "extensions":
                    problem = $"The \"{member.Name}\" parameter must be an object, not {Describe(value.ValueKind)}.";
                    return false;
            }
        }

        if (query is null)
        {
            problem = "The request has no \"query\" parameter: it must hold the GraphQL document as a string.";
            return false;
        }

        request = new GraphQLRequest
        {
            Query = query,
            OperationName = operationName,
            Variables = variables,
            Extensions = extensions is { } given ? Members(given) : null,
        };
        problem = null;
        return true;
    }

    /// <summary>An object's members as the engine takes JSON-shaped values: elements as they are, JSON null as null.</summary>
    internal static Dictionary<string, object?> Members(JsonElement obj)
    {
        var members = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var member in obj.EnumerateObject())
        {
            members[member.Name] = member.Value.ValueKind is JsonValueKind.Null ? null : member.Value;
        }

        return members;
    }

    /// <summary>A JSON kind as a message names it: "an array", "a number".</summary>
    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
