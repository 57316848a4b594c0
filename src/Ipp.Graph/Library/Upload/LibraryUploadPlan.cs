using Ipp.Graph.Engine.Types.Scalars;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Library.Errors;

namespace Ipp.Graph.Library.Upload;

/// <summary>One entry an upload makes: a file (one file, no path) or a folder (its files at their paths inside it).</summary>
public sealed record PlannedEntry(string Name, LibraryEntryKind Kind, IReadOnlyList<PlannedFile> Files);

/// <summary>One file of a planned entry: its path inside its folder (null for a file entry) and its bytes.</summary>
public sealed record PlannedFile(string? Path, IUploadedFile Upload);

/// <summary>
/// Which entries an upload makes, decided before a byte is stored, as TrainMate did: each file whose path has one
/// segment is a file entry, each first segment of longer paths a folder entry holding the rest. Every problem is found
/// here (paths, two entries or two files of one name, a folder over <see cref="LibraryOptions.MaxFolderFiles"/>).
/// </summary>
public static class LibraryUploadPlan
{
    /// <summary>The entries of <paramref name="files"/>, in the order of their first file.</summary>
    public static IReadOnlyList<PlannedEntry> Of(IReadOnlyList<LibraryFileUploadInput> files, LibraryOptions options)
    {
        var entries = new List<(string Name, LibraryEntryKind Kind, List<PlannedFile> Files, HashSet<string> Paths, HashSet<string> Folders)>();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var input in files)
        {
            // Without a path, the part's file name (its last segment, made safe) names a file entry.
            var segments = input.Path is null
                ? LibraryPaths.Parse(StoredFileNames.SafeBaseName(input.File.FileName), maxDepth: 1)
                : LibraryPaths.Parse(input.Path, options.MaxPathDepth);
            var name = segments[0];
            var kind = segments.Count == 1 ? LibraryEntryKind.File : LibraryEntryKind.Folder;
            var normalized = LibraryNames.Normalize(name);
            if (!byName.TryGetValue(normalized, out var index))
            {
                index = entries.Count;
                byName[normalized] = index;
                entries.Add((name, kind, [], new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal)));
            }
            else if (kind == LibraryEntryKind.File || entries[index].Kind == LibraryEntryKind.File)
            {
                throw new MutationException(new LibraryEntryNameTakenError(name));
            }

            var entry = entries[index];
            if (kind == LibraryEntryKind.File)
            {
                entry.Files.Add(new PlannedFile(null, input.File));
                continue;
            }

            if (entry.Files.Count == options.MaxFolderFiles)
            {
                throw new MutationException(new FolderTooLargeError(name, options.MaxFolderFiles));
            }

            var path = string.Join('/', segments.Skip(1));
            AddPath(entry.Paths, entry.Folders, segments, input.Path!);
            entry.Files.Add(new PlannedFile(path, input.File));
        }

        return entries.Select(e => new PlannedEntry(e.Name, e.Kind, e.Files)).ToArray();
    }

    /// <summary>
    /// Records a folder file's path (compared as entry names are); refuses a second file at the same path, or a path
    /// that is a file in one place and a folder in another.
    /// </summary>
    private static void AddPath(HashSet<string> paths, HashSet<string> folders, IReadOnlyList<string> segments, string given)
    {
        var normalized = segments.Skip(1).Select(LibraryNames.Normalize).ToArray();
        var path = string.Join('/', normalized);
        if (folders.Contains(path) || !paths.Add(path))
        {
            throw new MutationException(new InvalidLibraryPathError(given, "another file of the upload has the same path."));
        }

        for (var depth = 1; depth < normalized.Length; depth++)
        {
            var parent = string.Join('/', normalized.Take(depth));
            if (paths.Contains(parent))
            {
                throw new MutationException(new InvalidLibraryPathError(given, $"'{parent}' is a file of the upload, not a folder."));
            }

            folders.Add(parent);
        }
    }
}
