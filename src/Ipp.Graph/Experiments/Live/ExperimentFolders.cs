using System.Globalization;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Storage;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// Reads the folder contract back from disk: the experiments' folders of a user, and which experiment (or user) a
/// changed path under <c>UPLOAD_FOLDER</c> concerns. Which namespace an experiment is in: <see cref="UploadFolder.StatusOnDisk"/>.
/// </summary>
public sealed class ExperimentFolders
{
    private readonly UploadFolder _uploads;

    public ExperimentFolders(UploadFolder uploads)
    {
        _uploads = uploads;
    }

    /// <summary>The eids of the experiment folders in the user's namespaces (any folder named like an id).</summary>
    public IEnumerable<long> ExperimentIdsOf(long userId)
    {
        foreach (var status in ExperimentStatusNames.Namespaces)
        {
            var folder = _uploads.NamespacePath(userId, status);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            string[] entries;
            try
            {
                entries = Directory.GetDirectories(folder);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue; // Moved away meanwhile, or unreadable: the next check looks again.
            }

            foreach (var entry in entries)
            {
                if (TryParseId(Path.GetFileName(entry), out var experimentId))
                {
                    yield return experimentId;
                }
            }
        }
    }

    /// <summary>
    /// What a changed path concerns: an experiment for anything at or below <c>&lt;uid&gt;/&lt;namespace&gt;/&lt;eid&gt;</c>;
    /// the user for <c>&lt;uid&gt;</c> or <c>&lt;uid&gt;/&lt;namespace&gt;</c> (a folder appearing there may bring
    /// experiments' folders whose own events were never seen); null for the server's dot-folders and anything else.
    /// </summary>
    public FolderScope? ScopeOf(string fullPath)
    {
        var relative = Path.GetRelativePath(_uploads.Root, fullPath);
        if (relative == "." || Path.IsPathRooted(relative) || relative.StartsWith("..", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = relative.Split(Path.DirectorySeparatorChar, 4);
        if (!TryParseId(segments[0], out var userId))
        {
            return null;
        }

        if (segments.Length == 1)
        {
            return FolderScope.OfUser(userId);
        }

        if (!ExperimentStatusNames.TryParse(segments[1], out var status) || status == ExperimentStatus.Staging)
        {
            return null;
        }

        if (segments.Length == 2)
        {
            return FolderScope.OfUser(userId);
        }

        return TryParseId(segments[2], out var experimentId) ? FolderScope.OfExperiment(userId, experimentId) : null;
    }

    /// <summary>A database id as the folder contract writes it: digits only, no sign, no leading zero.</summary>
    public static bool TryParseId(string text, out long id)
    {
        id = 0;
        return text.Length is > 0 and <= 19
            && (text[0] != '0' || text.Length == 1)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id)
            && id > 0;
    }
}

/// <summary>What a check covers: one experiment, all of one user's experiments, or everything (reconciliation).</summary>
public readonly record struct FolderScope(long UserId, long ExperimentId)
{
    /// <summary>Every experiment: the reconciliation scan.</summary>
    public static FolderScope Everything { get; } = new(0, 0);

    public static FolderScope OfUser(long userId) => new(userId, 0);

    public static FolderScope OfExperiment(long userId, long experimentId) => new(userId, experimentId);

    public bool IsEverything => UserId == 0;

    public bool IsUser => UserId != 0 && ExperimentId == 0;
}
