using System.Text.Json;

namespace Ipp.Graph.Engine.Execution.Planning;

/// <summary>
/// The resolver of fields the schema gave none: the parent's entry named like the field when the parent is a
/// dictionary or a JSON object (the shapes of root values and JSON-like data), else null. Schemas built by the
/// schema builder bind every field, so this serves hand-built schemas, tests and tools.
/// </summary>
internal static class DefaultResolver
{
    public static readonly FieldResolver Instance = Resolve;

    private static ValueTask<object?> Resolve(ResolveContext context)
    {
        var name = context.Field.Name;
        return context.Parent switch
        {
            IReadOnlyDictionary<string, object?> map => new ValueTask<object?>(map.TryGetValue(name, out var value) ? value : null),
            IDictionary<string, object?> map => new ValueTask<object?>(map.TryGetValue(name, out var value) ? value : null),
            JsonElement { ValueKind: JsonValueKind.Object } element
                when element.TryGetProperty(name, out var property) && property.ValueKind != JsonValueKind.Null =>
                new ValueTask<object?>(property),
            _ => new ValueTask<object?>((object?)null),
        };
    }
}
