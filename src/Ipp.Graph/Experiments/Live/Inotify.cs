using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// Linux's inotify, as <see cref="ContractFolderWatcher"/> and <see cref="OutputsFolderWatches"/> use it: one instance, a watch per folder added (never
/// recursive), and its events read from the instance's descriptor. libc's calls, declared as inotify(7) gives them.
/// </summary>
internal static partial class Inotify
{
    public const uint Modify = 0x2;
    public const uint CloseWrite = 0x8;
    public const uint Create = 0x100;
    public const uint Delete = 0x200;
    public const uint MovedFrom = 0x40;
    public const uint MovedTo = 0x80;
    public const uint DeleteSelf = 0x400;
    public const uint MoveSelf = 0x800;

    /// <summary>The watch was removed: by <see cref="RemoveWatch"/>, or because its folder was deleted.</summary>
    public const uint Ignored = 0x8000;

    /// <summary>The kernel's queue of events overflowed: events were lost (the descriptor's wd is -1).</summary>
    public const uint QueueOverflow = 0x4000;

    public const uint IsDirectory = 0x40000000;

    /// <summary>Watch only a folder, and not through a link.</summary>
    public const uint OnlyDirectory = 0x01000000;

    public const uint DontFollow = 0x02000000;

    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int ENOTDIR = 20;
    public const int ENOSPC = 28;
    public const int EMFILE = 24;

    private const int CloseOnExec = 0x80000;

    /// <summary>The size of <c>struct inotify_event</c> before its name.</summary>
    private const int EventHeaderSize = 16;

    /// <summary>A new instance (close-on-exec, blocking reads); -1 and errno when the kernel refuses one.</summary>
    public static int Init() => inotify_init1(CloseOnExec);

    /// <summary>Watches <paramref name="path"/> for <paramref name="mask"/>; its watch descriptor, or -1 and errno.</summary>
    public static int AddWatch(int instance, string path, uint mask) => inotify_add_watch(instance, path, mask);

    public static void RemoveWatch(int instance, int watch) => inotify_rm_watch(instance, watch);

    /// <summary>Reads events into <paramref name="buffer"/>, blocking until there is one; the bytes read, or -1 and errno.</summary>
    public static int Read(int instance, Span<byte> buffer) => (int)read(instance, buffer, buffer.Length);

    public static void Close(int instance) => close(instance);

    /// <summary>The events in <paramref name="buffer"/> (what <see cref="Read"/> gave), in order.</summary>
    public static List<Event> Parse(ReadOnlySpan<byte> buffer)
    {
        var events = new List<Event>();
        while (buffer.Length >= EventHeaderSize)
        {
            var watch = BinaryPrimitives.ReadInt32LittleEndian(buffer);
            var mask = BinaryPrimitives.ReadUInt32LittleEndian(buffer[4..]);
            var nameLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer[12..]);
            var name = buffer.Slice(EventHeaderSize, nameLength);
            var end = name.IndexOf((byte)0);
            events.Add(new Event(watch, mask, Encoding.UTF8.GetString(end < 0 ? name : name[..end])));
            buffer = buffer[(EventHeaderSize + nameLength)..];
        }

        return events;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int inotify_init1(int flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int inotify_add_watch(int fd, string pathname, uint mask);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int inotify_rm_watch(int fd, int wd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint read(int fd, Span<byte> buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);

    /// <summary>One event: the watch it came from, what happened, and the name of the entry it concerns.</summary>
    public readonly record struct Event(int Watch, uint Mask, string Name)
    {
        public bool Is(uint flag) => (Mask & flag) != 0;
    }
}
