using System.Diagnostics;
using System.Globalization;

namespace Ipp.Graph.Tests.Experiments;

/// <summary>
/// The inotify watches a process holds, as the kernel lists them (<c>/proc/&lt;pid&gt;/fdinfo</c> of its inotify
/// descriptors: a line <c>inotify wd:… ino:… sdev:…</c> per watch), matched to the folders of a tree by inode.
/// </summary>
public static class InotifyWatches
{
    /// <summary>The inode of every folder the process watches, all its inotify instances together.</summary>
    public static List<ulong> Of(int processId)
    {
        var inodes = new List<ulong>();
        foreach (var descriptor in Directory.GetFiles($"/proc/{processId}/fd"))
        {
            string? target;
            try
            {
                target = new FileInfo(descriptor).LinkTarget;
            }
            catch (IOException)
            {
                continue; // Closed meanwhile.
            }

            if (target != "anon_inode:inotify")
            {
                continue;
            }

            string[] lines;
            try
            {
                lines = File.ReadAllLines($"/proc/{processId}/fdinfo/{Path.GetFileName(descriptor)}");
            }
            catch (IOException)
            {
                continue;
            }

            foreach (var line in lines.Where(line => line.StartsWith("inotify wd:", StringComparison.Ordinal)))
            {
                var inode = line.Split(' ').Single(part => part.StartsWith("ino:", StringComparison.Ordinal))["ino:".Length..];
                inodes.Add(ulong.Parse(inode, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }

        return inodes;
    }

    /// <summary>Every folder of the tree under <paramref name="root"/> (itself included), by inode.</summary>
    public static Dictionary<ulong, string> FoldersOf(string root)
    {
        var find = Process.Start(new ProcessStartInfo("find", [root, "-type", "d", "-printf", "%i %p\\n"]) { RedirectStandardOutput = true })!;
        var output = find.StandardOutput.ReadToEnd();
        find.WaitForExit();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2))
            .ToDictionary(parts => ulong.Parse(parts[0], CultureInfo.InvariantCulture), parts => Path.GetRelativePath(root, parts[1]));
    }

    /// <summary>
    /// The folders of the tree under <paramref name="root"/> that the process watches, relative to the root ("."
    /// for itself), sorted.
    /// </summary>
    public static List<string> WatchedIn(int processId, string root)
    {
        var folders = FoldersOf(root);
        return [.. Of(processId).Where(folders.ContainsKey).Select(inode => folders[inode]).Order(StringComparer.Ordinal)];
    }
}
