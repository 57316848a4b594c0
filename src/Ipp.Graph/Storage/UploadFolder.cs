using System.Globalization;
using Ipp.Graph.Experiments.Entities;

namespace Ipp.Graph.Storage;

/// <summary>
/// The uploads root (<c>UPLOAD_FOLDER</c>), shared with the backend and with the other instances of the server, and
/// where things live in it. The backend sees only <c>&lt;uid&gt;/&lt;namespace&gt;/&lt;eid&gt;/</c>; each instance
/// works in a dot-folder of its own beside the users' folders, <c>.instances/&lt;instance&gt;/</c>, on the same file
/// system so that finished work moves in by a rename: <c>incoming/</c> holds uploads while they arrive,
/// <c>staging/</c> experiments' folders while they are assembled. What an instance left there when it stopped midway
/// is its own to clean up when it starts again; no instance touches another's.
/// </summary>
public sealed class UploadFolder
{
    /// <summary>The setting's name (the IPP seed's) and its default.</summary>
    public const string SettingName = "UPLOAD_FOLDER";

    public const string DefaultPath = "data/uploads";

    /// <param name="root">The uploads root.</param>
    /// <param name="instanceId">This instance's name among those sharing the root (<c>Server:InstanceId</c>).</param>
    public UploadFolder(string root, string instanceId)
    {
        Root = Path.GetFullPath(root);
        var own = Path.Combine(Root, ".instances", instanceId);
        IncomingPath = Path.Combine(own, "incoming");
        StagingPath = Path.Combine(own, "staging");
        LegacyIncomingPath = Path.Combine(Root, ".incoming");
        LegacyStagingPath = Path.Combine(Root, ".staging");
    }

    /// <summary>The absolute path of the uploads root.</summary>
    public string Root { get; }

    /// <summary>Where the multipart transport writes uploads as they arrive.</summary>
    public string IncomingPath { get; }

    /// <summary>Where an experiment's folder is assembled before it is renamed into its namespace.</summary>
    public string StagingPath { get; }

    /// <summary>
    /// <see cref="IncomingPath"/> of versions from before instances had their own folders: an instance that starts
    /// cleans up what it holds, as its own, and removes it.
    /// </summary>
    public string LegacyIncomingPath { get; }

    /// <summary><see cref="StagingPath"/> of versions from before instances had their own folders, likewise.</summary>
    public string LegacyStagingPath { get; }

    /// <summary>The folder of a user's experiments in one namespace: <c>&lt;root&gt;/&lt;uid&gt;/&lt;namespace&gt;</c>.</summary>
    public string NamespacePath(long userId, ExperimentStatus status) =>
        Path.Combine(Root, userId.ToString(CultureInfo.InvariantCulture), status.ToName());

    /// <summary>An experiment's folder under the folder contract: <c>&lt;root&gt;/&lt;uid&gt;/&lt;namespace&gt;/&lt;eid&gt;</c>.</summary>
    public string ExperimentPath(long userId, ExperimentStatus status, long experimentId) =>
        Path.Combine(NamespacePath(userId, status), experimentId.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The status the experiment's folders say: the namespace holding <c>&lt;uid&gt;/&lt;namespace&gt;/&lt;eid&gt;</c>.
    /// While a backend copies a folder to its next namespace before deleting the old one, both exist: the one
    /// furthest along wins (failed, completed, running, submitted, editing). Null when there is none.
    /// </summary>
    public ExperimentStatus? StatusOnDisk(long userId, long experimentId)
    {
        ExperimentStatus? found = null;
        foreach (var status in ExperimentStatusNames.Namespaces)
        {
            if (Directory.Exists(ExperimentPath(userId, status, experimentId)))
            {
                found = status; // Namespaces are listed in the order a job goes through them.
            }
        }

        return found;
    }

    /// <summary>Creates the root and the server's working folders when missing.</summary>
    public void EnsureCreated()
    {
        Directory.CreateDirectory(IncomingPath);
        Directory.CreateDirectory(StagingPath);
    }
}
