using Ipp.Graph.Applications;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Write;

namespace Ipp.Graph.Experiments.Drafts;

/// <summary>
/// A draft's input rows as an edit sees them: each file given when it was made is one <em>top-level name</em> in its
/// folder (an upload's or a library file entry's stored name; a library folder entry's folder, which holds one row per
/// file, named before the first <c>/</c>). An edit removes whole files given, by that name, never a file out of a
/// library folder; the validator counts each kept one once for its parameter, as on creation.
/// </summary>
public static class DraftFiles
{
    /// <summary>The field problems of <c>removeFiles</c> are reported under.</summary>
    public const string RemoveField = "removeFiles";

    /// <summary>The top-level name of a row: its stored name up to the first <c>/</c>.</summary>
    public static string TopLevelName(ExperimentInput row) =>
        row.StoredName.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? row.StoredName[..slash] : row.StoredName;

    /// <summary>
    /// The rows kept (in id order) and removed once <paramref name="names"/> are taken away; a name that is no
    /// top-level name of the draft is a problem of <see cref="RemoveField"/> (the first one only, as for a field).
    /// </summary>
    public static (List<ExperimentInput> Kept, List<ExperimentInput> Removed, List<ParameterProblem> Problems) Remove(
        IEnumerable<ExperimentInput> rows, IReadOnlyList<string>? names)
    {
        var ordered = rows.OrderBy(row => row.Id).ToList();
        var removing = new HashSet<string>(names ?? [], StringComparer.Ordinal);
        var problems = new List<ParameterProblem>();
        var present = ordered.Select(TopLevelName).ToHashSet(StringComparer.Ordinal);
        if (removing.FirstOrDefault(name => !present.Contains(name)) is { } unknown)
        {
            problems.Add(new ParameterProblem(RemoveField,
                $"the draft has no input named '{unknown}' (give an input's name as `inputs` lists it, a library folder's by the folder's name)"));
        }

        var removed = ordered.Where(row => removing.Contains(TopLevelName(row))).ToList();
        return ([.. ordered.Except(removed)], removed, problems);
    }

    /// <summary>The parameter of each file the rows hold, once per top-level name (what the validator counts).</summary>
    public static IEnumerable<string> Parameters(IEnumerable<ExperimentInput> rows) =>
        rows.GroupBy(row => TopLevelName(row), StringComparer.Ordinal).Select(group => group.First().Parameter);

    /// <summary>The names a new file may not get in a folder keeping <paramref name="kept"/>.</summary>
    public static StoredFileNames NamesTakenBy(IEnumerable<ExperimentInput> kept)
    {
        var names = new StoredFileNames();
        foreach (var row in kept)
        {
            names.Take(TopLevelName(row));
        }

        return names;
    }
}
