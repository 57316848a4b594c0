using Ipp.Graph.Storage;

namespace Ipp.Graph.Experiments.Lifecycle;

/// <summary>
/// The one rename that decides a race with the backend over an experiment's folder: of the server renaming
/// <c>submitted/&lt;eid&gt;</c> away and the backend renaming it to <c>running/</c>, the first wins (rename(2) is atomic)
/// and the other finds the source gone.
/// </summary>
public static class FolderMoves
{
    /// <summary>
    /// Renames the folder <paramref name="source"/> to <paramref name="target"/> (both flushed, <see cref="DurableDirectory.Move"/>);
    /// false, with nothing done, when <paramref name="source"/> is gone (someone else moved it first). Any other
    /// failure is a <see cref="StorageUnavailableException"/>.
    /// </summary>
    public static bool TryMove(string source, string target)
    {
        try
        {
            DurableDirectory.Move(source, target);
            return true;
        }
        catch (StorageUnavailableException failure) when (failure.InnerException is DirectoryNotFoundException && !Directory.Exists(source))
        {
            return false;
        }
    }
}
