using System.Globalization;
using System.Text.Json.Nodes;

namespace Ipp.Graph.Picas;

/// <summary>
/// A token's state as pilots left it (docs/picas.md): <see cref="Lock"/> and <see cref="Done"/> are 0 (not yet), a
/// Unix time (claimed, finished), -1 (a pilot killed while running it) or 99 (the client's own error); the exit code
/// is null until a pilot wrote one. <see cref="Logs"/> names the attachments a pilot added (its logs).
/// </summary>
public sealed record PicasTokenState(
    string Id, string Revision, long Lock, long Done, int? ExitCode, string Hostname, int ScrubCount, IReadOnlyList<string> Logs)
{
    /// <summary>
    /// The token <paramref name="document"/> holds, or null when it is not one the client's views count: not of type
    /// <c>token</c>, or without numeric <c>lock</c> and <c>done</c>, or with an exit code that is neither empty nor a
    /// number.
    /// </summary>
    public static PicasTokenState? Read(JsonObject document)
    {
        if (Text(document["type"]) != "token"
            || Text(document["_id"]) is not { } id
            || Text(document["_rev"]) is not { } revision
            || Number(document["lock"]) is not { } locked
            || Number(document["done"]) is not { } done)
        {
            return null;
        }

        int? exitCode = null;
        switch (document["exit_code"])
        {
            case null:
                break;
            case JsonValue value when Text(value) == "":
                break;
            case var value when Number(value) is { } number && number is >= int.MinValue and <= int.MaxValue:
                exitCode = (int)number;
                break;
            default:
                return null;
        }

        var logs = document["_attachments"] is JsonObject attachments ? attachments.Select(attachment => attachment.Key).Order(StringComparer.Ordinal).ToList() : [];
        return new PicasTokenState(
            id, revision, locked, done, exitCode, Text(document["hostname"]) ?? "", (int)(Number(document["scrub_count"]) ?? 0), logs);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A whole number, or a text holding one (the client's views read <c>exit_code</c> with parseInt).</summary>
    private static long? Number(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<double>(out var real) && real == Math.Floor(real) && Math.Abs(real) < 1e15 => (long)real,
        JsonValue value when value.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
