namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// The live-status settings of the <c>Experiments</c> section (appsettings.json documents each with its default):
/// how the database is kept in line with the folders the backend moves.
/// </summary>
public sealed class LiveOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Experiments";

    /// <summary>
    /// How often every experiment is compared with its folders, besides at start and when the watcher overflows;
    /// <see cref="TimeSpan.Zero"/> turns the timer off.
    /// </summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Whether a file system watcher notices folder moves as they happen. Off for file systems that deliver no
    /// change events (NFS): the reconciliation scan alone then brings changes, every <see cref="ReconcileInterval"/>.
    /// </summary>
    public bool WatchFolders { get; set; } = true;
}
