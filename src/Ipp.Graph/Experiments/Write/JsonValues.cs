using System.Collections;
using System.Text.Json;

namespace Ipp.Graph.Experiments.Write;

/// <summary>Writes values in the engine's JSON shape (what the <c>JSON</c> scalar gives resolvers) as JSON.</summary>
internal static class JsonValues
{
    /// <summary>The value as a <see cref="JsonElement"/>.</summary>
    public static JsonElement ToElement(object? value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>Writes the value; the JSON scalar has already bounded its depth.</summary>
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int or long or short or byte or sbyte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ulong whole:
                writer.WriteNumberValue(whole);
                break;
            case double or float:
                writer.WriteNumberValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case decimal exact:
                writer.WriteNumberValue(exact);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"Not a JSON value: {value.GetType()}.", nameof(value));
        }
    }
}
