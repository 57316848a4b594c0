using System.Text.RegularExpressions;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Library.Errors;

namespace Ipp.Graph.Library.Upload;

/// <summary>
/// A client's relative path turned into safe segments: what could reach outside the library or mean something else on
/// another system is refused (<c>INVALID_PATH</c>): an absolute path or drive, an empty segment, <c>.</c> and
/// <c>..</c>, Windows device names (<c>CON</c>, <c>NUL</c>, <c>COM1</c>... with any extension), too many segments or
/// characters. What is left is made safe segment by segment as experiment files' names are
/// (<see cref="StoredFileNames.SafeBaseName"/>: control and invisible characters dropped, <c>&lt;&gt;:"|?*</c> as
/// <c>_</c>, at most 255 bytes).
/// </summary>
public static partial class LibraryPaths
{
    private static readonly char[] Separators = ['/', '\\'];

    /// <summary>The safe segments of <paramref name="path"/>; throws the mutation's INVALID_PATH error when it cannot be used.</summary>
    public static IReadOnlyList<string> Parse(string path, int maxDepth)
    {
        if (path.Trim().Length == 0)
        {
            throw Invalid(path, "it is empty.");
        }

        if (path[0] is '/' or '\\' || DrivePrefix().IsMatch(path))
        {
            throw Invalid(path, "it is absolute; give a path relative to the library, such as 'study/scan.nii'.");
        }

        var raw = path.Split(Separators);
        if (raw.Length > maxDepth)
        {
            throw Invalid(path, $"it has more than {maxDepth} segments.");
        }

        var segments = new string[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            var segment = raw[i];
            if (segment.Trim().Length == 0)
            {
                throw Invalid(path, "it has an empty segment (two separators in a row, or one at the end).");
            }

            if (segment is "." or "..")
            {
                throw Invalid(path, "it holds '.' or '..'; name each folder.");
            }

            segments[i] = StoredFileNames.SafeBaseName(segment);
            if (IsDeviceName(segment) || IsDeviceName(segments[i]))
            {
                throw Invalid(path, $"'{segment}' is the name of a device on Windows.");
            }
        }

        if (string.Join('/', segments).Length > LibraryFile.PathMaxLength)
        {
            throw Invalid(path, $"it is longer than {LibraryFile.PathMaxLength} characters.");
        }

        return segments;
    }

    /// <summary>True for CON, PRN, AUX, NUL, COM0–9 and LPT0–9 (and their superscript digits), with or without an extension.</summary>
    private static bool IsDeviceName(string segment) => DeviceName().IsMatch(segment.TrimEnd(' ', '.'));

    private static MutationException Invalid(string path, string reason) => new(new InvalidLibraryPathError(path, reason));

    [GeneratedRegex(@"^[A-Za-z]:")]
    private static partial Regex DrivePrefix();

    [GeneratedRegex(@"^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeviceName();
}
