using Ipp.Graph.Storage;
using Ipp.Graph.Transport.Multipart;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// Fills a folder of the instance's staging folder with an experiment's files and its experiment.json, each flushed to
/// the disk, before the folder is renamed into place (a new experiment's namespace, an edited draft's folder): uploads
/// moved in, library files copied (<see cref="LibraryInputCopies"/>), files of an experiment's folder linked
/// (<see cref="FileLinks"/>). Blocking work, for <see cref="BlockingFileWork"/>.
/// </summary>
public sealed class ExperimentFolderAssembly(UploadFolder folder, LibraryInputCopies copies)
{
    // How often a file of another experiment's folder is looked for again when its folder moved while it was read.
    private const int ExistingFileAttempts = 3;

    /// <summary>
    /// Fills <paramref name="staging"/> (made here): each file under its stored name, then experiment.json; then the
    /// folders' entries are flushed too. A file of an experiment's folder that is not found is an
    /// <see cref="ExperimentFileGoneException"/>.
    /// </summary>
    public void Assemble(string staging, List<PlannedInput> files, byte[] manifest, CancellationToken cancellationToken)
    {
        StorageUnavailableException.Guard($"create the folder {staging}", () => Directory.CreateDirectory(staging));
        var movedTo = new Dictionary<IStoredUpload, string>(ReferenceEqualityComparer.Instance);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var destination = Path.Combine(staging, file.Row.StoredName);
            if (file.Existing is { } existing)
            {
                var parent = Path.GetDirectoryName(destination)!;
                if (parent != staging && folders.Add(parent))
                {
                    DurableDirectory.Create(parent);
                }

                Link(existing, destination);
                continue;
            }

            if (file.Upload is not { } upload)
            {
                continue;
            }

            if (movedTo.TryGetValue(upload, out var first))
            {
                // The multipart spec lets one file fill several variables: each use gets its own copy.
                StorageUnavailableException.Guard($"copy {first} to {destination}", () => File.Copy(first, destination));
            }
            else
            {
                StorageUnavailableException.Guard($"move an upload to {destination}", () => upload.MoveTo(destination));
                movedTo.Add(upload, destination);
            }
        }

        folders.UnionWith(copies.Copy(staging, files, cancellationToken));
        ExperimentManifest.Write(staging, manifest);
        foreach (var made in folders)
        {
            DurableDirectory.Flush(made);
        }

        DurableDirectory.Flush(staging);
    }

    /// <summary>Links the file where its experiment's folder is now, looking again when the folder moved meanwhile.</summary>
    private void Link(ExistingFile existing, string destination)
    {
        for (var attempt = 0; attempt < ExistingFileAttempts; attempt++)
        {
            if (folder.StatusOnDisk(existing.UserId, existing.ExperimentId) is not { } status)
            {
                break;
            }

            var source = Path.Combine(folder.ExperimentPath(existing.UserId, status, existing.ExperimentId), existing.StoredName);
            if (FileLinks.TryLinkOrCopy(source, destination))
            {
                return;
            }
        }

        throw new ExperimentFileGoneException(existing);
    }
}

/// <summary>A file of an experiment's folder to be linked was not there: the folder went, or lost the file.</summary>
public sealed class ExperimentFileGoneException(ExistingFile file)
    : Exception($"The file {file.StoredName} of experiment {file.ExperimentId} is not in its folder.")
{
    public ExistingFile File { get; } = file;
}
