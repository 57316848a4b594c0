using System.Runtime.InteropServices;
using Ipp.Graph.Storage;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// A second name for a file of an experiment's folder in another folder (an edited draft's staged folder, a clone's):
/// a hard link (link(2)) where the file system allows one, which costs neither bytes nor time and leaves the source as
/// it was; else (another file system, one without hard links, off Linux) a copy flushed to the disk. Experiments'
/// files are never written in place once their folder is placed, so two names of one file stay what both were.
/// </summary>
public static class FileLinks
{
    private const int NoSuchFile = 2;

    /// <summary>
    /// Gives <paramref name="source"/> the new name <paramref name="target"/> (which must not exist); false, with
    /// nothing done, when the source is not there (its folder moved or went). A failure of the disk is a
    /// <see cref="StorageUnavailableException"/>.
    /// </summary>
    public static bool TryLinkOrCopy(string source, string target)
    {
        if (OperatingSystem.IsLinux())
        {
            if (link(source, target) == 0)
            {
                return true;
            }

            var error = Marshal.GetLastPInvokeError();
            if (error == NoSuchFile)
            {
                return false;
            }

            // EXDEV, EPERM (a file system without hard links), EMLINK (too many links): copy instead; any other
            // failure shows again, with its reason, when the copy is tried.
        }

        try
        {
            File.Copy(source, target);
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (DirectoryNotFoundException) when (!File.Exists(source))
        {
            return false;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException($"copy {source} to {target}", failure);
        }

        StorageUnavailableException.Guard($"write {target}", () =>
        {
            using var copy = new FileStream(target, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1);
            copy.Flush(flushToDisk: true);
        });
        return true;
    }

    [DllImport("libc.so.6", SetLastError = true)]
    private static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string source, [MarshalAs(UnmanagedType.LPUTF8Str)] string target);
}
