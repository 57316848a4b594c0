namespace Ipp.Graph.Groups;

/// <summary>
/// How group names are written and compared: trimmed of surrounding white space, compared without regard to case
/// (the catalogue's categories name groups as people write them: <c>CBICA Developers</c>).
/// </summary>
public static class GroupNames
{
    /// <summary>The form a name is compared by: trimmed, in lower case (invariant culture).</summary>
    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    /// <summary>
    /// Why <paramref name="name"/> (already trimmed) cannot name a group: empty, longer than
    /// <paramref name="maxLength"/> characters, or holding a control character (line breaks, tabs, NUL: a name is
    /// one line of text shown in lists and logs); null when it can.
    /// </summary>
    public static string? Problem(string name, int maxLength)
    {
        if (name.Length == 0)
        {
            return "A group's name cannot be empty.";
        }

        if (name.Length > maxLength)
        {
            return $"A group's name has at most {maxLength} characters; this one has {name.Length}.";
        }

        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                return "A group's name cannot hold control characters (line breaks, tabs and the like).";
            }
        }

        return null;
    }
}
