using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Library.Upload;

/// <summary>The <c>UploadFilesInput</c> input type: the files, and the tags (global ids) every new entry gets.</summary>
public sealed record UploadFilesInput(IReadOnlyList<LibraryFileUploadInput> Files, IReadOnlyList<string>? TagIds = null);

/// <summary>The <c>LibraryFileUploadInput</c> input type: the multipart transport gives each file as an <see cref="Transport.Multipart.IStoredUpload"/>.</summary>
public sealed record LibraryFileUploadInput(IUploadedFile File, string? Path);
