using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Library;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Transport.Multipart;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// The files a new experiment's folder will hold, from the sources given (<see cref="ExperimentSources"/>): an upload
/// is one file named after the client's name; a library file entry one file named after the entry; a library folder
/// entry a sub-folder named after the entry holding its files at their paths in the library, one row each (ordered by
/// path), so experiment.json lists every file as the backend reads them. The top-level names are made safe and unique
/// together (<see cref="StoredFileNames"/>); the paths inside a folder are the library's, already safe and unique.
/// </summary>
public static class PlannedInputs
{
    /// <summary>
    /// The file of each row, in the order the sources were given; <paramref name="names"/> holds the top-level names
    /// already in the folder (an edited draft's), none when null.
    /// </summary>
    public static List<PlannedInput> Plan(IReadOnlyList<ExperimentSource> sources, StoredFileNames? names = null)
    {
        names ??= new StoredFileNames();
        var planned = new List<PlannedInput>(sources.Count);
        foreach (var source in sources)
        {
            if (source.Upload is { } upload)
            {
                planned.Add(new PlannedInput(
                    new ExperimentInput
                    {
                        Parameter = source.Parameter,
                        StoredName = names.Reserve(upload.FileName),
                        OriginalName = Shorten(upload.FileName, ExperimentInput.FileNameMaxLength),
                        Size = upload.Length,
                    },
                    upload,
                    null));
                continue;
            }

            var entry = source.Entry!;
            var name = names.Reserve(entry.Name);
            foreach (var file in entry.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                var row = new ExperimentInput
                {
                    Parameter = source.Parameter,
                    StoredName = file.Path is null ? name : name + "/" + file.Path,
                    OriginalName = file.Path is null ? entry.Name : entry.Name + "/" + file.Path,
                    Size = file.Size,
                    LibraryEntryId = entry.Id,
                    LibraryEntryName = entry.Name,
                };
                planned.Add(new PlannedInput(row, null, file));
            }
        }

        return planned;
    }

    private static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text[..end];
    }
}

/// <summary>
/// One file of a new experiment's folder: its row, and where its bytes come from: an upload to move in, a library file
/// to copy, or a file of an experiment's folder (<paramref name="Existing"/>: a draft's own file an edit keeps, a
/// cloned experiment's input) to link or copy (<see cref="FileLinks"/>).
/// </summary>
public sealed record PlannedInput(ExperimentInput Row, IStoredUpload? Upload, LibraryFile? LibraryFile, ExistingFile? Existing = null)
{
    /// <summary>The global id of the library entry the file comes from, as the client gave it.</summary>
    public string? LibraryEntryId => Row.LibraryEntryId is { } id ? GlobalId.Encode(LibrarySchema.TypeName, id) : null;
}

/// <summary>
/// A file already in an experiment's folder (<c>&lt;uid&gt;/&lt;namespace&gt;/&lt;eid&gt;/&lt;stored name&gt;</c>), found
/// in whichever namespace the folder is when it is read (the backend may move it meanwhile).
/// </summary>
public sealed record ExistingFile(long UserId, long ExperimentId, string StoredName);
