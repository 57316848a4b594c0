using System.Text.Json.Nodes;

namespace Ipp.Graph.Picas;

/// <summary>
/// The design document <c>_design/Monitor</c> the PiCaS client's pilots and tools read: the views <c>todo</c>,
/// <c>locked</c>, <c>done</c> and <c>error</c> (each emitting a token's id for the tokens in that state, as the
/// client's <c>TaskViewIterator</c> claims from <c>todo</c>) and <c>overview_total</c> (the count of tokens per state,
/// reduced by key). The states are the ones the client's example <c>create_views.py</c> defines, over documents of
/// type <c>token</c>: a token crashed pilots marked (lock and done -1) is in none of them.
/// </summary>
public static class MonitorDesignDocument
{
    public const string Name = "Monitor";

    public const string Id = "_design/" + Name;

    /// <summary>Each view's name and the JavaScript condition a token in that state meets.</summary>
    public static readonly IReadOnlyList<(string View, string Condition)> States =
    [
        ("todo", "doc.lock == 0 && doc.done == 0"),
        ("locked", "doc.lock > 0 && doc.done == 0"),
        ("done", "doc.lock > 0 && doc.done > 0 && parseInt(doc.exit_code) == 0"),
        ("error", "doc.lock > 0 && doc.done > 0 && parseInt(doc.exit_code) != 0"),
    ];

    public const string OverviewView = "overview_total";

    /// <summary>The whole design document, as the server writes it when the database has none.</summary>
    public static JsonObject Create()
    {
        var views = new JsonObject();
        foreach (var (view, condition) in States)
        {
            views[view] = new JsonObject
            {
                ["map"] = $"function (doc) {{ if (doc.type == \"token\" && ({condition})) {{ emit(doc._id, doc._id); }} }}",
            };
        }

        var overview = string.Concat(States.Select(state => $" if ({state.Condition}) {{ emit(\"{state.View}\", 1); }}"));
        views[OverviewView] = new JsonObject
        {
            ["map"] = $"function (doc) {{ if (doc.type == \"token\") {{{overview} }} }}",
            ["reduce"] = "_sum",
        };
        return new JsonObject { ["_id"] = Id, ["language"] = "javascript", ["views"] = views };
    }
}
