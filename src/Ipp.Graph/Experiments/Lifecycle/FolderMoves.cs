using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL.Mutations;
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

    /// <summary>
    /// Runs a verb's folder move (<paramref name="move"/>, which records its change) and gives the experiment as it is
    /// after; a folder that could not move leaves it and the row as they were: logged, and STORAGE_UNAVAILABLE to the
    /// client.
    /// </summary>
    public static async Task<Experiment> RecordAsync(Experiment experiment, Func<Task<ExperimentEvent>> move, ILogger logger)
    {
        ExperimentEvent change;
        try
        {
            change = await move();
        }
        catch (StorageUnavailableException failure)
        {
            failure.Log(logger);
            throw StorageUnavailableException.ClientError();
        }

        (experiment.Status, experiment.StatusChangedAt) = (change.Status, change.OccurredAt);
        return experiment;
    }

    /// <summary>
    /// Records the change a folder move that won stands for (<paramref name="record"/>); when the database fails, or
    /// the row changed meanwhile (null: only a repair of the database changes a row marked in flight), the folder goes
    /// back from <paramref name="moved"/> to <paramref name="original"/>, and the latter is <paramref name="refused"/>.
    /// </summary>
    public static async Task<ExperimentEvent> RecordOrMoveBackAsync(
        Func<Task<ExperimentEvent?>> record, string moved, string original, Func<MutationException> refused)
    {
        ExperimentEvent? change;
        try
        {
            change = await record();
        }
        catch
        {
            await BlockingFileWork.RunAsync(() => DurableDirectory.Move(moved, original));
            throw;
        }

        if (change is null)
        {
            await BlockingFileWork.RunAsync(() => DurableDirectory.Move(moved, original));
            throw refused();
        }

        return change;
    }
}
