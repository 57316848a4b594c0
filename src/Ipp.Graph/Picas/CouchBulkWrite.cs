using System.Text.Json.Nodes;

namespace Ipp.Graph.Picas;

/// <summary>What became of one document of a bulk write (<see cref="CouchDbClient.WriteNewDocumentsAsync"/>).</summary>
/// <param name="Outcome"><see cref="CouchOutcome.Ok"/>, <see cref="CouchOutcome.Conflict"/>, <see cref="CouchOutcome.Unauthorized"/> or <see cref="CouchOutcome.Rejected"/>.</param>
/// <param name="Reason">CouchDB's <c>error: reason</c> when it was not written.</param>
public sealed record CouchBulkWrite(CouchOutcome Outcome, string? Reason)
{
    /// <summary>One entry of <c>_bulk_docs</c>' answer: <c>{"ok": true, "id", "rev"}</c> or <c>{"id", "error", "reason"}</c>.</summary>
    public static CouchBulkWrite Read(JsonNode? answer)
    {
        if (answer is not JsonObject item)
        {
            return new(CouchOutcome.InvalidResponse, "a bulk write's result that is not an object");
        }

        if (item["error"] is not JsonValue error || !error.TryGetValue<string>(out var code))
        {
            return item["rev"] is JsonValue ? new(CouchOutcome.Ok, null) : new(CouchOutcome.InvalidResponse, "a bulk write's result without a revision or an error");
        }

        var outcome = code switch
        {
            "conflict" => CouchOutcome.Conflict,
            "unauthorized" or "forbidden" => CouchOutcome.Unauthorized,
            _ => CouchOutcome.Rejected,
        };
        var reason = $"{code}: {item["reason"]}";
        return new(outcome, reason.Length > 200 ? reason[..200] : reason);
    }
}
