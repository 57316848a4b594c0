namespace Ipp.Graph.Tests.Support;

/// <summary>How <see cref="UnwritableFolder"/> takes a folder's place.</summary>
public enum Unwritable
{
    /// <summary>A symbolic link to a sysfs directory, where nobody creates entries (EACCES, EPERM), root included.</summary>
    ReadOnly,

    /// <summary>A regular file, which cannot hold entries (ENOTDIR).</summary>
    NotAFolder,
}

/// <summary>
/// Makes a folder unwritable for anyone, root included, on any Linux file system, until disposed: the folder (when
/// there is one) is moved aside, to a folder the test names, and something that cannot take a new entry takes its
/// place (<see cref="Unwritable"/>). chmod does not bind root, chattr +i needs root and a file system
/// that has it, a read-only mount needs privileges: this needs none. The setup checks that nothing can be created
/// there and throws otherwise, so a test never passes without the failure it means to cause.
/// </summary>
public sealed class UnwritableFolder : IDisposable
{
    /// <summary>A directory of sysfs, which exists on every Linux system and takes no new entry from anyone.</summary>
    private const string ReadOnlyPlace = "/sys/kernel";

    private readonly string _path;
    private readonly string? _movedTo;

    private UnwritableFolder(string path, string? movedTo)
    {
        _path = path;
        _movedTo = movedTo;
    }

    /// <summary>Puts <paramref name="kind"/> in the place of <paramref name="path"/>; the folder waits in <paramref name="aside"/>, a folder on the same file system.</summary>
    public static UnwritableFolder Make(string path, Unwritable kind, string aside)
    {
        if (kind == Unwritable.ReadOnly && !Directory.Exists(ReadOnlyPlace))
        {
            throw new InvalidOperationException($"{ReadOnlyPlace} is missing: this machine cannot make a read-only folder.");
        }

        path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        string? movedTo = null;
        if (Directory.Exists(path))
        {
            movedTo = Path.Combine(aside, "aside-" + Guid.NewGuid().ToString("n"));
            Directory.Move(path, movedTo);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }

        if (kind == Unwritable.ReadOnly)
        {
            File.CreateSymbolicLink(path, ReadOnlyPlace);
        }
        else
        {
            File.WriteAllText(path, "not a folder");
        }

        var unwritable = new UnwritableFolder(path, movedTo);
        unwritable.ProveUnwritable();
        return unwritable;
    }

    public void Dispose()
    {
        File.Delete(_path);
        if (_movedTo is not null)
        {
            Directory.Move(_movedTo, _path);
        }
    }

    private void ProveUnwritable()
    {
        var probe = Path.Combine(_path, "probe-" + Guid.NewGuid().ToString("n"));
        foreach (var create in new Action[] { () => Directory.CreateDirectory(probe), () => File.WriteAllText(probe, "") })
        {
            try
            {
                create();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            Dispose();
            throw new InvalidOperationException($"{probe} could be created: this machine cannot make {_path} unwritable this way.");
        }
    }
}
