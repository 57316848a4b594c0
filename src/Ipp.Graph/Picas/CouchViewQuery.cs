using System.Text;
using System.Text.Json;

namespace Ipp.Graph.Picas;

/// <summary>How a view is asked: by keys, how many rows, with the documents, reduced or not.</summary>
public sealed record CouchViewQuery
{
    /// <summary>Only the rows with these keys (each a JSON value: a token's id as a string); null: every row.</summary>
    public IReadOnlyList<string>? Keys { get; init; }

    /// <summary>At most this many rows; null: all.</summary>
    public int? Limit { get; init; }

    /// <summary>Rows skipped from the start (for paging through a large view).</summary>
    public int Skip { get; init; }

    /// <summary>Each row with the document it came from (<c>include_docs</c>; for views without a reduce function).</summary>
    public bool IncludeDocs { get; init; }

    /// <summary>For a view with a reduce function: false gives the mapped rows, true (CouchDB's default) the reduction.</summary>
    public bool? Reduce { get; init; }

    /// <summary>Reduced per key (<c>group=true</c>), as <c>overview_total</c> counts tokens per state.</summary>
    public bool Group { get; init; }

    internal string QueryString()
    {
        var query = new StringBuilder();
        void Add(string name, string value) => query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        if (Keys is not null)
        {
            Add("keys", JsonSerializer.Serialize(Keys));
        }

        if (Limit is { } limit)
        {
            Add("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (Skip > 0)
        {
            Add("skip", Skip.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (IncludeDocs)
        {
            Add("include_docs", "true");
        }

        if (Reduce is { } reduce)
        {
            Add("reduce", reduce ? "true" : "false");
        }

        if (Group)
        {
            Add("group", "true");
        }

        return query.ToString();
    }
}
