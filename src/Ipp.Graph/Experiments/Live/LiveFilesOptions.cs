namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// The settings of <c>experimentOutputs</c> and <c>experimentLog</c> (section <c>Experiments:LiveFiles</c>;
/// appsettings.json documents each with its default): how many experiment folders this instance follows at once,
/// how often it looks again for what no watch reports, and how much of a log one event carries.
/// </summary>
public sealed class LiveFilesOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Experiments:LiveFiles";

    /// <summary>
    /// How many subscriptions of this instance may follow the folder of a waiting or running experiment at once
    /// (each holds one inotify watch while it lasts); one more is refused with <c>LIVE_FILES_LIMIT_REACHED</c>.
    /// </summary>
    public int MaxFolderWatches { get; set; } = 256;

    /// <summary>
    /// How often a subscription looks again without being told: files in sub-folders of an experiment's folder
    /// (only the folder itself is watched), file systems without change events, and a job's outputs in the blob store
    /// (which tells nothing).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most bytes of a log one <c>experimentLog</c> event carries; a longer tail comes in several.</summary>
    public int MaxLogChunkBytes { get; set; } = 65_536;

    /// <summary>Throws when the settings make no sense, so a bad configuration stops the start.</summary>
    internal void Validate()
    {
        if (MaxFolderWatches is < 0 or > 100_000)
        {
            throw new InvalidOperationException($"{Section}:MaxFolderWatches must be from 0 to 100000; it is {MaxFolderWatches}.");
        }

        if (PollInterval < TimeSpan.FromMilliseconds(100) || PollInterval > TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException($"{Section}:PollInterval must be from 00:00:00.1 to 01:00:00; it is {PollInterval}.");
        }

        if (MaxLogChunkBytes is < 1024 or > 4_194_304)
        {
            throw new InvalidOperationException($"{Section}:MaxLogChunkBytes must be from 1024 to 4194304 (4 MiB); it is {MaxLogChunkBytes}.");
        }
    }
}
