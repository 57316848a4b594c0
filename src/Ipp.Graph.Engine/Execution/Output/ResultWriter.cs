using System.Collections;
using System.Globalization;
using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution.Engine;
using Ipp.Graph.Engine.JavaScript;

namespace Ipp.Graph.Engine.Execution.Output;

/// <summary>Writes responses as JSON straight from the compact result tree.</summary>
internal static class ResultWriter
{
    /// <summary>Deepest nesting of values written, below the 1 000 levels <see cref="Utf8JsonWriter"/> allows by default.</summary>
    private const int MaxDepth = 900;

    private static readonly JsonEncodedText ErrorsName = JsonEncodedText.Encode("errors");
    private static readonly JsonEncodedText DataName = JsonEncodedText.Encode("data");
    private static readonly JsonEncodedText ExtensionsName = JsonEncodedText.Encode("extensions");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText LocationsName = JsonEncodedText.Encode("locations");
    private static readonly JsonEncodedText LineName = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText ColumnName = JsonEncodedText.Encode("column");
    private static readonly JsonEncodedText PathName = JsonEncodedText.Encode("path");

    public static void WriteResponse(Utf8JsonWriter writer, ExecutionResult result)
    {
        var direct = DirectDataWriter.Reproduces(writer.Options);
        if (direct && result is { Errors: null, HasData: true } && result.Extensions is not { Count: > 0 })
        {
            DirectDataWriter.WriteResponse(writer, result.DataTree);
            return;
        }

        writer.WriteStartObject();
        if (result.Errors is { Count: > 0 } errors)
        {
            writer.WritePropertyName(ErrorsName);
            writer.WriteStartArray();
            foreach (var error in errors)
            {
                WriteError(writer, error);
            }

            writer.WriteEndArray();
        }

        if (result.HasData)
        {
            writer.WritePropertyName(DataName);
            if (result.DataTree is not { } data)
            {
                writer.WriteNullValue();
            }
            else if (direct)
            {
                DirectDataWriter.WriteData(writer, data);
            }
            else
            {
                WriteObject(writer, data, 1);
            }
        }

        if (result.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName(ExtensionsName);
            WriteValue(writer, extensions, 1);
        }

        writer.WriteEndObject();
    }

    /// <summary>An error as the spec lays it out: message, locations, path, extensions.</summary>
    public static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(MessageName);
        WriteString(writer, error.Message);
        if (error.Locations is { Count: > 0 } locations)
        {
            writer.WritePropertyName(LocationsName);
            writer.WriteStartArray();
            foreach (var location in locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber(LineName, location.Line);
                writer.WriteNumber(ColumnName, location.Column);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (error.Path is { } path)
        {
            writer.WritePropertyName(PathName);
            writer.WriteStartArray();
            foreach (var key in path)
            {
                if (key is int index)
                {
                    writer.WriteNumberValue(index);
                }
                else
                {
                    writer.WriteStringValue(key.ToString());
                }
            }

            writer.WriteEndArray();
        }

        if (error.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName(ExtensionsName);
            WriteValue(writer, extensions, 1);
        }

        writer.WriteEndObject();
    }

    private static void WriteObject(Utf8JsonWriter writer, ResultObject obj, int depth)
    {
        writer.WriteStartObject();
        var fields = obj.Plan.Fields;
        var slots = obj.Slots;
        for (var i = 0; i < fields.Length; i++)
        {
            writer.WritePropertyName(fields[i].EncodedName);
            WriteValue(writer, slots[i], depth + 1);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a completed value: part of the tree, or a serialised leaf of any JSON shape.</summary>
    internal static void WriteValue(Utf8JsonWriter writer, object? value, int depth)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string text:
                WriteString(writer, text);
                return;
            case ResultObject obj:
                WriteObject(writer, obj, depth);
                return;
            case ResultList list:
                writer.WriteStartArray();
                foreach (var item in list.Slots)
                {
                    WriteValue(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                return;
            case bool flag:
                writer.WriteBooleanValue(flag);
                return;
            case int number:
                writer.WriteNumberValue(number);
                return;
            case long number:
                writer.WriteNumberValue(number);
                return;
            case double number:
                WriteDouble(writer, number);
                return;
            case decimal number:
                writer.WriteNumberValue(number);
                return;
            case JsonElement element:
                element.WriteTo(writer);
                return;
            case UtcInstant instant:
                WriteInstant(writer, instant);
                return;
        }

        WriteOther(writer, value, depth);
    }

    private static void WriteOther(Utf8JsonWriter writer, object value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new GraphQLError($"A result value nests deeper than {MaxDepth} levels.", code: ErrorCodes.InternalServerError);
        }

        switch (value)
        {
            case float number when float.IsFinite(number):
                writer.WriteNumberValue(number);
                return;
            case float:
                writer.WriteNullValue();
                return;
            case short number:
                writer.WriteNumberValue(number);
                return;
            case byte number:
                writer.WriteNumberValue(number);
                return;
            case sbyte number:
                writer.WriteNumberValue(number);
                return;
            case ushort number:
                writer.WriteNumberValue(number);
                return;
            case uint number:
                writer.WriteNumberValue(number);
                return;
            case ulong number:
                writer.WriteNumberValue(number);
                return;
            case JsonDocument document:
                document.WriteTo(writer);
                return;
            case IReadOnlyDictionary<string, object?> map:
                WriteEntries(writer, map, depth);
                return;
            case IDictionary<string, object?> map:
                WriteEntries(writer, map, depth);
                return;
            case IDictionary map:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    WriteValue(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                return;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                return;
            case IFormattable formattable:
                writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            default:
                writer.WriteStringValue(value.ToString());
                return;
        }
    }

    /// <summary>The entries of a string-keyed map as a JSON object, in the map's order.</summary>
    private static void WriteEntries(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> entries, int depth)
    {
        writer.WriteStartObject();
        foreach (var (key, item) in entries)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, item, depth + 1);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// A string value. A lone surrogate (invalid UTF-16, which <see cref="Utf8JsonWriter"/> would replace with U+FFFD)
    /// is written as its <c>\uXXXX</c> escape, as JSON.stringify does, so clients get the string the resolver returned.
    /// </summary>
    private static void WriteString(Utf8JsonWriter writer, string text)
    {
        var surrogate = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (surrogate < 0 || !HasLoneSurrogate(text, surrogate))
        {
            writer.WriteStringValue(text);
            return;
        }

        writer.WriteRawValue(Inspect.Quote(text), skipInputValidation: true);
    }

    private static bool HasLoneSurrogate(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static void WriteInstant(Utf8JsonWriter writer, UtcInstant instant)
    {
        Span<byte> text = stackalloc byte[ScalarText.UtcDateTimeLength];
        instant.Format(text);
        writer.WriteStringValue(text);
    }

    /// <summary>Numbers JSON cannot hold (NaN, infinities) are written as null, as JSON.stringify does.</summary>
    private static void WriteDouble(Utf8JsonWriter writer, double number)
    {
        if (double.IsFinite(number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
