using Ipp.Graph.Library;

namespace Ipp.Graph.Images;

/// <summary>
/// How image names are written and compared: trimmed of surrounding white space, one line of text, compared as the
/// library compares names (<see cref="LibraryNames.Normalize"/>: composed, in lower case), so <c>Lolcow</c> and
/// <c>lolcow</c> cannot both exist.
/// </summary>
public static class ImageNames
{
    /// <summary>The form a name is compared by.</summary>
    public static string Normalize(string name) => LibraryNames.Normalize(name);

    /// <summary>
    /// Why <paramref name="name"/> (already trimmed) cannot name an image: empty, longer than
    /// <paramref name="maxLength"/> characters, or holding a control character; null when it can.
    /// </summary>
    public static string? Problem(string name, int maxLength)
    {
        if (name.Length == 0)
        {
            return "An image's name cannot be empty.";
        }

        if (name.Length > maxLength)
        {
            return $"An image's name has at most {maxLength} characters; this one has {name.Length}.";
        }

        return name.Any(char.IsControl)
            ? "An image's name cannot hold control characters (line breaks, tabs and the like)."
            : null;
    }
}
