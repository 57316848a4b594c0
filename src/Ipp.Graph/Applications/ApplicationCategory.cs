namespace Ipp.Graph.Applications;

/// <summary>
/// A category of the catalogue (the IPP portal's <c>ipp-categories.json</c>): applications shown together, and the
/// groups whose members alone may see and run them when it names any (<see cref="Authorization.ApplicationVisibility"/>).
/// </summary>
/// <param name="Key">The category's key in the file.</param>
/// <param name="Label">Its name.</param>
/// <param name="Description">What it holds; empty when the file gives none.</param>
/// <param name="Applications">Its applications of the catalogue, in the file's order (keys the catalogue lacks left out).</param>
/// <param name="Groups">The compared names (<see cref="Groups.GroupNames.Normalize"/>) of the groups it names; empty: open to everyone.</param>
public sealed record ApplicationCategory(string Key, string Label, string Description, IReadOnlyList<Application> Applications, IReadOnlySet<string> Groups)
{
    /// <summary>True when the category names groups, so only their members see it and its applications.</summary>
    public bool IsRestricted => Groups.Count > 0;
}
