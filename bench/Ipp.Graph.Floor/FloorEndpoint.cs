using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ipp.Graph.Floor;

/// <summary>
/// POST /graphql: reads the body, recognises its document, finds the caller and writes the answer Ipp.Graph gives,
/// byte for byte, with the same headers (<c>application/graphql-response+json</c>, <c>no-store</c>).
/// </summary>
internal static class FloorEndpoint
{
    /// <summary>As Ipp.Graph writes responses: relaxed escaping, no validation.</summary>
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly byte[] UserIdPrefix = "User:"u8.ToArray();

    public static async Task HandleAsync(HttpContext context, KnownRequests requests, CallerLookup callers)
    {
        var body = context.Request.BodyReader;
        ReadResult read;
        while (!(read = await body.ReadAsync(context.RequestAborted)).IsCompleted)
        {
            body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        var kind = Recognise(requests, read.Buffer);
        body.AdvanceTo(read.Buffer.End);

        var response = context.Response;
        if (kind == RequestKind.Unknown)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var caller = callers.Find(context.Request.Headers.Authorization);
        response.ContentType = "application/graphql-response+json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        using (var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data"u8);
            if (kind == RequestKind.Me)
            {
                writer.WritePropertyName("me"u8);
                WriteUser(writer, caller);
            }
            else
            {
                foreach (var selection in requests.Selections)
                {
                    writer.WritePropertyName(selection.Alias);
                    WriteUser(writer, caller is not null && NamesUser(selection.Id, caller.UserId) ? caller : null);
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private static RequestKind Recognise(KnownRequests requests, ReadOnlySequence<byte> body)
    {
        try
        {
            return requests.Recognise(body);
        }
        catch (JsonException)
        {
            return RequestKind.Unknown;
        }
    }

    /// <summary>True when a global id (base64url of <c>User:&lt;key&gt;</c>) names the user.</summary>
    private static bool NamesUser(string id, long userId)
    {
        Span<byte> text = stackalloc byte[64];
        if (!Base64Url.TryDecodeFromChars(id, text, out var length) || !text[..length].StartsWith(UserIdPrefix))
        {
            return false;
        }

        return Utf8Parser.TryParse(text[UserIdPrefix.Length..length], out long key, out var consumed)
            && consumed == length - UserIdPrefix.Length
            && key == userId;
    }

    private static void WriteUser(Utf8JsonWriter writer, Caller? user)
    {
        if (user is null)
        {
            writer.WriteNullValue();
            return;
        }

        Span<byte> id = stackalloc byte[64];
        var idLength = UserIdPrefix.Length;
        UserIdPrefix.CopyTo(id);
        user.UserId.TryFormat(id[idLength..], out var keyLength, provider: CultureInfo.InvariantCulture);
        idLength += keyLength;
        Span<byte> encoded = stackalloc byte[Base64Url.GetEncodedLength(idLength)];
        Base64Url.EncodeToUtf8(id[..idLength], encoded);

        Span<byte> createdAt = stackalloc byte[32];
        user.CreatedAt.TryFormat(createdAt, out var createdAtLength, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        writer.WriteStartObject();
        writer.WriteString("id"u8, encoded);
        writer.WriteString("email"u8, user.Email);
        writer.WriteStartArray("roles"u8);
        foreach (var role in user.Roles)
        {
            writer.WriteStringValue(role);
        }

        writer.WriteEndArray();
        writer.WriteString("createdAt"u8, createdAt[..createdAtLength]);
        writer.WriteEndObject();
    }
}
