namespace Ipp.Graph.Images;

/// <summary>
/// Which image paths are accepted: a reference Apptainer pulls (<c>library://</c>, <c>docker://</c>, <c>oras://</c>,
/// <c>shub://</c> and what follows) or the absolute path of a <c>.sif</c> file on the cluster. The path ends up in the
/// job the cluster runs, so it is held to a conservative character set (letters, digits and <c>. _ - / : @ +</c>):
/// no white space, quotes, <c>$</c>, back quotes, <c>;</c>, <c>|</c>, <c>&amp;</c>, redirections, globs or <c>~</c>,
/// nothing a shell or an argument parser could read as more than one word or as an option, and no <c>..</c>.
/// Nothing is trimmed or rewritten: the path stored is the path given.
/// </summary>
public static class ImagePaths
{
    /// <summary>The schemes of the references accepted, as Apptainer spells them.</summary>
    public static IReadOnlyList<string> Schemes { get; } = ["library://", "docker://", "oras://", "shub://"];

    /// <summary>The file name ending of an image given by its path on the cluster.</summary>
    public const string SifExtension = ".sif";

    /// <summary>
    /// Why <paramref name="path"/> cannot be an image's path (longer than <paramref name="maxLength"/> characters,
    /// another character than those allowed, no known scheme nor an absolute <c>.sif</c> path, an empty segment, a
    /// <c>.</c> or <c>..</c> segment, a segment starting with <c>-</c>); null when it can.
    /// </summary>
    public static string? Problem(string path, int maxLength)
    {
        if (path.Length == 0)
        {
            return "An image's path cannot be empty.";
        }

        if (path.Length > maxLength)
        {
            return $"An image's path has at most {maxLength} characters; this one has {path.Length}.";
        }

        foreach (var c in path)
        {
            if (!IsAllowed(c))
            {
                return $"An image's path may hold letters, digits and . _ - / : @ + only; it holds {Describe(c)}.";
            }
        }

        string rest;
        if (Schemes.FirstOrDefault(scheme => path.StartsWith(scheme, StringComparison.Ordinal)) is { } known)
        {
            rest = path[known.Length..];
            if (rest.Length == 0)
            {
                return $"The path '{path}' names no image after {known}.";
            }
        }
        else if (path.StartsWith('/'))
        {
            if (!path.EndsWith(SifExtension, StringComparison.Ordinal) || path.Length == SifExtension.Length + 1)
            {
                return $"A path on the cluster must name a {SifExtension} file: '{path}' does not.";
            }

            rest = path[1..];
        }
        else
        {
            return $"An image's path starts with one of {string.Join(", ", Schemes)} or is the absolute path of a {SifExtension} file; '{path}' is neither.";
        }

        foreach (var segment in rest.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                return $"The path '{path}' has an empty, '.' or '..' segment.";
            }

            if (segment.StartsWith('-'))
            {
                return $"A segment of an image's path cannot start with '-' (it could be read as an option): '{segment}'.";
            }
        }

        return null;
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or ':' or '@' or '+';

    /// <summary>A character as a message shows it: printable ones quoted, others by their code point.</summary>
    private static string Describe(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) ? $"U+{(int)c:X4}" : $"'{c}'";
}
