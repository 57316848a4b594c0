using System.Text.Json.Nodes;

namespace Ipp.Graph.Picas;

/// <summary>One row of a view: the document it came from (null for a reduced row), its key and value, and the document when asked.</summary>
public sealed record CouchViewRow(string? Id, JsonNode? Key, JsonNode? Value, JsonObject? Document);

/// <summary>What a view gave: its rows, and how many it has in all (null for a reduced view).</summary>
public sealed record CouchViewPage(IReadOnlyList<CouchViewRow> Rows, long? TotalRows)
{
    internal static CouchResult<CouchViewPage> Read(JsonObject answer)
    {
        if (answer["rows"] is not JsonArray rows)
        {
            return CouchResult<CouchViewPage>.Failed(CouchOutcome.InvalidResponse, "a view's answer without rows");
        }

        var read = new List<CouchViewRow>(rows.Count);
        foreach (var row in rows)
        {
            if (row is not JsonObject fields)
            {
                return CouchResult<CouchViewPage>.Failed(CouchOutcome.InvalidResponse, "a view's row that is not an object");
            }

            var id = fields["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var text) ? text : null;
            read.Add(new CouchViewRow(id, fields["key"]?.DeepClone(), fields["value"]?.DeepClone(), fields["doc"] as JsonObject is { } doc ? (JsonObject)doc.DeepClone() : null));
        }

        var total = answer["total_rows"] is JsonValue totalValue && totalValue.TryGetValue<long>(out var count) ? count : (long?)null;
        return CouchResult<CouchViewPage>.Ok(new CouchViewPage(read, total));
    }
}
