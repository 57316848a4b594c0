using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;

namespace Ipp.Graph.Transport.WebSockets;

/// <summary>Writes the JSON messages the server sends in both protocols (their shapes are the same; the type names differ).</summary>
internal static class SocketMessages
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText PayloadName = JsonEncodedText.Encode("payload");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");

    /// <summary><c>{"type": type}</c></summary>
    public static void WriteType(Utf8JsonWriter writer, string type)
    {
        writer.WriteStartObject();
        writer.WriteString(TypeName, type);
        writer.WriteEndObject();
    }

    /// <summary><c>{"type": type, "payload": payload}</c>, the payload copied from a received message; without it when null.</summary>
    public static void WriteEcho(Utf8JsonWriter writer, (string Type, JsonElement? Payload) message)
    {
        writer.WriteStartObject();
        writer.WriteString(TypeName, message.Type);
        if (message.Payload is { ValueKind: not JsonValueKind.Null } payload)
        {
            writer.WritePropertyName(PayloadName);
            writer.WriteRawValue(payload.GetRawText(), skipInputValidation: true);
        }

        writer.WriteEndObject();
    }

    /// <summary><c>{"id": id, "type": type}</c>: the end of an operation.</summary>
    public static void WriteOperationEnd(Utf8JsonWriter writer, (string Type, string Id) message)
    {
        writer.WriteStartObject();
        writer.WriteString(IdName, message.Id);
        writer.WriteString(TypeName, message.Type);
        writer.WriteEndObject();
    }

    /// <summary><c>{"id": id, "type": type, "payload": result}</c>: a response of an operation.</summary>
    public static void WriteResult(Utf8JsonWriter writer, (string Type, string Id, ExecutionResult Result) message)
    {
        writer.WriteStartObject();
        writer.WriteString(IdName, message.Id);
        writer.WriteString(TypeName, message.Type);
        writer.WritePropertyName(PayloadName);
        message.Result.WriteTo(writer);
        writer.WriteEndObject();
    }

    /// <summary><c>{"id": id, "type": type, "payload": [errors]}</c>: an operation that failed before it executed.</summary>
    public static void WriteErrors(Utf8JsonWriter writer, (string Type, string Id, IReadOnlyList<GraphQLError> Errors) message)
    {
        writer.WriteStartObject();
        writer.WriteString(IdName, message.Id);
        writer.WriteString(TypeName, message.Type);
        writer.WritePropertyName(PayloadName);

        // The engine writes errors as part of a response only: write that response and keep its list (a rare path).
        using (var response = JsonDocument.Parse(ExecutionResult.FromErrors(message.Errors).ToJson()))
        {
            writer.WriteRawValue(response.RootElement.GetProperty("errors").GetRawText(), skipInputValidation: true);
        }

        writer.WriteEndObject();
    }

    /// <summary><c>{"type": type, "payload": {"message": text}}</c>: the legacy protocol's <c>connection_error</c>.</summary>
    public static void WriteMessage(Utf8JsonWriter writer, (string Type, string Message) message)
    {
        writer.WriteStartObject();
        writer.WriteString(TypeName, message.Type);
        writer.WritePropertyName(PayloadName);
        writer.WriteStartObject();
        writer.WriteString(MessageName, message.Message);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
