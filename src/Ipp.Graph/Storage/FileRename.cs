using System.Runtime.InteropServices;

namespace Ipp.Graph.Storage;

/// <summary>
/// rename(2) itself: .NET's <see cref="File.Move(string, string)"/> copies the bytes when the two paths are on
/// different file systems, where a caller that could copy better (or not at all) wants to know instead.
/// </summary>
public static class FileRename
{
    /// <summary><c>EXDEV</c>: the two paths are on different file systems.</summary>
    private const int CrossDevice = 18;

    /// <summary>
    /// Renames the file <paramref name="source"/> to <paramref name="target"/> (replacing it) when both are on one
    /// file system and returns true; false, with nothing done, when they are not (or off Linux). Any other failure
    /// throws an <see cref="IOException"/> whose HResult is the errno, as .NET's own.
    /// </summary>
    public static bool TryRename(string source, string target)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        if (rename(source, target) == 0)
        {
            return true;
        }

        var error = Marshal.GetLastPInvokeError();
        return error == CrossDevice ? false : throw new IOException($"Could not rename {source} to {target}: {Marshal.GetPInvokeErrorMessage(error)}", error);
    }

    [DllImport("libc.so.6", SetLastError = true)]
    private static extern int rename([MarshalAs(UnmanagedType.LPUTF8Str)] string source, [MarshalAs(UnmanagedType.LPUTF8Str)] string target);
}
