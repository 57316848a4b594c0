using System.Runtime.InteropServices;

namespace Ipp.Graph.Storage;

/// <summary>
/// Folder changes that survive a power cut. A new entry or a rename is on the disk only once the directory holding
/// it is flushed (fsync on the directory, which .NET has no call for); the experiment writer flushes before it records
/// a change in the database, so that the database never says more than the folders hold. A failure is a
/// <see cref="StorageUnavailableException"/> naming the folders.
/// </summary>
public static class DurableDirectory
{
    private const string Library = "libc.so.6";

    private const int ReadOnly = 0;

    /// <summary><c>O_CLOEXEC</c>: the same on x86-64 and ARM64.</summary>
    private const int CloseOnExec = 0x80000;

    /// <summary>Flushes the entries of <paramref name="directory"/> to the disk (on Linux; elsewhere nothing).</summary>
    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var descriptor = open(directory, ReadOnly | CloseOnExec);
        if (descriptor < 0)
        {
            throw Failure($"open the folder {directory}");
        }

        try
        {
            if (fsync(descriptor) != 0)
            {
                throw Failure($"flush the folder {directory}");
            }
        }
        finally
        {
            _ = close(descriptor);
        }
    }

    /// <summary>Creates <paramref name="directory"/> and the parents it lacks, each flushed into its parent.</summary>
    public static void Create(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (Directory.Exists(full))
        {
            return;
        }

        var parent = Path.GetDirectoryName(full);
        if (parent is not null)
        {
            Create(parent);
        }

        StorageUnavailableException.Guard($"create the folder {full}", () => Directory.CreateDirectory(full));
        if (parent is not null)
        {
            Flush(parent);
        }
    }

    /// <summary>Renames the folder <paramref name="source"/> to <paramref name="target"/> and flushes both parents.</summary>
    public static void Move(string source, string target)
    {
        StorageUnavailableException.Guard($"move the folder {source} to {target}", () => Directory.Move(source, target));
        var to = Path.GetDirectoryName(Path.GetFullPath(target))!;
        var from = Path.GetDirectoryName(Path.GetFullPath(source))!;
        Flush(to);
        if (from != to)
        {
            Flush(from);
        }
    }

    /// <summary>The C library's failure: its reason in an IOException whose HResult is the errno, as .NET's own.</summary>
    private static StorageUnavailableException Failure(string doing)
    {
        var error = Marshal.GetLastPInvokeError();
        return new StorageUnavailableException(doing, new IOException(Marshal.GetPInvokeErrorMessage(error), error));
    }

    [DllImport(Library, SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport(Library, SetLastError = true)]
    private static extern int fsync(int descriptor);

    [DllImport(Library, SetLastError = true)]
    private static extern int close(int descriptor);
}
