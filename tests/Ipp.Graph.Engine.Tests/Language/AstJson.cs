using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Tests.Language;

/// <summary>
/// Writes a syntax tree as graphql-js writes its AST with JSON.stringify: <c>kind</c>, <c>loc</c> as {start, end} and
/// the node's fields camel-cased, keys sorted, absent fields and empty lists left out (the form the fixtures' .ast.json
/// files were generated in from graphql-js 16.15).
/// </summary>
internal static class AstJson
{
    public static string Write(Node node) => ToJson(node)!.ToJsonString();

    /// <summary>Re-serializes JSON text the way <see cref="Write"/> does, for comparison.</summary>
    public static string Normalize(string json) => JsonNode.Parse(json)!.ToJsonString();

    private static JsonNode? ToJson(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return JsonValue.Create(text);
            case bool flag:
                return JsonValue.Create(flag);
            case OperationType operation:
                return JsonValue.Create(operation.ToString().ToLowerInvariant());
            case Location location:
                return new JsonObject { ["end"] = location.End, ["start"] = location.Start };
            case Node node:
                var fields = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal) { ["kind"] = node.Kind.ToString() };
                foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.Name is nameof(Node.Kind) or nameof(FieldNode.ResponseName))
                    {
                        continue;
                    }

                    var fieldValue = property.GetValue(node);
                    if (fieldValue is null || fieldValue is ICollection { Count: 0 })
                    {
                        continue;
                    }

                    var name = property.Name == nameof(Node.Location) ? "loc" : char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
                    fields[name] = ToJson(fieldValue);
                }

                var result = new JsonObject();
                foreach (var (name, fieldJson) in fields)
                {
                    result[name] = fieldJson;
                }

                return result;
            case IEnumerable items:
                var array = new JsonArray();
                foreach (var item in items)
                {
                    array.Add(ToJson(item));
                }

                return array;
            default:
                throw new InvalidOperationException("Unexpected value in a syntax tree: " + value.GetType());
        }
    }
}
