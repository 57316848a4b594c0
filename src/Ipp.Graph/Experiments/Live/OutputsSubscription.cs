using System.Runtime.CompilerServices;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Files;
using Ipp.Graph.Experiments.Tokens;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Library.Download;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Storage;
using Ipp.Graph.Storage.Blobs;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Live;

/// <summary>One event of <c>experimentOutputs</c> (the <c>ExperimentOutputsEvent</c> type).</summary>
/// <param name="ExperimentId">The experiment's database id.</param>
/// <param name="Status">Its status when the outputs were read.</param>
/// <param name="Final">True on the last event: the experiment no longer waits or runs, and <paramref name="Files"/> is every output.</param>
/// <param name="Files">On the first and the last event every output; in between those that appeared or grew since the previous event.</param>
public sealed record ExperimentOutputsEvent(long ExperimentId, ExperimentStatus Status, bool Final, IReadOnlyList<ExperimentOutput> Files);

/// <summary>An output file of an experiment as <c>experimentOutputs</c> delivers it (the <c>ExperimentOutput</c> type).</summary>
/// <param name="Name">Its path below the experiment's folder (or the job's output folder), parts joined by <c>/</c>.</param>
/// <param name="Size">Its size in bytes when it was read.</param>
/// <param name="DownloadUrl">Where it is downloaded: the folder route's <c>/experiments/{id}/files/{path}</c>, the library entry's file once a job on the token pool completed; null while such a job runs.</param>
public sealed record ExperimentOutput(string Name, long Size, string? DownloadUrl);

/// <summary>
/// <c>Subscription.experimentOutputs(id)</c>: the outputs of one experiment as they appear. The first event lists
/// every output; while the experiment waits or runs (SUBMITTED, RUNNING), each next one lists the files that appeared
/// or grew; when it no longer does, a last event (<c>final</c>) lists them all and the stream ends. An experiment that
/// neither waits nor runs when the subscription starts gets that last event at once. Folder route: the files of the
/// experiment's folder but its inputs and experiment.json, as <c>Experiment.outputs</c>, read where the folder is
/// (followed between namespaces) whenever its watch, a status event or the timer wakes the subscription
/// (<see cref="LiveFilesFollower"/>). Token route: the files below the job's output folder of the blob store
/// (<see cref="ExperimentTokens.OutputFolder"/>), which tells nothing: read at each tick and status event; the last
/// event lists the library entry they became when it is there (<see cref="JobOutputsAsync"/>).
/// </summary>
internal static class OutputsSubscription
{
    public static void Bind(SchemaBuilder schema)
    {
        schema
            .Subscribe("Subscription.experimentOutputs", SubscribeAsync)
            .BindType<ExperimentOutputsEvent>("ExperimentOutputsEvent")
            .BindType<ExperimentOutput>("ExperimentOutput")
            .Resolve("ExperimentOutputsEvent.experimentId", context => new(GlobalId.Encode(ExperimentsSchema.TypeName, context.ParentAs<ExperimentOutputsEvent>().ExperimentId)));
    }

    private static async ValueTask<IAsyncEnumerable<object?>> SubscribeAsync(ResolveContext context)
    {
        var experiment = await LiveFilesSchema.FindAsync(context);
        var services = LiveFilesSchema.Services(context);
        var follower = LiveFilesFollower.Open(experiment, services);
        return LiveFilesSchema.Releasing(Stream(experiment, follower, services, CancellationToken.None), follower);
    }

    private static async IAsyncEnumerable<object?> Stream(
        LiveExperiment experiment, LiveFilesFollower follower, IServiceProvider services, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        follower.Start(services, cancellationToken);
        var inputs = await InputNamesAsync(services, experiment.Id);
        var urls = services.GetRequiredService<DownloadUrls>();
        var status = experiment.Status;
        Dictionary<string, long>? seen = null;
        while (await follower.WaitAsync())
        {
            if (await follower.StatusAsync(status) is not { } now)
            {
                yield break; // Deleted.
            }

            status = now;
            var final = !LiveFilesFollower.IsFollowed(status);
            if ((experiment.TokenId is null ? FolderOutputs(experiment, follower.Folder(status), inputs, urls) : await JobOutputsAsync(services, experiment.Id, final)) is not { } files)
            {
                continue; // The store cannot be read now: the next look tries again.
            }

            if (seen is null || final)
            {
                yield return new ExperimentOutputsEvent(experiment.Id, status, final, files);
                if (final)
                {
                    yield break;
                }

                seen = files.ToDictionary(file => file.Name, file => file.Size, StringComparer.Ordinal);
                continue;
            }

            var changed = files.Where(file => !seen.TryGetValue(file.Name, out var size) || size != file.Size).ToList();
            foreach (var file in changed)
            {
                seen[file.Name] = file.Size;
            }

            if (changed.Count > 0)
            {
                yield return new ExperimentOutputsEvent(experiment.Id, status, false, changed);
            }
        }
    }

    private static List<ExperimentOutput> FolderOutputs(LiveExperiment experiment, string? folder, string[] inputs, DownloadUrls urls) =>
        folder is null
            ? []
            : [.. ExperimentFolder.ListOutputs(folder, inputs).Select(file => new ExperimentOutput(file.Path, file.Size, urls.For(experiment.Id, file.Path)))];

    /// <summary>
    /// What the job wrote so far; null while the store cannot be read. At the end (<paramref name="final"/>) the job's
    /// folder may have become the library entry (<see cref="ExperimentOutputs"/> copies it, then deletes it): the
    /// entry's files are then the outputs, each with its download URL. The entry is recorded before the folder is
    /// deleted, so a folder found empty is looked for as an entry once more.
    /// </summary>
    private static async Task<List<ExperimentOutput>?> JobOutputsAsync(IServiceProvider services, long experimentId, bool final)
    {
        if (final && await EntryOutputsAsync(services, experimentId) is { } collected)
        {
            return collected;
        }

        var files = new List<ExperimentOutput>();
        try
        {
            await foreach (var (path, size) in services.GetRequiredService<IBlobStore>().ListFolderFilesAsync(ExperimentTokens.OutputFolder(experimentId), CancellationToken.None))
            {
                files.Add(new ExperimentOutput(path, size, null));
            }
        }
        catch (StorageUnavailableException)
        {
            return null;
        }

        if (final && files.Count == 0)
        {
            return await EntryOutputsAsync(services, experimentId) ?? files;
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return files;
    }

    /// <summary>The files of the library entry the experiment's outputs became; null when there is none (yet).</summary>
    private static async Task<List<ExperimentOutput>?> EntryOutputsAsync(IServiceProvider services, long experimentId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync();
        var entry = await db.Set<LibraryEntry>().AsNoTracking().Where(e => e.ExperimentId == experimentId)
            .Select(e => new { e.Id, Files = e.Files.OrderBy(f => f.Path).Select(f => new { f.Path, f.Size }).ToList() })
            .FirstOrDefaultAsync();
        if (entry is null)
        {
            return null;
        }

        var urls = services.GetRequiredService<LibraryDownloadUrls>();
        return [.. entry.Files.Select(file => new ExperimentOutput(file.Path!, file.Size, urls.File(entry.Id, file.Path!)))];
    }

    private static async Task<string[]> InputNamesAsync(IServiceProvider services, long experimentId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync();
        return await db.ExperimentInputs.Where(i => i.ExperimentId == experimentId).Select(i => i.StoredName).ToArrayAsync();
    }
}
