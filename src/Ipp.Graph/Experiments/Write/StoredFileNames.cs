using System.Globalization;
using System.Text;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// The names files get in one experiment's folder: the client's name reduced to a safe base name (no directories,
/// no <c>..</c>, no control or invisible formatting characters, none of the characters other systems forbid, at most
/// 255 UTF-8 bytes, <c>file</c> when nothing is left), made unique by <c> (2)</c>, <c> (3)</c>... before the
/// extension. Uniqueness ignores case, so the folder survives a copy to a case-insensitive file system, and the
/// server's own file names (<see cref="ManifestName"/>) are never given to an upload.
/// </summary>
public sealed class StoredFileNames
{
    /// <summary>The file describing the experiment, in its folder.</summary>
    public const string ManifestName = "experiment.json";

    /// <summary>The name <see cref="ManifestName"/> is written under before it is renamed.</summary>
    public const string ManifestTemporaryName = "experiment.json.tmp";

    /// <summary>The longest name file systems accept, in UTF-8 bytes.</summary>
    public const int MaxBytes = 255;

    private const string FallbackName = "file";

    // Extensions longer than this are treated as part of the name when a name must be shortened.
    private const int MaxExtensionBytes = 32;

    private static readonly HashSet<string> CompressionExtensions = new(StringComparer.OrdinalIgnoreCase) { ".gz", ".bz2", ".xz", ".zst", ".lz4" };

    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase) { ManifestName, ManifestTemporaryName };

    /// <summary>
    /// Marks a name already in the folder (a draft's file kept by an edit) as taken, so no new file gets it; true
    /// when it was not taken yet.
    /// </summary>
    public bool Take(string storedName) => _taken.Add(storedName);

    /// <summary>A safe name for <paramref name="clientName"/> that no earlier call returned.</summary>
    public string Reserve(string? clientName)
    {
        var safe = SafeBaseName(clientName);
        if (_taken.Add(safe))
        {
            return safe;
        }

        var (stem, extension) = Split(safe);
        for (var number = 2; ; number++)
        {
            var suffix = " (" + number.ToString(CultureInfo.InvariantCulture) + ")";
            var candidate = Fit(stem, suffix + extension);
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>The client's name reduced to a safe base name (not yet unique).</summary>
    public static string SafeBaseName(string? clientName)
    {
        var text = clientName ?? "";
        // Only the last segment: "../../x", "C:\\temp\\x" and "dir/x" all become "x".
        var lastSeparator = text.LastIndexOfAny(['/', '\\']);
        if (lastSeparator >= 0)
        {
            text = text[(lastSeparator + 1)..];
        }

        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            // Invalid UTF-16 (a lone surrogate) enumerates as the replacement character: dropped like the rest.
            var category = Rune.GetUnicodeCategory(rune);
            if (rune == Rune.ReplacementChar || category is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse)
            {
                continue;
            }

            kept.Append(rune.Value is '<' or '>' or ':' or '"' or '|' or '?' or '*' ? "_" : rune.ToString());
        }

        // Leading and trailing spaces and trailing dots vanish on some systems and deceive readers on all.
        var name = kept.ToString().Trim().TrimEnd('.', ' ');
        if (name.Length == 0)
        {
            return FallbackName;
        }

        var (stem, extension) = Split(name);
        return Fit(stem, extension);
    }

    /// <summary>
    /// The name before its extension, and the extension with its dot ("" when none). A compressed file keeps both
    /// its extensions (<c>scan.nii.gz</c>: <c>.nii.gz</c>), so numbering gives <c>scan (2).nii.gz</c>, which readers still recognise.
    /// </summary>
    private static (string Stem, string Extension) Split(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot <= 0 || Encoding.UTF8.GetByteCount(name.AsSpan(dot)) > MaxExtensionBytes)
        {
            return (name, "");
        }

        if (CompressionExtensions.Contains(name[dot..]) && name.LastIndexOf('.', dot - 1) is > 0 and var inner
            && Encoding.UTF8.GetByteCount(name.AsSpan(inner)) <= MaxExtensionBytes)
        {
            dot = inner;
        }

        return (name[..dot], name[dot..]);
    }

    /// <summary><paramref name="stem"/> shortened (by whole characters) so that stem + ending fits in <see cref="MaxBytes"/>.</summary>
    private static string Fit(string stem, string ending)
    {
        var budget = MaxBytes - Encoding.UTF8.GetByteCount(ending);
        if (Encoding.UTF8.GetByteCount(stem) > budget)
        {
            var shortened = new StringBuilder();
            var used = 0;
            foreach (var rune in stem.EnumerateRunes())
            {
                if (used + rune.Utf8SequenceLength > budget)
                {
                    break;
                }

                shortened.Append(rune.ToString());
                used += rune.Utf8SequenceLength;
            }

            stem = shortened.ToString().TrimEnd('.', ' ');
        }

        return stem.Length == 0 ? FallbackName + ending : stem + ending;
    }
}
