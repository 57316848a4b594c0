using System.Text;

namespace Ipp.Graph.Tags;

/// <summary>How tag names are written and compared: trimmed, composed (NFC), compared in lower case.</summary>
public static class TagNames
{
    /// <summary>The form a name is compared and searched by.</summary>
    public static string Normalize(string name) => name.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();

    /// <summary>
    /// Why <paramref name="name"/> (already trimmed) cannot name a tag: empty, longer than <paramref name="maxLength"/>
    /// characters, or holding a control character (a tag is one short line of text in lists); null when it can.
    /// </summary>
    public static string? Problem(string name, int maxLength)
    {
        if (name.Length == 0)
        {
            return "A tag's name cannot be empty.";
        }

        if (name.Length > maxLength)
        {
            return $"A tag's name has at most {maxLength} characters; this one has {name.Length}.";
        }

        return name.Any(char.IsControl) ? "A tag's name cannot hold control characters (line breaks, tabs and the like)." : null;
    }
}
