namespace Ipp.Graph.Experiments.Files;

/// <summary>
/// The files of one experiment's folder, as the API shows and serves them. A file belongs to the experiment when it
/// lies inside the folder: symbolic links to folders are never followed, and a link to a file counts only when its
/// final target is a file inside the folder reached the same way. Paths are relative, with <c>/</c> between parts.
/// </summary>
internal static class ExperimentFolder
{
    /// <summary>The submitted form the write side keeps in every experiment's folder; not an output.</summary>
    public const string ManifestName = "experiment.json";

    /// <summary>
    /// The log a backend may write at the top of the experiment's folder while the job runs (the folder contract):
    /// appended by the backend, read by the server (<c>experimentLog</c>), never written by it. It is an output too.
    /// </summary>
    public const string LogName = "job.log";

    /// <summary>The most parts a path may have.</summary>
    public const int MaxPathParts = 64;

    /// <summary>
    /// The outputs of an experiment's folder: every file of it (<see cref="ListFiles"/>) but the manifest and the
    /// inputs <paramref name="inputs"/> names (their stored names).
    /// </summary>
    public static List<(string Path, long Size)> ListOutputs(string folder, IEnumerable<string> inputs)
    {
        var excluded = new HashSet<string>(inputs, StringComparer.Ordinal) { ManifestName };
        var files = ListFiles(folder);
        files.RemoveAll(file => excluded.Contains(file.Path));
        return files;
    }

    /// <summary>Every file of the folder (recursively) with its size; empty when the folder does not exist.</summary>
    public static List<(string Path, long Size)> ListFiles(string folder)
    {
        var files = new List<(string Path, long Size)>();
        var pending = new Stack<(DirectoryInfo Directory, string Prefix)>();
        pending.Push((new DirectoryInfo(folder), ""));
        while (pending.Count > 0)
        {
            var (directory, prefix) = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = directory.GetFileSystemInfos();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Missing (the backend moved it meanwhile, or it never existed) or unreadable: nothing to list.
                continue;
            }

            foreach (var entry in entries)
            {
                var path = prefix + entry.Name;
                if (entry is DirectoryInfo subfolder)
                {
                    if (subfolder.LinkTarget is null && prefix.Count(c => c == '/') < MaxPathParts - 2)
                    {
                        pending.Push((subfolder, path + "/"));
                    }
                }
                else if (Find(folder, path.Split('/')) is { } file)
                {
                    files.Add((path, file.Length));
                }
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>
    /// The file a relative path (its parts, already decoded) names inside the folder, or null when it names none
    /// there: a part that is empty, <c>.</c>, <c>..</c> or holds a separator or control character, a folder that is a
    /// link, a file whose final target is outside the folder, or nothing at all.
    /// </summary>
    public static FileInfo? Find(string folder, IReadOnlyList<string> parts) => Find(folder, parts, followLink: true);

    /// <summary>True when a decoded path part could name an entry of a folder.</summary>
    public static bool IsValidPart(string part)
    {
        if (part.Length == 0 || part == "." || part == "..")
        {
            return false;
        }

        foreach (var c in part)
        {
            if (c == '/' || c == '\\' || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    private static FileInfo? Find(string folder, IReadOnlyList<string> parts, bool followLink)
    {
        if (parts.Count is 0 or > MaxPathParts)
        {
            return null;
        }

        foreach (var part in parts)
        {
            if (!IsValidPart(part))
            {
                return null;
            }
        }

        try
        {
            var current = Path.GetFullPath(folder);
            if (!Directory.Exists(current))
            {
                return null;
            }

            for (var i = 0; i < parts.Count - 1; i++)
            {
                var directory = new DirectoryInfo(Path.Combine(current, parts[i]));
                if (!directory.Exists || directory.LinkTarget is not null)
                {
                    return null;
                }

                current = directory.FullName;
            }

            var file = new FileInfo(Path.Combine(current, parts[^1]));
            if (file.LinkTarget is null)
            {
                return file.Exists ? file : null;
            }

            if (!followLink || file.ResolveLinkTarget(returnFinalTarget: true) is not FileInfo target || !target.Exists)
            {
                return null;
            }

            // The target must itself be reachable inside the folder without links.
            var root = Path.GetFullPath(folder);
            var relative = Path.GetRelativePath(root, Path.GetFullPath(target.FullName));
            if (relative == "." || Path.IsPathRooted(relative) || relative.Split(Path.DirectorySeparatorChar).Contains(".."))
            {
                return null;
            }

            return Find(folder, relative.Split(Path.DirectorySeparatorChar), followLink: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
