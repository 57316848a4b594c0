using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Library;
using Ipp.Graph.Storage;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// <c>experiment.json</c>, the submitted form as the backend reads it: <c>id</c> (the eid), <c>application</c>,
/// <c>name</c>, <c>description</c>, <c>parameters</c> (with the name and description under the catalogue's
/// <c>experimentName</c>/<c>experimentDescription</c> where it defines them), <c>owner</c> {<c>id</c> (the uid), <c>email</c>},
/// <c>createdAt</c> (RFC 3339, UTC) and <c>files</c> [{<c>parameter</c>, <c>name</c> (its path in the folder),
/// <c>originalName</c>, <c>size</c>}]. The ids are the database ids the folder path uses. A file copied from the
/// library adds <c>libraryEntry</c> {<c>id</c> (the entry's global id), <c>name</c>}; a library folder's files are
/// listed one by one, each <c>name</c> the folder's name in the experiment's folder, '/', its path inside.
/// </summary>
/// <param name="OwnerEmail">The owner's email.</param>
/// <param name="ParametersJson">The parameters as experiment.json gives them (<see cref="Applications.ParameterValidation.ManifestParametersJson"/>).</param>
public sealed record ExperimentManifest(string OwnerEmail, string ParametersJson)
{
    /// <summary>The manifest's content: its size counts against the owner's quota before it is written.</summary>
    public byte[] Render(Experiment experiment)
    {
        var content = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(content, new JsonWriterOptions { Indented = true }))
        {
            WriteContent(writer, experiment);
        }

        return content.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Writes <paramref name="content"/> (<see cref="Render"/>) into <paramref name="folder"/> so that it appears whole
    /// or not at all: under a temporary name, flushed to the disk, then renamed.
    /// </summary>
    public static void Write(string folder, byte[] content)
    {
        var temporary = Path.Combine(folder, StoredFileNames.ManifestTemporaryName);
        StorageUnavailableException.Guard($"write {temporary}", () =>
        {
            using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            file.Write(content);
            file.Flush(flushToDisk: true);
        });
        var manifest = Path.Combine(folder, StoredFileNames.ManifestName);
        StorageUnavailableException.Guard($"rename {temporary} to {manifest}", () => File.Move(temporary, manifest));
    }

    private void WriteContent(Utf8JsonWriter writer, Experiment experiment)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", experiment.Id);
        writer.WriteString("application", experiment.ApplicationKey);
        writer.WriteString("name", experiment.Name);
        writer.WriteString("description", experiment.Description);
        writer.WritePropertyName("parameters");
        writer.WriteRawValue(ParametersJson);
        writer.WriteStartObject("owner");
        writer.WriteNumber("id", experiment.UserId);
        writer.WriteString("email", OwnerEmail);
        writer.WriteEndObject();
        writer.WriteString("createdAt", experiment.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        writer.WriteStartArray("files");
        foreach (var input in experiment.Inputs)
        {
            writer.WriteStartObject();
            writer.WriteString("parameter", input.Parameter);
            writer.WriteString("name", input.StoredName);
            writer.WriteString("originalName", input.OriginalName);
            writer.WriteNumber("size", input.Size);
            if (input.LibraryEntryId is { } entryId)
            {
                writer.WriteStartObject("libraryEntry");
                writer.WriteString("id", GlobalId.Encode(LibrarySchema.TypeName, entryId));
                writer.WriteString("name", input.LibraryEntryName);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
