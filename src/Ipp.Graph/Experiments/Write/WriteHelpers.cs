using Ipp.Graph.Data;
using Ipp.Graph.Storage;

namespace Ipp.Graph.Experiments.Write;

/// <summary>Small facts the writer and the recovery both need.</summary>
internal static class WriteHelpers
{
    /// <summary>The namespace the experiment's folder is in, or null when it is in none.</summary>
    public static ExperimentStatus? FindNamespace(this UploadFolder folder, long userId, long experimentId)
    {
        foreach (var status in ExperimentStatusNames.Namespaces)
        {
            if (Directory.Exists(folder.ExperimentPath(userId, status, experimentId)))
            {
                return status;
            }
        }

        return null;
    }

    /// <summary>Now, cut to the millisecond the API shows, so a stored time reads back as it was written.</summary>
    public static DateTime UtcNowToMillisecond(this TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
