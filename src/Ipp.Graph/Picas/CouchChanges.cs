using System.Text.Json.Nodes;

namespace Ipp.Graph.Picas;

/// <summary>One change of the feed: the document's id, its sequence, whether it was deleted, and the document itself (null when deleted).</summary>
public sealed record CouchChange(string Id, string Sequence, bool Deleted, JsonObject? Document);

/// <summary>
/// A batch of the changes feed, and the sequence to ask the next batch from. A sequence is kept as the text the
/// server gave it (CouchDB 3 gives opaque strings, pouchdb-server numbers) and sent back as it was.
/// </summary>
public sealed record CouchChanges(IReadOnlyList<CouchChange> Changes, string LastSequence)
{
    internal static CouchResult<CouchChanges> Read(JsonObject answer)
    {
        if (answer["results"] is not JsonArray results || Sequence(answer["last_seq"]) is not { } last)
        {
            return CouchResult<CouchChanges>.Failed(CouchOutcome.InvalidResponse, "a changes feed's answer without results or last_seq");
        }

        var changes = new List<CouchChange>(results.Count);
        foreach (var result in results)
        {
            if (result is not JsonObject change
                || change["id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id)
                || Sequence(change["seq"]) is not { } sequence)
            {
                return CouchResult<CouchChanges>.Failed(CouchOutcome.InvalidResponse, "a change without id or seq");
            }

            var deleted = change["deleted"] is JsonValue flag && flag.TryGetValue<bool>(out var isDeleted) && isDeleted;
            var document = !deleted && change["doc"] is JsonObject doc ? (JsonObject)doc.DeepClone() : null;
            changes.Add(new CouchChange(id, sequence, deleted, document));
        }

        return CouchResult<CouchChanges>.Ok(new CouchChanges(changes, last));
    }

    /// <summary>A sequence as text: a string as it is, a number in its JSON form; null for anything else.</summary>
    private static string? Sequence(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<long>(out var number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };
}
