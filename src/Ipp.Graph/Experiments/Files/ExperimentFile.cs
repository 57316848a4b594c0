namespace Ipp.Graph.Experiments.Files;

/// <summary>The <c>ExperimentFile</c> type: a file of an experiment's folder.</summary>
/// <param name="Name">The path in the folder, parts joined by <c>/</c>.</param>
/// <param name="Parameter">The application parameter an input was given for; null for outputs.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="DownloadUrl">The absolute URL of <c>GET /experiments/{id}/files/{path}</c>.</param>
/// <param name="LibraryEntry">The library entry an input was copied from; null for uploads and outputs.</param>
public sealed record ExperimentFile(string Name, string? Parameter, long Size, string DownloadUrl, ExperimentLibrarySource? LibraryEntry = null);

/// <summary>
/// The <c>ExperimentLibrarySource</c> type: the library entry an experiment's input was copied from, as it was then;
/// the entry itself may be gone since, or no longer shared with the caller.
/// </summary>
/// <param name="EntryId">The entry's database id (ids are never reused).</param>
/// <param name="Name">The entry's name when the file was copied.</param>
public sealed record ExperimentLibrarySource(long EntryId, string Name);
